/**
 * The collection hierarchy of an export (Zotero collections in BBT JSON, JabRef groups in a `.bib`), and the test
 * a collection-scoped sync needs: is a paper in collection X or in one of its subcollections. A collection is named
 * by its path from the top (`["Methodology", "Self-efficacy"]`, written "Methodology/Self-efficacy"), since leaf
 * names repeat across a library.
 */
import type { LibraryCollection, Paper } from './paper';

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
  includes(paper: Pick<Paper, 'collections'>): boolean;
  /** Requested names that match no collection of the export. */
  unknown: string[];
}

/**
 * The scope of `requested` collections, each given by its path ("Reading/MLLM") or by its own name ("MLLM", every
 * collection of that name), subcollections included.
 */
export function collectionScope(collections: readonly LibraryCollection[], requested: readonly string[]): CollectionScope {
  const names = collections.map((c) => collectionName(c.path));
  const roots = new Set<string>();
  const unknown: string[] = [];
  for (const wanted of requested) {
    const w = wanted.trim().replace(/^\/+|\/+$/g, '');
    const matches = collections.filter((c, i) => names[i] === w || c.path[c.path.length - 1] === w).map((c) => collectionName(c.path));
    if (matches.length === 0) unknown.push(wanted);
    for (const m of matches) roots.add(m);
  }
  const inScope = new Set(names.filter((name) => [...roots].some((root) => name === root || name.startsWith(`${root}/`))));
  return { includes: (paper) => paper.collections.some((c) => inScope.has(c)), unknown };
}
