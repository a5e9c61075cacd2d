import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { syncExport, type SyncExportInput } from '../../../src/core/sync/sync-export';
import { StoredSyncState } from '../../../src/core/sync/sync-state-store';
import { VaultSyncStateStore } from '../../../src/core/sync/vault-state-store';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { MemoryStateStore, settings } from './sync-support';

function entry(key: string, title: string, extra = ''): string {
  return `@article{${key},\n  title = {${title}},\n  author = {Yin, Shukang and Fu, Chaoyou},\n  date = {2024},\n  journaltitle = {National Science Review},\n${extra}}\n\n`;
}

function bib(n: number, changed: Record<number, string> = {}): string {
  return Array.from({ length: n }, (_, i) => entry(`key${i}`, changed[i] ?? `Paper number ${i}`)).join('');
}

const CSL = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: `key${i}`, type: 'article-journal', title: `Paper ${i}`, issued: { 'date-parts': [[2024]] } })), null, 2);

function setup() {
  const vault = new InMemoryVault();
  const store = new MemoryStateStore();
  const run = (exportText: string, extra: Partial<SyncExportInput> = {}) =>
    syncExport({ exportText, vault, store, settings: settings(), now: new Date(2025, 9, 1), language: 'en', ...extra });
  return { vault, store, run };
}

async function abortReason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncAbortedError) return e.reason;
    throw e;
  }
  return 'no abort';
}

