import { entryOf, LoadedLibrary, packEntries, paperHash, unpackEntries, type PaperEntry } from '../../../src/core/library';
import { makePaper } from '../sync/sync-support';

describe('compact library entries', () => {
  it('survive the trip between threads, whatever their text', async () => {
    const papers = [
      makePaper('a', { title: 'Line\nbreak, "quotes" and \\ backslash', authors: ['Müller, Ana', '张伟'], year: 2024, venue: 'NeurIPS' }),
      makePaper('基于指令微调', { title: '多模态思维链', authors: [], year: null, venue: null }),
      makePaper('tab\tkey', { title: '' }),
    ];
    const entries = papers.map((p) => entryOf(p));
    let pauses = 0;
    const back = await unpackEntries(packEntries(entries), () => {
      pauses++;
      return undefined;
    });
    expect(back).toEqual(entries);
    expect(back[0]).toEqual({ citekey: 'a', hash: paperHash(papers[0]), title: 'Line\nbreak, "quotes" and \\ backslash', authors: 'Müller, Ana; 张伟', year: 2024, venue: 'NeurIPS' });
    expect(pauses).toBe(3); // one per entry: the time slicer decides there whether to yield
    expect(await unpackEntries(packEntries([]))).toEqual([]);
  });

  it('are looked up by citation key (the first of a repeated key), and read whole on demand', async () => {
    const entries: PaperEntry[] = ['x', 'y', 'x'].map((k, i) => ({ ...entryOf(makePaper(k)), title: `T${i}` }));
    const asked: string[][] = [];
    const summary = { fingerprint: 'f', format: 'biblatex' as const, errors: [], warnings: [], defect: null, complete: true };
    const library = new LoadedLibrary(summary, entries, (keys) => (asked.push([...keys]), Promise.resolve(keys.map((k) => makePaper(k)))), new Date(0));
    expect(library.size).toBe(3);
    expect(library.entry('x')?.title).toBe('T0');
    expect(library.entry('z')).toBeUndefined();
    expect((await library.paper('y')).citekey).toBe('y');
    expect(asked).toEqual([['y']]);
  });
});
