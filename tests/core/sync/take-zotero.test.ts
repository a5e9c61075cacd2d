/**
 * "Take Zotero's version": the way back from a conflict (or an edit regretted), per note or per part, in the merge
 * and through the import use case.
 */
import { CREATION_ONLY_KEYS, MANAGED_KEYS } from '../../../src/core/notes/front-matter';
import { hashesOfFresh, mergeNote, type MergeOptions } from '../../../src/core/sync/merge-note';
import { importPaper, syncLibrary } from '../../../src/core/sync/sync-library';
import { readFrontMatterValue } from '../../../src/core/text/front-matter-text';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { makePaper, MemoryStateStore, render, settings } from './sync-support';

const v1 = render(makePaper('yin2024', { title: 'Old title', abstract: 'Old abstract.' }));
const v2 = render(makePaper('yin2024', { title: 'New title', abstract: 'New abstract.' }));

function opts(take?: MergeOptions['take']): MergeOptions {
  return { recorded: hashesOfFresh(v1.fresh), managedKeys: MANAGED_KEYS, createOnlyKeys: new Set<string>(CREATION_ONLY_KEYS), take };
}

/** The note with the user's edits: a conflicted title and summary, a note of their own outside the managed parts. */
const edited = v1.text
  .replace('title: Old title', 'title: My title')
  .replace('Old abstract.', 'My summary.')
  .replace('## Notes\n', '## Notes\n\nMine, outside: kept always.\n');

describe('mergeNote with take', () => {
  it('takes every managed part back with "all", and nothing else', () => {
    expect(mergeNote(edited, v2.fresh, opts()).conflicts).toHaveLength(2);
    const r = mergeNote(edited, v2.fresh, opts('all'));
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(v2.text.replace('## Notes\n', '## Notes\n\nMine, outside: kept always.\n'));
    expect(r.written).toEqual({ keys: hashesOfFresh(v2.fresh).keys, regions: hashesOfFresh(v2.fresh).regions });
  });

  it('takes only the named parts: a conflicted key, and leaves the other conflict as it is', () => {
    const r = mergeNote(edited, v2.fresh, opts(new Set(['title'])));
    expect(readFrontMatterValue(r.text, 'title')).toBe('New title');
    expect(r.text).toContain('My summary.');
    expect(r.conflicts).toEqual(['region "summary" was edited by hand: kept']);
  });

  it('takes a key back when it is only commented, or was deleted, even though Zotero has nothing new for it', () => {
    const commented = v1.text.replace('title: Old title', 'title: Old title # check this');
    expect(mergeNote(commented, v1.fresh, opts(new Set(['title']))).text).toBe(v1.text);
    const deleted = v1.text.replace('venue: National Science Review\n', '');
    expect(mergeNote(deleted, v1.fresh, opts()).text).toBe(deleted);
    expect(mergeNote(deleted, v1.fresh, opts(new Set(['venue']))).text).toBe(v1.text);
  });

  it('with "all", leaves a managed key the user added that Zotero never had; named, it goes', () => {
    const added = v1.text.replace('zotero:', 'doi: 10.1000/mine\nzotero:');
    expect(mergeNote(added, v1.fresh, opts('all')).text).toBe(added);
    expect(mergeNote(added, v1.fresh, opts(new Set(['doi']))).text).toBe(v1.text);
  });

  it('never takes the creation-only keys (date, categories): they are the user\'s after the note is made', () => {
    const redated = v1.text.replace(/date: .*\n/, 'date: 2020-01-01 00:00:00\n');
    expect(mergeNote(redated, v1.fresh, opts('all')).text).toBe(redated);
  });
});

describe('importPaper with take', () => {
  const exportOf = (title: string) => `@article{yin2024,\n  title = {${title}},\n  author = {Yin, Shukang},\n  date = {2024},\n}\n`;

  function setup() {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    const request = (title: string) => ({ vault, store, settings: settings(), language: 'en' as const, now: new Date(2025, 9, 1), exportContent: exportOf(title), linker: () => Promise.resolve(undefined) });
    return { vault, store, request };
  }

  it('resolves a conflict for good: the next syncs update the note as usual', async () => {
    const { vault, store, request } = setup();
    await syncLibrary(request('Old title'));
    const path = 'Literature/yin2024.md';
    await vault.write(path, (await vault.read(path))!.replace('title: Old title', 'title: My title'));
    expect((await syncLibrary(request('New title'))).summary.conflicts).toEqual([path]);
    expect(JSON.parse(store.text!).notes.yin2024[6]).toBe(1);
    const taken = await importPaper(request('New title'), 'yin2024', { parts: ['title'] });
    expect(taken).toMatchObject({ status: 'updated', path });
    expect(readFrontMatterValue((await vault.read(path))!, 'title')).toBe('New title');
    expect(JSON.parse(store.text!).notes.yin2024[6]).toBe(0);
    const later = await syncLibrary(request('Newer title'));
    expect(later.summary).toMatchObject({ updated: [path], conflicts: [] });
  });

  it('refuses a part the plugin does not write, naming the parts it does', async () => {
    const { request } = setup();
    await syncLibrary(request('Old title'));
    const r = await importPaper(request('Old title'), 'yin2024', { parts: ['titel'] });
    expect(r.status).toBe('failed');
    expect(r.message).toBe('"titel": not a part the plugin writes (its parts: title, tags, citekey, authors, year, venue, arxiv, doi, zotero, aliases, header, summary)');
  });

  it('changes the note the user pointed at when two notes name the citekey', async () => {
    const { vault, request } = setup();
    await syncLibrary(request('Old title'));
    const copy = (await vault.read('Literature/yin2024.md'))!.replace('title: Old title', 'title: Copy');
    await vault.write('Elsewhere/copy.md', copy);
    await importPaper(request('Old title'), 'yin2024', { parts: 'all', path: 'Elsewhere/copy.md' });
    expect(readFrontMatterValue((await vault.read('Elsewhere/copy.md'))!, 'title')).toBe('Old title');
  });
});
