/**
 * Managed regions made of items: the annotations section is a series of blocks, each ending with its block-id
 * line `^ann-<key>` (notes/annotation-markdown.ts). People annotate in Zotero while they edit earlier highlights'
 * notes in Obsidian, so such a region is merged item by item, three-way, keyed by the annotation key:
 * - an item the user did not touch takes Zotero's version (or goes, when Zotero no longer has it);
 * - an item the user edited is kept; it is a conflict (reported, never resolved silently) only when Zotero changed or
 *   removed that same item too;
 * - an item new in Zotero is added after the item that precedes it in Zotero's order, even when other items were
 *   edited; an item the user deleted (its hash is recorded) stays deleted.
 * The region's leading heading line is an item of its own (`#head`); text after the last item is the user's.
 * Item hashes are recorded as `<region id>/<key>` beside the region's own hash.
 */
import { hashString } from '../text/fingerprint';

const ITEM_ID = /^\^ann-([A-Za-z0-9]+)[ \t]*$/;
const HEAD = '#head';

interface Item {
  key: string;
  lines: string[];
}

interface RegionItems {
  items: Item[];
  /** Lines after the last item's id line. */
  tail: string[];
}

/** A region's content as items; null when it has no item (or two items share a key: then it is merged whole). */
function parseItems(content: string): RegionItems | null {
  const lines = content.split('\n');
  const items: Item[] = [];
  let start = 0;
  if (lines[0]?.startsWith('#')) {
    items.push({ key: HEAD, lines: [lines[0]] });
    start = 1;
  }
  const seen = new Set<string>();
  for (let i = start; i < lines.length; i++) {
    const key = ITEM_ID.exec(lines[i])?.[1];
    if (key === undefined) continue;
    if (seen.has(key)) return null;
    seen.add(key);
    items.push({ key, lines: lines.slice(start, i + 1) });
    start = i + 1;
  }
  return seen.size === 0 ? null : { items, tail: lines.slice(start) };
}

const textOf = (item: Item) => item.lines.join('\n');

/** The name an item's hash is recorded under. */
function hashName(regionId: string, key: string): string {
  return `${regionId}/${key}`;
}

/** The recorded hashes of a region's items (by item key), from the note's recorded hashes. */
export function recordedItemHashes(regionId: string, recorded: Readonly<Record<string, string>>): Map<string, string> {
  const prefix = `${regionId}/`;
  const out = new Map<string, string>();
  for (const name of Object.keys(recorded)) if (name.startsWith(prefix)) out.set(name.slice(prefix.length), recorded[name]);
  return out;
}

/** `name=hash` entries for the items of a region's content, as the plugin writes it ([] for a region without items). */
export function itemHashEntries(regionId: string, content: string): [string, string][] {
  const parsed = parseItems(content);
  return parsed ? parsed.items.map((item) => [hashName(regionId, item.key), hashString(textOf(item))]) : [];
}

export interface ItemMerge {
  content: string;
  /** Hashes to record for the items, by `<region id>/<key>`. */
  written: Record<string, string>;
  conflicts: string[];
}

/**
 * Merge a region item by item; null when either side has no items (the caller merges it whole). `fresh` '' means
 * Zotero has nothing for the region any more.
 */
export function mergeRegionItems(regionId: string, current: string, fresh: string, recorded: ReadonlyMap<string, string>): ItemMerge | null {
  const mine = parseItems(current);
  const theirs = fresh === '' ? { items: [], tail: [] } : parseItems(fresh);
  if (!mine || !theirs) return null;
  const freshByKey = new Map(theirs.items.map((item) => [item.key, item]));
  const out: ItemMerge = { content: current, written: {}, conflicts: [] };
  const record = (key: string, hash: string | undefined) => {
    if (hash !== undefined) out.written[hashName(regionId, key)] = hash;
  };
  const label = (key: string) => (key === HEAD ? `the heading of region "${regionId}"` : `annotation ${key}`);
  const result: Item[] = [];
  for (const item of mine.items) {
    const next = freshByKey.get(item.key);
    const was = recorded.get(item.key);
    const mineHash = hashString(textOf(item));
    if (next === undefined) {
      // Gone from Zotero: removed when untouched, kept (and reported) when edited, kept silently when never ours.
      if (was === undefined) result.push(item);
      else if (was !== mineHash) {
        result.push(item);
        record(item.key, was);
        out.conflicts.push(`${label(item.key)} was removed in Zotero but edited here: kept`);
      }
      continue;
    }
    const nextHash = hashString(textOf(next));
    if (mineHash === nextHash || was === mineHash) {
      result.push(next);
      record(item.key, nextHash);
    } else {
      result.push(item);
      record(item.key, was);
      if (was !== nextHash) out.conflicts.push(`${label(item.key)} was edited here and changed in Zotero: kept`);
    }
  }
  insertNewItems(theirs.items, result, recorded, record);
  out.content = [...result.flatMap((item) => item.lines), ...mine.tail].join('\n');
  // Zotero's order first: the recorded hashes (and the state file) must not depend on where the user moved items.
  const order = [...theirs.items.map((i) => hashName(regionId, i.key)), ...mine.items.map((i) => hashName(regionId, i.key))];
  out.written = Object.fromEntries(Object.entries(out.written).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
  return out;
}

/** Items Zotero has that the note lacks: added next to their neighbours in Zotero's order, unless the user deleted them. */
function insertNewItems(freshItems: readonly Item[], result: Item[], recorded: ReadonlyMap<string, string>, record: (key: string, hash: string) => void): void {
  freshItems.forEach((item, index) => {
    if (result.some((r) => r.key === item.key)) return;
    const was = recorded.get(item.key);
    if (was !== undefined) return record(item.key, was); // deleted by the user: stays deleted
    const position = (): number => {
      for (let i = index - 1; i >= 0; i--) {
        const at = result.findIndex((r) => r.key === freshItems[i].key);
        if (at >= 0) return at + 1;
      }
      for (let i = index + 1; i < freshItems.length; i++) {
        const at = result.findIndex((r) => r.key === freshItems[i].key);
        if (at >= 0) return at;
      }
      return result.length;
    };
    result.splice(position(), 0, item);
    record(item.key, hashString(textOf(item)));
  });
}
