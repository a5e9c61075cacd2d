import { LoadedLibrary } from '../../../src/core/library';
import { statusText, statusTooltip, type StatusView } from '../../../src/core/sync';

function library(n: number): LoadedLibrary {
  const entries = Array.from({ length: n }, (_, i) => ({ citekey: `k${i}`, hash: '', title: '', authors: '', year: null, venue: null, zoteroUri: null, collections: [] }));
  const summary = { fingerprint: 'f', format: 'biblatex' as const, errors: [], warnings: [], defect: null, complete: true, collections: [] };
  return new LoadedLibrary(summary, entries, () => Promise.resolve([]), new Date(0));
}

const base: StatusView = { exportSet: true, library: { status: 'empty' }, paperCount: null, syncing: false, progress: null, lastSync: null };

describe('status bar text', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date(2025, 2, 8, 18, 0) }));
  afterEach(() => jest.useRealTimers());

  it('shows the library size and when it was last synced', () => {
    expect(statusText({ ...base, library: { status: 'ready', library: library(1234) }, paperCount: 1234, lastSync: new Date(2025, 2, 8, 14, 3) })).toBe(
      'Zotero: 1,234 papers · synced 14:03',
    );
    expect(statusText({ ...base, library: { status: 'ready', library: library(1) }, paperCount: 1, lastSync: new Date(2025, 1, 20, 9, 0) })).toBe(
      'Zotero: 1 paper · synced Feb 20',
    );
    // Start-up with the export the last sync read: the count comes from the sync state, nothing is parsed.
    expect(statusText({ ...base, library: { status: 'known', paperCount: 10000 }, paperCount: 10000, lastSync: new Date(2025, 2, 8, 9, 30) })).toBe(
      'Zotero: 10,000 papers · synced 09:30',
    );
  });

  it('shows progress while syncing, and the state before a library is there', () => {
    expect(statusText({ ...base, syncing: true, progress: { done: 120, total: 1234 } })).toBe('Zotero: syncing 120/1,234…');
    expect(statusText({ ...base, exportSet: false })).toBe('Zotero: no export file set');
    expect(statusText({ ...base, library: { status: 'loading', previous: null } })).toBe('Zotero: loading library…');
    expect(statusText({ ...base, library: { status: 'error', error: new Error('x'), previous: library(3) }, paperCount: 3 })).toBe(
      'Zotero: 3 papers · not synced yet · export not readable',
    );
  });

  it('adds the standing problems in a few words, and gives them in full as the tooltip', () => {
    const ready: StatusView = { ...base, library: { status: 'ready', library: library(3) }, paperCount: 3, lastSync: new Date(2025, 2, 8, 14, 3) };
    const problems = [
      { kind: 'sync' as const, message: 'The note template has an error (line 4). Nothing was written.' },
      { kind: 'concepts' as const, message: 'Concept links could not be updated: disk full' },
    ];
    expect(statusText({ ...ready, problems })).toBe('Zotero: 3 papers · synced 14:03 · last sync had problems · concept links not updated');
    expect(statusTooltip({ ...ready, problems })).toBe('The note template has an error (line 4). Nothing was written.\nConcept links could not be updated: disk full');
    expect(statusTooltip(ready)).toBeNull();
    const unreadable = { kind: 'export' as const, message: 'Export file not found in the vault: Zotero/library.bib' };
    expect(statusText({ ...base, library: { status: 'error', error: new Error('x'), previous: null }, problems: [unreadable] })).toBe('Zotero: export not readable');
    expect(statusText({ ...base, problems: [unreadable] })).toBe('Zotero: export not readable'); // never loaded (a phone)
  });
});
