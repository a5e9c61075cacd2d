/**
 * The notes of one BetterBibTeX JSON item → the paper's `notes` (the user's own, as Markdown) and `annotations`
 * (from every note, in note order, each annotation key once: an annotation dragged into a second note is not
 * counted twice). BBT exports notes as `{ note: "<html>", key, … }` objects (its test fixtures: bare strings).
 */
import type { Annotation } from '../annotation';
import { itemRefId, zoteroItemRef } from '../fields/zotero-links';
import type { CitekeyLookup } from './note-citations';
import { readZoteroNote } from './note-annotations';

export interface ItemNotes {
  notes: string[];
  annotations: Annotation[];
}

/** Read an item's `notes` array. */
export function readItemNotes(value: unknown, lookup: CitekeyLookup): ItemNotes {
  const out: ItemNotes = { notes: [], annotations: [] };
  if (!Array.isArray(value)) return out;
  const seen = new Set<string>();
  for (const n of value) {
    const html = typeof n === 'string' ? n : (n as Record<string, unknown> | null)?.note;
    if (typeof html !== 'string' || html.trim() === '') continue;
    const read = readZoteroNote(html, lookup);
    if (read.markdown) out.notes.push(read.markdown);
    for (const a of read.annotations) {
      if (seen.has(a.key)) continue;
      seen.add(a.key);
      out.annotations.push(a);
    }
  }
  return out;
}

/**
 * A lookup from the Zotero item URIs cited in notes to the citation keys of the export's items. Items are known by
 * their `uri` (user library or group) or, without one, by their `key` in the user's library; a citation names them
 * by URI, whose user part (`users/<id>` or `users/local/<id>`) differs between synced and unsynced copies, so only
 * the library kind and the item key are compared.
 */
export function citekeyLookup(items: readonly { uri?: unknown; key?: unknown; citekey: string }[]): CitekeyLookup {
  const byRef = new Map<string, string>();
  for (const item of items) {
    const ref = zoteroItemRef(item.uri) ?? (typeof item.key === 'string' && item.key !== '' ? { library: 'library', key: item.key } : null);
    if (ref && !byRef.has(itemRefId(ref))) byRef.set(itemRefId(ref), item.citekey);
  }
  return (uri) => {
    const ref = zoteroItemRef(uri);
    return ref ? (byRef.get(itemRefId(ref)) ?? null) : null;
  };
}
