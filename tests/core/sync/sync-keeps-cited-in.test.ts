/**
 * "Cited in" is the citation engine's section: a sync (an unchanged export forced through, a paper that changed in
 * Zotero) never rewrites it, never reports it as a conflict, and leaves the notes around it as they were.
 */
import { updateCitedIn } from '../../../src/core/citations/update-cited-in';
import { syncExport } from '../../../src/core/sync/sync-export';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { MemoryStateStore, settings } from './sync-support';

const entry = (key: string, title: string) =>
  `@article{${key},\n  title = {${title}},\n  author = {Yin, Shukang and Fu, Chaoyou},\n  date = {2024},\n  journaltitle = {National Science Review},\n}\n\n`;
const bib = (titles: string[]) => titles.map((t, i) => entry(`key${i}`, t)).join('');

const citedIn = (text: string) => /%% zcn:begin cited-in %%\n[\s\S]*?%% zcn:end cited-in %%\n/.exec(text)?.[0] ?? null;

describe('a sync after "Cited in" was written', () => {
  it('changes nothing in the section, nor in the notes Zotero did not change', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    const sync = (exportText: string, force = false) => syncExport({ exportText, vault, store, settings: settings(), now: new Date(2025, 9, 1), language: 'en', force });
    await sync(bib(['First paper', 'Second paper']));
    await vault.write('Drafts/Survey.md', 'As [@key0] and [@key1, p. 3] show, and again [see @key0].\n');
    const cited = await updateCitedIn(vault, { notesFolder: 'Literature', language: 'en' });
    expect(cited.updated).toEqual(['Literature/key0.md', 'Literature/key1.md']);
    const before = { key0: (await vault.read('Literature/key0.md'))!, key1: (await vault.read('Literature/key1.md'))! };
    expect(citedIn(before.key0)).toBe('%% zcn:begin cited-in %%\n## Cited in (1)\n\n- [[Survey]] · 2 citations\n%% zcn:end cited-in %%\n');

    // The same export, synced in full: every note is looked at, none is written, nothing is a conflict.
    vault.resetWrites();
    const forced = await sync(bib(['First paper', 'Second paper']), true);
    expect(forced.report).toMatchObject({ created: [], updated: [], conflicts: [], errors: [] });
    expect(vault.writes).toEqual([]);

    // Zotero changed the first paper: its managed parts change, its "Cited in" does not; the other note is untouched.
    const changed = await sync(bib(['First paper, revised', 'Second paper']));
    expect(changed.report).toMatchObject({ updated: ['Literature/key0.md'], conflicts: [] });
    const after = (await vault.read('Literature/key0.md'))!;
    expect(after).toContain('title: First paper, revised\n');
    expect(citedIn(after)).toBe(citedIn(before.key0));
    expect(after.slice(after.indexOf('%% zcn:begin cited-in'))).toBe(before.key0.slice(before.key0.indexOf('%% zcn:begin cited-in')));
    expect(await vault.read('Literature/key1.md')).toBe(before.key1);

    // And the sections are still right: a rebuild has nothing to write.
    expect((await updateCitedIn(vault, { notesFolder: 'Literature', language: 'en' })).updated).toEqual([]);
  });
});
