import type { LibraryReadResult } from '../../../src/core/library/paper';
import { LibraryCache, type LibraryCacheDeps } from '../../../src/core/library/library-cache';

/** A reader that turns "a,b,c" into papers a, b, c (the real reader is tested in tests/core/library). */
function fakeRead(text: string): LibraryReadResult {
  if (text === 'garbage') throw Object.assign(new Error('not a Better BibTeX export'), { name: 'UnrecognizedExportError' });
  const papers = text
    .split(',')
    .filter(Boolean)
    .map((citekey) => ({ citekey, title: citekey.toUpperCase() }) as LibraryReadResult['papers'][number]);
  return { format: 'biblatex', papers, errors: [], warnings: [] };
}

function setup() {
  const file = { text: 'a,b' };
  const reads: ((text: string) => void)[] = [];
  let manual = false;
  const parses: string[] = [];
  const deps: LibraryCacheDeps = {
    readExport: () => (manual ? new Promise((resolve) => reads.push(resolve)) : Promise.resolve(file.text)),
    loadReader: () =>
      Promise.resolve((text: string) => {
        parses.push(text);
        return fakeRead(text);
      }),
    now: () => new Date(0),
    yieldToUi: () => Promise.resolve(),
  };
  const cache = new LibraryCache(deps);
  return {
    cache,
    file,
    parses,
    /** Hold every read until `answer` is called. */
    holdReads() {
      manual = true;
    },
    answer(text: string) {
      reads.shift()?.(text);
    },
  };
}

const citekeys = (cache: LibraryCache) => cache.current?.result.papers.map((p) => p.citekey) ?? null;

describe('LibraryCache', () => {
  it('loads once and shares the load between callers', async () => {
    const { cache, parses } = setup();
    const states: string[] = [];
    cache.onChange((s) => states.push(s.status));
    const [one, two] = await Promise.all([cache.load(), cache.load()]);
    expect(one).toBe(two);
    expect(await cache.load()).toBe(one);
    expect(parses).toEqual(['a,b']);
    expect(states).toEqual(['loading', 'ready']);
    expect(one.byCitekey.get('b')?.title).toBe('B');
  });

  it('does not parse again when the export text is the same', async () => {
    const { cache, file, parses } = setup();
    await cache.load();
    await cache.reload();
    file.text = 'a,b,c';
    await cache.reload();
    expect(parses).toEqual(['a,b', 'a,b,c']);
    expect(citekeys(cache)).toEqual(['a', 'b', 'c']);
  });

  it('folds reloads asked for during a load into one more read, and ends with the newest text', async () => {
    const { cache, holdReads, answer, parses } = setup();
    holdReads();
    const first = cache.load();
    const second = cache.reload();
    const third = cache.reload();
    answer('a'); // the text as it was when the first read began
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    answer('a,b,c'); // read again because of the reloads
    const results = await Promise.all([first, second, third]);
    expect(results.map((r) => r.text)).toEqual(['a,b,c', 'a,b,c', 'a,b,c']);
    expect(parses).toEqual(['a', 'a,b,c']);
  });

  it('keeps the last good library through a failed reload, and reports the error', async () => {
    const { cache, file } = setup();
    await cache.load();
    file.text = 'garbage';
    await expect(cache.reload()).rejects.toThrow('not a Better BibTeX export');
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
});
