/**
 * The library shelf: one cache per export, seen as one library (a citekey in two exports is the first's paper),
 * one export failing without the others, and the caches of exports still listed kept when the list changes.
 */
import { entryOf, packEntries, type LibraryParser, type ParsedExport } from '../../../src/core/library';
import { LibraryShelf, type ShelfExport } from '../../../src/core/library/library-shelf';
import type { Paper } from '../../../src/core/library/paper';
import { hashBytes } from '../../../src/core/text';

/** "a,b" reads as papers a and b, titled after their export; "" as nothing at all. */
function parser(reads: string[]): LibraryParser {
  const kept = new Map<string, Paper[]>();
  return {
    parse(bytes) {
      const text = new TextDecoder().decode(bytes);
      reads.push(text);
      const fingerprint = hashBytes(bytes);
      const [source, keys] = text.split(':');
      const papers = (keys ?? '').split(',').filter(Boolean).map((citekey) => ({ citekey, title: `${citekey} from ${source}`, authors: [], year: null, venue: null, collections: [] }) as unknown as Paper);
      kept.set(fingerprint, papers);
      const summary = { fingerprint, errors: [], warnings: [], complete: true, collections: [], count: papers.length, packedEntries: packEntries(papers.map((p) => entryOf(p, 'h'))) };
      if (papers.length === 0) return Promise.resolve({ ...summary, format: null, defect: { reason: 'empty', message: 'The export file is empty.' } } satisfies ParsedExport);
      return Promise.resolve({ ...summary, format: 'biblatex', defect: null } satisfies ParsedExport);
    },
    papers: (fingerprint, citekeys) => Promise.resolve(kept.get(fingerprint)?.filter((p) => citekeys.includes(p.citekey)) ?? null),
    release: () => kept.clear(),
  };
}

function setup(initial: Record<string, string>) {
  const files = new Map(Object.entries(initial));
  let listed = Object.keys(initial);
  const reads: string[] = [];
  const exports = (): ShelfExport[] =>
    listed.map((name) => ({
      name,
      read: () => {
        const text = files.get(name);
        return text === undefined ? Promise.reject(new Error(`Export file not found: ${name}`)) : Promise.resolve(new TextEncoder().encode(text));
      },
    }));
  const shelf = new LibraryShelf({ exports, createParser: () => parser(reads), now: () => new Date(0), pause: () => undefined, timers: { set: () => 0, clear: () => undefined } });
  return { shelf, files, reads, list: (names: string[]) => (listed = names) };
}

describe('LibraryShelf', () => {
  it('searches the exports as one library: a citekey in two is the first export\'s paper', async () => {
    const { shelf } = setup({ 'personal.bib': 'personal:a,b', 'group.json': 'group:b,c' });
    const library = await shelf.load();
    expect(library.entries.map((e) => e.title)).toEqual(['a from personal', 'b from personal', 'c from group']);
    expect(library.size).toBe(3);
    expect(shelf.paperCount).toBe(3);
    expect((await library.paper('c')).title).toBe('c from group');
    expect((await library.papers(['c', 'b', 'a'])).map((p) => p.title)).toEqual(['c from group', 'b from personal', 'a from personal']);
    expect(library.parts.map((p) => [p.name, p.library?.size])).toEqual([['personal.bib', 2], ['group.json', 2]]);
    expect(shelf.current).toBe(library);
    expect(shelf.state.status).toBe('ready');
  });

  it('keeps the exports that can be read when one cannot, and fails only when none can', async () => {
    const { shelf, files } = setup({ 'personal.bib': 'personal:a', 'group.json': 'group:' });
    const library = await shelf.load();
    expect(library.entries.map((e) => e.citekey)).toEqual(['a']);
    expect(library.failures.map((f) => [f.name, f.error.message])).toEqual([['group.json', 'The export file is empty.']]);
    files.delete('personal.bib');
    await expect(shelf.reload()).rejects.toThrow('Export file not found: personal.bib');
  });

  it('keeps the library of an export still listed when the list changes', async () => {
    const { shelf, reads, list } = setup({ 'personal.bib': 'personal:a', 'group.json': 'group:b' });
    await shelf.load();
    reads.length = 0;
    list(['personal.bib']);
    shelf.clear();
    expect(shelf.names).toEqual(['personal.bib']);
    expect((await shelf.load()).entries.map((e) => e.citekey)).toEqual(['a']);
    expect(reads).toEqual([]); // not read again
  });

  it('counts the papers the last sync knew while no export is parsed', async () => {
    const { shelf, files, reads } = setup({ 'personal.bib': 'personal:a,b', 'group.json': 'group:b,c' });
    const fingerprint = (name: string) => hashBytes(new TextEncoder().encode(files.get(name)));
    const opened = await shelf.open([{ exportHash: fingerprint('personal.bib'), paperCount: 2 }, { exportHash: fingerprint('group.json'), paperCount: 2 }], 3);
    expect(opened).toEqual({ loaded: [], failed: [] });
    expect(reads).toEqual([]);
    expect(shelf.state).toEqual({ status: 'known', paperCount: 3 });
  });
});
