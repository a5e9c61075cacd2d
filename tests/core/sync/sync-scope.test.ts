/** The scope of a sync limited to collections: its key, its words, and what the sync state records of it. */
import { describeScope, resolveSyncScope, scopeKey } from '../../../src/core/sync/sync-scope';
import { emptySyncState, type SyncStateHead } from '../../../src/core/sync/sync-state';
import { parseSyncStateHead, serializeSyncState } from '../../../src/core/sync/sync-state-text';
import { syncedByAnotherDevice } from '../../../src/core/sync/unchanged-export';
import { emptySyncSummary } from '../../../src/core/sync/sync-summary';
import { formatSyncSummary } from '../../../src/core/sync/sync-messages';

const tree = (...paths: string[]) => paths.map((p) => ({ path: p.split('/'), parent: p.includes('/') ? p.split('/').slice(0, -1) : null }));
const library = {
  collections: tree('Reading', 'Reading/MLLM', 'Reading/MLLM/Agents', 'Methods'),
  entries: [{ collections: ['Reading/MLLM'] }, { collections: ['Reading/MLLM/Agents'] }, { collections: ['Methods'] }, { collections: [] }],
};

describe('scope key', () => {
  it('is empty for the whole library, and the same for the same names in any order, spacing or Unicode form', () => {
    expect(scopeKey([])).toBe('');
    expect(scopeKey(['', '  '])).toBe('');
    expect(scopeKey(['MLLM', 'Méthodes'])).toBe(scopeKey([' Me\u0301thodes', 'MLLM ', 'MLLM']));
    expect(scopeKey(['MLLM'])).not.toBe(scopeKey(['MLLM', 'Methods']));
  });

  it('is recorded with the export in the state head, and another device\'s sync of the export under another scope is not taken as done', () => {
    const state = emptySyncState();
    state.lastExport = { exportHash: 'e', paperCount: 4, syncedAt: '', clean: true, notesListing: '', device: 'phone', scope: scopeKey(['MLLM']) };
    const head = parseSyncStateHead(serializeSyncState(state)) as SyncStateHead;
    expect(head.lastExport?.scope).toBe('["MLLM"]');
    expect(syncedByAnotherDevice(head, 'e', 'laptop', scopeKey(['MLLM']))).toBe(true);
    expect(syncedByAnotherDevice(head, 'e', 'laptop', scopeKey(['Methods']))).toBe(false);
    expect(syncedByAnotherDevice(head, 'e', 'laptop', '')).toBe(false);
  });
});

describe('resolveSyncScope', () => {
  it('counts the papers in scope, subcollections included', () => {
    const { scope, warnings } = resolveSyncScope(library, ['MLLM'], 'Zotero/library.json');
    expect(scope?.summary).toEqual({ requested: ['MLLM'], matched: ['Reading/MLLM'], unknown: [], papers: 2, total: 4 });
    expect(warnings).toEqual([]);
    expect(resolveSyncScope(library, [], 'x.json')).toEqual({ scope: null, warnings: [] });
  });

  it('warns when the collections named hold no paper', () => {
    const empty = { ...library, collections: tree('Reading', 'Empty') };
    expect(resolveSyncScope(empty, ['Empty'], 'C:\\Zotero\\library.json').warnings).toEqual(['The collections to sync ("Empty") hold no papers in library.json.']);
  });
});

describe('the settings check and the summary', () => {
  it('says how many papers are in scope, which names are unknown, and when none is known', () => {
    expect(describeScope(library, [], 'library.json')).toEqual({ kind: 'ok', text: 'The whole library: 4 papers.' });
    expect(describeScope(library, ['Reading'], 'library.json')).toEqual({ kind: 'ok', text: 'In scope: 2 of 4 papers, in "Reading".' });
    const some = describeScope(library, ['Reading', 'Thesis'], 'library.json');
    expect(some.kind).toBe('warning');
    expect(some.text).toBe('In scope: 2 of 4 papers, in "Reading". "Thesis" is not a collection of library.json, so only "Reading" is synced (its collections include Reading, Methods)');
    expect(describeScope(library, ['Thesis'], 'library.json')).toEqual({
      kind: 'error',
      text: 'The collection to sync, "Thesis", is not in library.json (its collections include Reading, Methods). Check "Collections to sync" in the settings, or --collection: syncing stops until one is.',
    });
  });

  it('names the scope in the sync summary', () => {
    const scope = { requested: ['MLLM'], matched: ['Reading/MLLM'], unknown: [], papers: 2, total: 4 };
    expect(formatSyncSummary(emptySyncSummary({ scope }))).toMatch(/^Library synced \(2 of 4 papers, in "Reading\/MLLM"\): 0 created/);
  });
});
