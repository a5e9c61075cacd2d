import type { LoadedLibrary } from '../../src/obsidian/library-cache';
import { statusText, type StatusView } from '../../src/obsidian/status-bar';
import { describeSyncError, formatConceptRun, formatSyncSummary, summaryIsNoteworthy } from '../../src/obsidian/sync-messages';
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

describe('more sync words', () => {
  it('counts flagged notes and adds the warnings', () => {
    const text = formatSyncSummary(emptySummary({ unchanged: 3, flagged: ['Literature/gone.md'], warnings: ['citekey "x" is in two notes'] }));
    expect(text).toBe(
      'Library synced: 0 created, 0 updated, 3 unchanged, 0 conflicts, 0 errors, 1 flagged.\n' +
        'No longer in the export (flagged, not deleted): Literature/gone.md\n' +
        'citekey "x" is in two notes',
    );
    expect(summaryIsNoteworthy(emptySummary({ flagged: ['a'] }))).toBe(true);
    expect(summaryIsNoteworthy(emptySummary({ unchanged: 3, warnings: ['w'] }))).toBe(false);
  });

  it('explains a bad template or date format, and says nothing was written', () => {
    const template = Object.assign(new Error('Templates/paper.md, line 4: unknown variable "autorString"'), { name: 'TemplateError' });
    expect(describeSyncError(template)).toBe('The note template has an error (Templates/paper.md, line 4: unknown variable "autorString"). Nothing was written.');
    const date = Object.assign(new Error('Invalid date format "YYYY" (date-fns tokens): use yyyy'), { name: 'DateFormatError' });
    expect(describeSyncError(date)).toBe('Invalid date format "YYYY" (date-fns tokens): use yyyy. Nothing was written; fix the date format in the settings.');
    expect(describeSyncError(new Error('disk full'))).toBe('Sync failed: disk full');
  });

  it('describes a concept run', () => {
    const run = { conceptCount: 3, updated: ['a.md', 'b.md'], links: { 'a.md': ['ICL', 'CoT'] }, newConflicts: ['"LM" is a term of "Concepts/LLM.md" and "Concepts/LM.md", so it is not linked.'], skipped: ['c.md'], failed: [{ path: 'd.md', message: 'gone' }] };
    expect(formatConceptRun('Concept links rebuilt', run)).toBe(
      'Concept links rebuilt: 2 links added, 2 notes updated.\n' +
        'Left alone while open in the editor (linked later): c.md\n' +
        '"LM" is a term of "Concepts/LLM.md" and "Concepts/LM.md", so it is not linked.\n' +
        'Not linked: d.md (gone)',
    );
    expect(formatConceptRun('Concept links rebuilt', { ...run, conceptCount: 0 })).toBe(
      'Concept links rebuilt: there are no concept notes yet. Add notes to the concepts folder, or run "Create concept notes from glossary".',
    );
  });
});