describe('syncExport', () => {
  it('syncs an export, then skips an unchanged export without parsing it or writing anything', async () => {
    const { vault, store, run } = setup();
    const first = await run(bib(3));
    expect(first.skipped).toBe(false);
    expect(first.report.created).toHaveLength(3);
    expect(first.library).toMatchObject({ format: 'biblatex', paperCount: 3 });
    vault.resetWrites();
    const second = await run(bib(3));
    expect(second).toMatchObject({ skipped: true, plan: null });
    expect(second.report).toMatchObject({ created: [], updated: [], unchanged: 3, conflicts: [], errors: [] });
    expect(vault.writes).toEqual([]);
    expect(store.saves).toBe(1);
  });

  it('skips from the state head alone while the notes folder is as the last sync left it', async () => {
    const { vault, store, run } = setup();
    await run(bib(3));
    const wholeState = jest.spyOn(StoredSyncState.prototype, 'loadState');
    try {
      const reads = store.memory.reads;
      expect((await run(bib(3))).skipped).toBe(true);
      expect(wholeState).not.toHaveBeenCalled();
      expect(store.memory.reads).toBe(reads + 1);
      // An unrelated note in the folder: the head cannot tell, the whole state can (still skipped).
      await vault.write('Literature/my own note.md', 'Mine.\n');
      vault.resetWrites();
      expect((await run(bib(3))).skipped).toBe(true);
      expect(wholeState).toHaveBeenCalledTimes(1);
      expect(store.memory.reads).toBe(reads + 2);
      expect(vault.writes).toEqual([]);
    } finally {
      wholeState.mockRestore();
    }
  });

  it('does not take the fast path when a note was deleted, and recreates it', async () => {
    const { vault, store, run } = setup();
    await run(bib(2));
    const onlyKey0 = new InMemoryVault({ 'Literature/key0.md': (await vault.read('Literature/key0.md'))! });
    const again = await syncExport({ exportText: bib(2), vault: onlyKey0, store, settings: settings(), now: new Date(2025, 9, 2), language: 'en' });
    expect(again.skipped).toBe(false);
    expect(again.report.created).toEqual(['Literature/key1.md']);
    expect(again.report.unchanged).toBe(1);
  });

  it('re-plans when the template or language changed, and writes only what differs', async () => {
    const { vault, run } = setup();
    await run(bib(2));
    vault.resetWrites();
    const zh = await run(bib(2), { language: 'zh' });
    expect(zh.skipped).toBe(false);
    expect(zh.report.updated.sort()).toEqual(['Literature/key0.md', 'Literature/key1.md']);
    expect(await vault.read('Literature/key0.md')).toContain('## 摘要');
  });

  it('writes one note when one entry of the export changed', async () => {
    const { vault, run } = setup();
    await run(bib(20));
    vault.resetWrites();
    const r = await run(bib(20, { 7: 'A corrected title' }));
    expect(r.report.updated).toEqual(['Literature/key7.md']);
    expect(r.report.unchanged).toBe(19);
    expect(vault.writes).toEqual(['Literature/key7.md']);
  });

  it('reads the state file once per sync and serialises the state once when it saves', async () => {
    const STATE = '.obsidian/plugins/zotero-concept-notes/sync-state.json';
    const vault = new InMemoryVault();
    const run = (exportText: string) => syncExport({ exportText, vault, store: new VaultSyncStateStore(vault, STATE), settings: settings(), now: new Date(2025, 9, 1), language: 'en' });
    await run(bib(3));
    const reads = jest.spyOn(vault, 'read');
    const stateReads = () => reads.mock.calls.filter(([path]) => path === STATE).length;
    // The serialiser writes each note as one JSON array: count those of one note (one per serialisation).
    const stringify = jest.spyOn(JSON, 'stringify');
    const serialisations = () => stringify.mock.calls.filter(([v]) => Array.isArray(v) && v[0] === 'Literature/key1.md').length;
    try {
      const changed = await run(bib(3, { 1: 'A corrected title' }));
      expect(changed.skipped).toBe(false);
      expect(changed.report.updated).toEqual(['Literature/key1.md']);
      expect(stateReads()).toBe(1);
      expect(serialisations()).toBe(1);
      reads.mockClear();
      stringify.mockClear();
      expect((await run(bib(3, { 1: 'A corrected title' }))).skipped).toBe(true);
      expect(stateReads()).toBe(1);
      expect(serialisations()).toBe(0);
      // Planned again (forced) with nothing to change: read once, serialised once to compare, not written.
      reads.mockClear();
      stringify.mockClear();
      const writes = jest.spyOn(vault, 'write');
      const forced = await syncExport({ exportText: bib(3, { 1: 'A corrected title' }), vault, store: new VaultSyncStateStore(vault, STATE), settings: settings(), now: new Date(2025, 9, 2), language: 'en', force: true });
      expect(forced.report.unchanged).toBe(3);
      expect(stateReads()).toBe(1);
      expect(serialisations()).toBe(1);
      expect(writes).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });

  describe('refuses a half-written or suspicious export without touching the vault', () => {
    const cases: [string, string, string][] = [
      ['an empty file', '', 'empty'],
      ['a blank file', '  \n\n', 'empty'],
      ['a BibLaTeX file cut inside its last entry', bib(10).slice(0, -30), 'truncated'],
      ['a BibLaTeX file cut just after an entry began', bib(10) + '@arti', 'truncated'],
      ['a BibLaTeX file whose last entry does not close', bib(9) + entry('key9', 'Unbalanced {brace') , 'truncated'],
      ['a CSL JSON file cut in the middle', CSL(10).slice(0, 200), 'truncated'],
      ['an HTML page', '<!doctype html><p>Not found</p>', 'unreadable'],
      ['far fewer papers than the last sync', bib(4), 'too-few-papers'],
      ['only @comment blocks', '@comment{jabref-meta: databaseType:biblatex;}\n', 'empty'],
    ];
    it.each(cases)('%s', async (_name, text, reason) => {
      const { vault, run } = setup();
      await run(bib(10));
      const before = vault.snapshot();
      vault.resetWrites();
      expect(await abortReason(run(text))).toBe(reason);
      expect(vault.writes).toEqual([]);
      expect(vault.snapshot()).toEqual(before);
    });
  });

  it('syncs an export with a broken entry in the middle, reporting it as an error, and keeps its note', async () => {
    const { vault, run } = setup();
    await run(bib(3));
    const broken = '@article{key1,\n  = {Paper number 1},\n}\n\n';
    const r = await run(entry('key0', 'Paper number 0') + broken + entry('key2', 'Changed title 2'));
    expect(r.report.errors).toEqual([{ citekey: 'key1', path: null, message: 'export line 8: no field could be read ("name = value" expected)' }]);
    expect(r.report.updated).toEqual(['Literature/key2.md']);
    // An entry that failed to read is still in Zotero: its note is not flagged as removed.
    expect(r.report.flagged).toEqual([]);
    expect(await vault.exists('Literature/key1.md')).toBe(true);
    // The export is not clean, so the same export is planned again (not skipped) and still reports the error.
    const again = await run(entry('key0', 'Paper number 0') + broken + entry('key2', 'Changed title 2'));
    expect(again.skipped).toBe(false);
    expect(again.report.errors).toHaveLength(1);
  });

  it('imports one citekey and reports a citekey that is not in the export', async () => {
    const { run } = setup();
    const one = await run(bib(3), { only: ['key1'] });
    expect(one.report.created).toEqual(['Literature/key1.md']);
    const missing = await run(bib(3), { only: ['nope'] });
    expect(missing.report.errors).toEqual([{ citekey: 'nope', path: null, message: 'not in the export' }]);
  });

  it('plans but writes nothing on a dry run', async () => {
    const { vault, store, run } = setup();
    const r = await run(bib(3), { dryRun: true });
    expect(r.report.created).toEqual(['Literature/key0.md', 'Literature/key1.md', 'Literature/key2.md']);
    expect(vault.writes).toEqual([]);
    expect(store.saves).toBe(0);
  });
});
