/**
 * BetterBibTeX JSON collections → the collection hierarchy and the collection paths of each item. The
 * `collections` map is keyed by collection key; each has a `name`, a `parent` (key, or empty) and/or a child list
 * `collections`, and `items` (itemIDs in BBT 5, item keys in later versions). An item in a sub-collection is not
 * also listed in the parent.
 */
import { collectionList, collectionName } from '../collections';
import type { LibraryCollection } from '../paper';

interface RawCollection {
  name?: unknown;
  parent?: unknown;
  collections?: unknown;
  items?: unknown;
}

export interface BbtCollections {
  /** From item identity (itemID as string, or item key) to its collection names (paths), sorted. */
  byItem: Map<string, string[]>;
  /** Every collection, empty ones included. */
  collections: LibraryCollection[];
}

/** Read the export's `collections` (an object by key, or an array in some versions). */
export function readBbtCollections(collections: unknown): BbtCollections {
  const byItem = new Map<string, string[]>();
  if (typeof collections !== 'object' || collections === null) return { byItem, collections: [] };
  const all = Array.isArray(collections)
    ? new Map((collections as (RawCollection & { key?: unknown })[]).map((c, i) => [typeof c.key === 'string' ? c.key : String(i), c]))
    : new Map(Object.entries(collections as Record<string, RawCollection>));
  const parentOf = new Map<string, string>();
  for (const [key, c] of all) {
    if (typeof c.parent === 'string' && c.parent !== '' && all.has(c.parent)) parentOf.set(key, c.parent);
    if (Array.isArray(c.collections)) for (const child of c.collections) if (typeof child === 'string') parentOf.set(child, key);
  }
  const pathCache = new Map<string, string[]>();
  const pathOf = (key: string, seen: Set<string> = new Set()): string[] => {
    const cached = pathCache.get(key);
    if (cached !== undefined) return cached;
    const name = typeof all.get(key)?.name === 'string' ? (all.get(key)?.name as string) : key;
    const parent = parentOf.get(key);
    seen.add(key);
    const path = parent !== undefined && !seen.has(parent) && all.has(parent) ? [...pathOf(parent, seen), name] : [name];
    pathCache.set(key, path);
    return path;
  };
  for (const [key, c] of all) {
    const path = collectionName(pathOf(key));
    if (!Array.isArray(c.items)) continue;
    for (const id of c.items) {
      if (typeof id !== 'string' && typeof id !== 'number') continue;
      const paths = byItem.get(String(id)) ?? [];
      if (!paths.includes(path)) paths.push(path);
      byItem.set(String(id), paths);
    }
  }
  for (const paths of byItem.values()) paths.sort((a, b) => a.localeCompare(b));
  return { byItem, collections: collectionList([...all.keys()].map((key) => pathOf(key))) };
}
