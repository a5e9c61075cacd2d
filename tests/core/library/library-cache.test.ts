import { entryOf, packEntries, type LibraryParser, type ParsedExport } from '../../../src/core/library';
import { LibraryCache, type LibraryCacheDeps } from '../../../src/core/library/library-cache';
import type { Paper } from '../../../src/core/library/paper';
import { hashBytes } from '../../../src/core/text';

/** A paper with only what these tests look at. */
const paper = (citekey: string) => ({ citekey, title: citekey.toUpperCase(), authors: [], year: null, venue: null, collections: [] }) as unknown as Paper;

/**
 * A parser that turns the text "a,b,c" into papers a, b, c (the real reader is tested in tests/core/library), and
 * keeps them for `papers` until released. "garbage" reads as nothing at all.
 */
class FakeParser implements LibraryParser {
  readonly parses: string[] = [];
  releases = 0;
  private kept = new Map<string, Paper[]>();

  parse(bytes: Uint8Array): Promise<ParsedExport> {
    const text = new TextDecoder().decode(bytes);
    const fingerprint = hashBytes(bytes);
    this.parses.push(text);
    const summary = { fingerprint, errors: [], warnings: [], complete: true, collections: [] };
    if (text === 'garbage') return Promise.resolve({ ...summary, format: null, defect: { reason: 'unreadable', message: 'not a Better BibTeX export' }, count: 0, packedEntries: new Uint8Array() });
    const papers = text.split(',').filter(Boolean).map(paper);
    this.kept.set(fingerprint, papers);
    return Promise.resolve({ ...summary, format: 'biblatex', defect: null, count: papers.length, packedEntries: packEntries(papers.map((p) => entryOf(p, 'h'))) });
  }

  papers(fingerprint: string, citekeys: readonly string[]): Promise<Paper[] | null> {
    const kept = this.kept.get(fingerprint);
    return Promise.resolve(kept ? kept.filter((p) => citekeys.includes(p.citekey)) : null);
  }

  release(): void {
    this.releases++;
    this.kept.clear();
  }
}

function setup() {
  const file = { text: 'a,b' };
  const held: ((bytes: Uint8Array) => void)[] = [];
  let hold = false;
  let reads = 0;
  const parser = new FakeParser();
  const timers = new Map<number, () => void>();
  let seq = 0;
  const deps: LibraryCacheDeps = {
    readExport: () => {
      reads++;
      const bytes = new TextEncoder().encode(file.text);
      return hold ? new Promise((resolve) => held.push(resolve)) : Promise.resolve(bytes);
    },
    createParser: () => parser,
    now: () => new Date(0),
    pause: () => undefined,
    timers: { set: (callback) => (timers.set(++seq, callback), seq), clear: (handle) => void timers.delete(handle as number) },
    idleMs: 20_000,
  };
  const cache = new LibraryCache(deps);
  return {
    cache,
    deps,
    file,
    parser,
    reads: () => reads,
    /** Hold every read until `answer` is called. */
    holdReads() {
      hold = true;
    },
    answer(text: string) {
      held.shift()?.(new TextEncoder().encode(text));
    },
    /** The quiet spell is over: the idle timers fire. */
    idle() {
      for (const [id, callback] of [...timers]) {
        timers.delete(id);
        callback();
      }
    },
  };
}

const citekeys = (cache: LibraryCache) => cache.current?.entries.map((p) => p.citekey) ?? null;

