/**
 * Several exports seen as one library (a personal library and a group library): what the library search, "Import
 * paper", the citation suggester and "Cited in" look at. A citekey in two exports is the first export's paper, as
 * the sync takes it (which reports the other); each part is kept too, so that a sync gets every export on its own.
 */
import { hashString } from '../text/fingerprint';
import { collectionList } from './collections';
import { LoadedLibrary, type PaperEntry } from './library-index';
import type { Paper } from './paper';

/** One export of the library: read, or the error that kept it from being read. */
export type ShelfPart = { name: string; library: LoadedLibrary; error?: undefined } | { name: string; library?: undefined; error: Error };

export class ShelfLibrary extends LoadedLibrary {
  constructor(
    /** Every export, in the order of the settings. */
    readonly parts: readonly ShelfPart[],
    loadedAt: Date,
  ) {
    const loaded = parts.flatMap((p) => (p.library ? [p.library] : []));
    const owner = new Map<string, LoadedLibrary>();
    const entries: PaperEntry[] = [];
    for (const library of loaded) {
      for (const e of library.entries) {
        if (owner.has(e.citekey) && owner.get(e.citekey) !== library) continue;
        owner.set(e.citekey, library);
        entries.push(e);
      }
    }
    const single = parts.length === 1 ? parts[0].library : undefined;
    const summary = {
      fingerprint: single ? single.fingerprint : hashString(JSON.stringify(parts.map((p) => [p.name, p.library?.fingerprint ?? '']))),
      format: loaded[0]?.format ?? null,
      errors: loaded.flatMap((l) => l.errors),
      warnings: loaded.flatMap((l) => l.warnings),
      defect: null,
      complete: loaded.every((l) => l.complete),
      // The collections of them all: a sync limited to collections takes them from any export.
      collections: single ? single.collections : collectionList(loaded.flatMap((l) => l.collections.map((c) => c.path))),
    };
    const readPapers = async (citekeys: readonly string[]): Promise<Paper[]> => {
      const found = new Map<string, Paper>();
      for (const library of loaded) {
        const mine = citekeys.filter((k) => owner.get(k) === library);
        if (mine.length > 0 || (citekeys.length === 0 && loaded.length > 0)) for (const p of await library.papers(mine)) found.set(p.citekey, p);
      }
      return citekeys.flatMap((k) => found.get(k) ?? []);
    };
    super(summary, single ? single.entries : entries, readPapers, loadedAt);
  }

  /** The exports that could not be read, with why. */
  get failures(): { name: string; error: Error }[] {
    return this.parts.flatMap((p) => (p.error ? [{ name: p.name, error: p.error }] : []));
  }
}
