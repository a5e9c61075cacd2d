import { entryOf, LoadedLibrary, mapWholePapers, packEntries, paperHash, unpackEntries, type PaperEntry } from '../../../src/core/library';
import { makePaper } from '../sync/sync-support';

describe('compact library entries', () => {
  it('survive the trip between threads, whatever their text', async () => {
    const papers = [
      makePaper('a', { title: 'Line\nbreak, "quotes" and \\ backslash', authors: ['Müller, Ana', '张伟'], year: 2024, venue: 'NeurIPS' }),
      makePaper('基于指令微调', { title: '多模态思维链', authors: [], year: null, venue: null }),
      makePaper('tab\tkey', { title: '', collections: ['Reading/MLLM', 'Méthodes, "quoted"'] }),
      makePaper('same', { collections: ['Reading/MLLM'] }),
    ];
    const entries = papers.map((p) => entryOf(p));
    let pauses = 0;
    const back = await unpackEntries(packEntries(entries), () => {
      pauses++;
      return undefined;
    });
    expect(back).toEqual(entries);
    expect(back[0]).toEqual({ citekey: 'a', hash: paperHash(papers[0]), title: 'Line\nbreak, "quotes" and \\ backslash', authors: 'Müller, Ana; 张伟', year: 2024, venue: 'NeurIPS', zoteroUri: null, collections: [] });
    // Collections travel too, commas and quotes in their names included.
    expect(back[2].collections).toEqual(['Reading/MLLM', 'Méthodes, "quoted"']);
    expect(back[3].collections).toEqual(['Reading/MLLM']);
    expect(pauses).toBe(4); // one per entry: the time slicer decides there whether to yield
    expect(await unpackEntries(packEntries([]))).toEqual([]);
  });

  it('are looked up by citation key (the first of a repeated key), and read whole on demand', async () => {
    const entries: PaperEntry[] = ['x', 'y', 'x'].map((k, i) => ({ ...entryOf(makePaper(k)), title: `T${i}` }));
    const asked: string[][] = [];
    const summary = { fingerprint: 'f', format: 'biblatex' as const, errors: [], warnings: [], defect: null, complete: true, collections: [] };
    const library = new LoadedLibrary(summary, entries, (keys) => (asked.push([...keys]), Promise.resolve(keys.map((k) => makePaper(k)))), new Date(0));
    expect(library.size).toBe(3);
    expect(library.entry('x')?.title).toBe('T0');
    expect(library.entry('z')).toBeUndefined();
    expect((await library.paper('y')).citekey).toBe('y');
    expect(asked).toEqual([['y']]);
  });

  it('are read whole a batch at a time for what needs every paper, keeping only what is picked', async () => {
    const entries = Array.from({ length: 600 }, (_, i) => entryOf(makePaper(`k${i}`)));
    const asked: number[] = [];
    const source = { entries, papers: (keys: readonly string[]) => (asked.push(keys.length), Promise.resolve(keys.map((k) => makePaper(k)))) };
    let pauses = 0;
    const picked = await mapWholePapers(source, (p) => p.citekey, () => (pauses++, undefined));
    expect(picked).toEqual(entries.map((e) => e.citekey));
    expect(asked).toEqual([256, 256, 88]);
    expect(pauses).toBe(3);
  });

  it('keep the item-key Zotero link a phone needs, and nothing for the one built from the citation key', () => {
    expect(entryOf(makePaper('a')).zoteroUri).toBeNull();
    expect(entryOf(makePaper('b', { zoteroUri: 'zotero://select/library/items/ABCD2345' })).zoteroUri).toBe('zotero://select/library/items/ABCD2345');
  });
});