describe('LibraryCache', () => {
  it('loads once and shares the load between callers', async () => {
    const { cache, parser } = setup();
    const states: string[] = [];
    cache.onChange((s) => states.push(s.status));
    const [one, two] = await Promise.all([cache.load(), cache.load()]);
    expect(one).toBe(two);
    expect(await cache.load()).toBe(one);
    expect(parser.parses).toEqual(['a,b']);
    expect(states).toEqual(['loading', 'ready']);
    expect(one.entry('b')?.title).toBe('B');
    expect(cache.paperCount).toBe(2);
  });

  it('does not parse again when the export bytes are the same', async () => {
    const { cache, file, parser } = setup();
    await cache.load();
    await cache.reload();
    file.text = 'a,b,c';
    await cache.reload();
    expect(parser.parses).toEqual(['a,b', 'a,b,c']);
    expect(citekeys(cache)).toEqual(['a', 'b', 'c']);
  });

  it('folds reloads asked for during a load into one more read, and ends with the newest export', async () => {
    const { cache, holdReads, answer, parser } = setup();
    holdReads();
    const first = cache.load();
    const second = cache.reload();
    const third = cache.reload();
    answer('a'); // the export as it was when the first read began
    await new Promise((r) => setImmediate(r));
    answer('a,b,c'); // read again because of the reloads
    const results = await Promise.all([first, second, third]);
    expect(results.map((r) => r.entries.length)).toEqual([3, 3, 3]);
    expect(parser.parses).toEqual(['a', 'a,b,c']);
  });

  it('keeps the last good library through a failed reload, and reports the error', async () => {
    const { cache, file } = setup();
    await cache.load();
    file.text = 'garbage';
    await expect(cache.reload()).rejects.toMatchObject({ name: 'UnreadableExportError', reason: 'unreadable', message: 'not a Better BibTeX export' });
    expect(cache.state.status).toBe('error');
    expect(citekeys(cache)).toEqual(['a', 'b']);
    file.text = 'c';
    await cache.reload();
    expect(cache.state.status).toBe('ready');
    expect(citekeys(cache)).toEqual(['c']);
  });

  it('drops a load still running when cleared (the export path changed)', async () => {
    const { cache, holdReads, answer } = setup();
    holdReads();
    const old = cache.load();
    cache.clear();
    answer('old,path');
    await old;
    expect(cache.state.status).toBe('empty');
    expect(cache.current).toBeNull();
  });

  it('opens at start-up without parsing an export the last sync read, taking its paper count from the sync state', async () => {
    const { cache, parser, file } = setup();
    const lastSync = { exportHash: hashBytes(new TextEncoder().encode('a,b')), paperCount: 10000 };
    expect(await cache.open(lastSync)).toBeNull();
    expect(cache.state).toEqual({ status: 'known', paperCount: 10000 });
    expect(cache.paperCount).toBe(10000);
    expect(cache.current).toBeNull();
    expect(parser.parses).toEqual([]);

    // First need (the import modal): parsed then.
    expect((await cache.load()).entries).toHaveLength(2);
    expect(parser.parses).toEqual(['a,b']);

    // Changed since the last sync: loaded at once.
    const other = setup();
    other.file.text = 'a,b,c';
    expect((await other.cache.open(lastSync))?.entries).toHaveLength(3);
    expect(other.parser.parses).toEqual(['a,b,c']);
    expect(file.text).toBe('a,b');
  });

  it('reads whole papers on demand, and reads the export again once the parser was released for being idle', async () => {
    const { cache, parser, idle, file } = setup();
    const library = await cache.load();
    expect((await library.papers(['b'])).map((p) => p.title)).toEqual(['B']);
    await expect(library.paper('zz')).rejects.toThrow('zz is not in the export any more.');
    expect(parser.parses).toHaveLength(1);

    idle(); // a quiet spell: the parser (a worker in the plugin) gives its memory back
    expect(parser.releases).toBe(1);
    expect((await library.paper('a')).title).toBe('A');
    expect(parser.parses).toEqual(['a,b', 'a,b']); // the same export, read again

    idle();
    file.text = 'a,b,c';
    await expect(library.papers(['a'])).rejects.toThrow('The export changed while it was being read; sync again.');
  });

  it('reads the export again once for papers asked for together, and on keepPapers before a paper is chosen', async () => {
    const { cache, parser, idle } = setup();
    const library = await cache.load();
    idle();
    const [a, b] = await Promise.all([library.paper('a'), library.paper('b')]);
    expect([a.title, b.title]).toEqual(['A', 'B']);
    expect(parser.parses).toEqual(['a,b', 'a,b']); // one parse again for both

    idle();
    cache.keepPapers(); // a citation is being typed: have the papers at hand when one is chosen
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(parser.parses).toEqual(['a,b', 'a,b', 'a,b']);
    expect((await library.paper('b')).title).toBe('B');
    expect(parser.parses).toHaveLength(3);
  });

  it('passes the export name to the parser, for the warnings about its encoding', async () => {
    const { deps, parser } = setup();
    const names: (string | undefined)[] = [];
    const recording: LibraryParser = {
      parse: (bytes, _fingerprint, name) => (names.push(name), parser.parse(bytes)),
      papers: (fingerprint, keys) => parser.papers(fingerprint, keys),
      release: () => parser.release(),
    };
    const named = new LibraryCache({ ...deps, createParser: () => recording, exportName: () => 'Zotero/library.bib' });
    await named.load();
    expect(names).toEqual(['Zotero/library.bib']);
  });

  it('releases the parser when disposed (the plugin unloads), leaving no timer behind', async () => {
    const { cache, parser } = setup();
    await cache.load();
    cache.dispose();
    expect(parser.releases).toBe(1);
    expect(cache.state.status).toBe('empty');
  });
});
