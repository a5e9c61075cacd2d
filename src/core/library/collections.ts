/**
 * The collection hierarchy of an export (Zotero collections in BBT JSON, JabRef groups in a `.bib`), and the test
 * a collection-scoped sync needs: is a paper in collection X or in one of its subcollections. A collection is named
 * by its path from the top (`["Methodology", "Self-efficacy"]`, written "Methodology/Self-efficacy"), since leaf
 * names repeat across a library.
 */
import type { LibraryCollection } from './paper';

/** A collection path as `Paper.collections` writes it. */
export function collectionName(path: readonly string[]): string {
  return path.join('/');
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = a[i].localeCompare(b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** The collections of the given paths and all their ancestors, each once, in tree order (parents first). */
export function collectionList(paths: Iterable<readonly string[]>): LibraryCollection[] {
  const byName = new Map<string, string[]>();
  for (const path of paths) {
    for (let n = 1; n <= path.length; n++) {
      const prefix = path.slice(0, n);
      byName.set(collectionName(prefix), prefix);
    }
  }
  return [...byName.values()].sort(comparePaths).map((path) => ({ path, parent: path.length > 1 ? path.slice(0, -1) : null }));
}

export interface CollectionScope {
  /** Whether the paper is in one of the requested collections or below one of them. */
  includes(paper: { readonly collections: readonly string[] }): boolean;
  /** Requested names that match no collection of the export, as given. */
  unknown: string[];
  /** The collections the requested names matched (paths), each once, in tree order; their subcollections count too. */
  matched: string[];
}

/** A collection name as compared: Unicode NFC (a name typed on a Mac may come decomposed), each level trimmed. */
function folded(name: string): string {
  return name
    .normalize('NFC')
    .split('/')
    .map((level) => level.trim())
    .join('/')
    .replace(/^\/+|\/+$/g, '');
}

/**
 * The scope of `requested` collections, subcollections included. Each is named by its path ("Reading/MLLM"), by
 * the end of its path ("MLLM", every collection of that name; "Reading/MLLM" under any parent), exactly or else
 * ignoring case. Every collection a name matches is in scope: a name two collections share takes both.
 */
export function collectionScope(collections: readonly LibraryCollection[], requested: readonly string[]): CollectionScope {
  // Each collection under every end of its path ("A/B/C" under "C", "B/C" and "A/B/C"), as given and in lower case.
  const exact = new Map<string, Set<string>>();
  const caseless = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, name: string) => map.set(key, (map.get(key) ?? new Set()).add(name));
  for (const c of collections) {
    const name = collectionName(c.path);
    for (let k = 0; k < c.path.length; k++) {
      const end = folded(collectionName(c.path.slice(k)));
      add(exact, end, name);
      add(caseless, end.toLowerCase(), name);
    }
  }
  const roots = new Set<string>();
  const unknown: string[] = [];
  for (const wanted of requested) {
    const w = folded(wanted);
    const matches = exact.get(w) ?? caseless.get(w.toLowerCase());
    if (w === '' || !matches) unknown.push(wanted);
    else for (const m of matches) roots.add(m);
  }
  const names = collections.map((c) => collectionName(c.path));
  const matched = names.filter((name) => roots.has(name));
  const inScope = new Set(names.filter((name) => matched.some((root) => name === root || name.startsWith(`${root}/`))));
  return { includes: (paper) => paper.collections.some((c) => inScope.has(c)), unknown, matched: [...new Set(matched)] };
}
