/**
 * "Collections to sync" over several exports (a personal and a group library, each with collections of its own):
 * a name is looked for in all of them, so a collection that only the group has is no warning and no refusal; a
 * name none has is a warning naming every file; when no name matches in any export, the sync stops and writes
 * nothing. Papers outside the scope are neither created nor flagged, whichever export they are in.
 */
import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { syncExport } from '../../../src/core/sync/sync-export';
import type { SyncExportSource } from '../../../src/core/sync/several-exports';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { MemoryStateStore, settings } from './sync-support';

/** A BetterBibTeX JSON export: `papers` by citekey, `collections` by name (each a list of citekeys). */
function bbtJson(papers: string[], collections: Record<string, string[]>): string {
  const items = papers.map((citationKey, i) => ({ itemID: i + 1, itemKey: `KEY${i}`, itemType: 'journalArticle', citationKey, title: `Title of ${citationKey}`, date: '2024' }));
  const byKey = Object.fromEntries(
    Object.entries(collections).map(([name, keys], i) => [`C${i}`, { key: `C${i}`, name, parent: false, items: keys.map((k) => papers.indexOf(k) + 1), collections: [] }]),
  );
  return JSON.stringify({ config: { id: '36a3b0b5-bad0-4a04-b79b-441c7cef77db', label: 'BetterBibTeX JSON' }, collections: byKey, items });
}

const personal: SyncExportSource = { name: '/home/me/Zotero/personal.json', content: bbtJson(['thesisA', 'thesisB', 'loose'], { Thesis: ['thesisA', 'thesisB'] }) };
const group: SyncExportSource = { name: 'Zotero/group.json', content: bbtJson(['readingA', 'other'], { Reading: ['readingA'], Archive: ['other'] }) };

function setup() {
  const vault = new InMemoryVault();
  const store = new MemoryStateStore();
  const run = (syncCollections: string[]) => syncExport({ exports: [personal, group], vault, store, settings: settings({ syncCollections }), now: new Date(2025, 9, 1), language: 'en' });
  return { vault, run };
}

describe('collections to sync, over several exports', () => {
  it('takes each name from whichever export has it, with no warning for a name only one export has', async () => {
    const { vault, run } = setup();
    const outcome = await run(['Thesis', 'Reading']);
    expect(outcome.report.created.sort()).toEqual(['Literature/readingA.md', 'Literature/thesisA.md', 'Literature/thesisB.md']);
    expect(outcome.report.flagged).toEqual([]);
    expect(outcome.scope).toMatchObject({ matched: ['Reading', 'Thesis'], unknown: [], papers: 3, total: 5 });
    expect(outcome.warnings.filter((w) => /collection/i.test(w))).toEqual([]);
    expect(await vault.read('Literature/loose.md')).toBeNull();
    // The same exports and scope again: nothing to do, and the papers of the scope are what is unchanged.
    const again = await run(['Thesis', 'Reading']);
    expect([again.skipped, again.report.unchanged, again.report.created, again.report.updated]).toEqual([true, 3, [], []]);
  });

  it('warns of a name no export has, naming every export, and still syncs the names that match', async () => {
    const { run } = setup();
    const outcome = await run(['Thesis', 'Nowhere']);
    expect(outcome.report.created.sort()).toEqual(['Literature/thesisA.md', 'Literature/thesisB.md']);
    expect(outcome.warnings.filter((w) => w.includes('"Nowhere"'))).toEqual([
      expect.stringContaining('"Nowhere" is not a collection of personal.json and group.json'),
    ]);
  });

  it('stops, writing nothing, when no name is a collection of any export', async () => {
    const { vault, run } = setup();
    await expect(run(['Nowhere'])).rejects.toThrow(SyncAbortedError);
    await expect(run(['Nowhere'])).rejects.toThrow(/is not in personal\.json and group\.json/);
    expect(await vault.list('', '.md')).toEqual([]);
  });

  it('leaves the notes of papers outside a narrower scope alone, byte for byte, in either export', async () => {
    const { vault, run } = setup();
    await run([]);
    const before = await Promise.all(['loose', 'other', 'readingA'].map((k) => vault.read(`Literature/${k}.md`)));
    const narrowed = await run(['Thesis']);
    expect(narrowed.skipped).toBe(false); // another scope: planned again
    expect([narrowed.report.flagged, narrowed.report.updated, narrowed.report.created]).toEqual([[], [], []]);
    expect(await Promise.all(['loose', 'other', 'readingA'].map((k) => vault.read(`Literature/${k}.md`)))).toEqual(before);
  });
});
