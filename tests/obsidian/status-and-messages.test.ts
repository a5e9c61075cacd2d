import type { LoadedLibrary } from '../../src/obsidian/library-cache';
import { statusText, type StatusView } from '../../src/obsidian/status-bar';
import { formatSyncSummary, summaryIsNoteworthy } from '../../src/obsidian/sync-messages';
import { emptySummary } from './plugin-harness';

function library(n: number): LoadedLibrary {
  const papers = Array.from({ length: n }, (_, i) => ({ citekey: `k${i}` })) as LoadedLibrary['result']['papers'];
  return { result: { format: 'biblatex', papers, errors: [], warnings: [] }, text: '', loadedAt: new Date(0), byCitekey: new Map() };
}

const base: StatusView = { exportSet: true, library: { status: 'empty' }, syncing: false, progress: null, lastSync: null };

describe('status bar text', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date(2025, 2, 8, 18, 0) }));
  afterEach(() => jest.useRealTimers());

  it('shows the library size and when it was last synced', () => {
    expect(statusText({ ...base, library: { status: 'ready', library: library(1234) }, lastSync: new Date(2025, 2, 8, 14, 3) })).toBe(
      'Zotero: 1,234 papers · synced 14:03',
    );
    expect(statusText({ ...base, library: { status: 'ready', library: library(1) }, lastSync: new Date(2025, 1, 20, 9, 0) })).toBe(
      'Zotero: 1 paper · synced Feb 20',
    );
  });

  it('shows progress while syncing, and the state before a library is there', () => {
    expect(statusText({ ...base, syncing: true, progress: { done: 120, total: 1234 } })).toBe('Zotero: syncing 120/1,234…');
    expect(statusText({ ...base, exportSet: false })).toBe('Zotero: no export file set');
    expect(statusText({ ...base, library: { status: 'loading', previous: null } })).toBe('Zotero: loading library…');
    expect(statusText({ ...base, library: { status: 'error', error: new Error('x'), previous: library(3) } })).toBe(
      'Zotero: 3 papers · not synced yet · export not readable',
    );
  });
});

describe('sync summary', () => {
  it('counts every outcome and names conflicting notes and failed papers', () => {
    const text = formatSyncSummary(
      emptySummary({
        created: ['a'],
        updated: ['b', 'c'],
        unchanged: 1200,
        conflicts: ['Literature/x.md', 'Literature/y.md', 'Literature/z.md', 'Literature/w.md'],
        errors: [{ citekey: 'bad', message: 'no title' }],
      }),
    );
    expect(text).toBe(
      'Library synced: 1 created, 2 updated, 1,200 unchanged, 4 conflicts, 1 error.\n' +
        'Your edits were kept in: Literature/x.md, Literature/y.md, Literature/z.md and 1 more\n' +
        'Not synced: bad (no title)',
    );
  });

  it('stays quiet for an automatic sync that changed nothing', () => {
    expect(summaryIsNoteworthy(emptySummary({ unchanged: 5 }))).toBe(false);
    expect(summaryIsNoteworthy(emptySummary({ skipped: true }))).toBe(false);
    expect(summaryIsNoteworthy(emptySummary({ updated: ['a'] }))).toBe(true);
    expect(formatSyncSummary(emptySummary({ skipped: true }))).toBe('Library synced: the export has not changed since the last sync.');
  });
});
