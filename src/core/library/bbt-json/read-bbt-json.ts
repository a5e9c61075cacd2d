/**
 * A BetterBibTeX JSON export (`{ config, collections, items }`) → papers with collections, attachments and notes.
 * Standalone attachments and notes are not papers: they are skipped with a warning. Items without a citation key
 * (BBT's own test inputs) get one derived from the Zotero item key or itemID, with a warning.
 */
import { zoteroSelectUri } from '../paper';
import type { ReaderOutput } from '../reader-output';
import { readBbtCollections } from './bbt-collections';
import { bbtItemToPaper, extraField, extraLines, type BbtIdentity, type BbtItem } from './bbt-item-to-paper';
import { citekeyLookup } from '../zotero-notes/item-notes';
import type { DateOrder } from '../fields/zotero-date';
import { errorMessage } from '../../text/error-message';

const NOT_PAPERS = new Set(['attachment', 'note', 'annotation']);

/** Read a parsed BBT JSON export. */
export function readBbtJson(doc: Record<string, unknown>): ReaderOutput {
  const items = Array.isArray(doc.items) ? (doc.items as unknown[]) : [];
  const { byItem, collections } = readBbtCollections(doc.collections);
  const order = dateOrder(doc.config);
  const out: ReaderOutput = { papers: [], errors: [], warnings: [], collections };
  const skipped = new Map<string, number>();
  const derived: string[] = [];
  // Every item's citation key first: notes cite other items of the export by their Zotero URI.
  const regular: { item: BbtItem; identity: BbtIdentity }[] = [];
  items.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      out.errors.push({ line: null, citekey: null, message: `item ${index + 1} is not an object` });
      return;
    }
    const item = raw as BbtItem;
    const type = typeof item.itemType === 'string' ? item.itemType : '';
    if (NOT_PAPERS.has(type)) {
      skipped.set(type, (skipped.get(type) ?? 0) + 1);
      return;
    }
    const identity = bbtIdentity(item, index);
    if (identity.derived) derived.push(identity.citekey);
    regular.push({ item, identity });
  });
  const citekeyOf = citekeyLookup(regular.map(({ item, identity }) => ({ uri: item.uri, key: item.key, citekey: identity.citekey })));
  for (const { item, identity } of regular) {
    const ids = [item.itemID, item.key].filter((id): id is string | number => typeof id === 'string' || typeof id === 'number');
    const collections = [...new Set(ids.flatMap((id) => byItem.get(String(id)) ?? []))];
    try {
      out.papers.push({ paper: bbtItemToPaper(item, identity, { collections, order, citekeyOf }), line: null });
    } catch (err) {
      out.errors.push({ line: null, citekey: identity.citekey, message: `could not read the item: ${errorMessage(err)}` });
    }
  }
  for (const [type, count] of skipped) {
    out.warnings.push(`${count} standalone ${type}${count === 1 ? '' : 's'} skipped: only regular Zotero items become papers`);
  }
  if (derived.length > 0) {
    const shown = derived.slice(0, 3).join(', ') + (derived.length > 3 ? ', …' : '');
    out.warnings.push(
      derived.length === 1
        ? `1 item has no citation key; its key was derived from its Zotero item key or ID (${shown})`
        : `${derived.length} items have no citation key; keys were derived from Zotero item keys or IDs (${shown})`,
    );
  }
  return out;
}

function dateOrder(config: unknown): DateOrder {
  const order = (config as Record<string, unknown> | null)?.localeDateOrder;
  return order === 'dmy' || order === 'ymd' || order === 'mdy' ? order : 'mdy';
}

/**
 * The item's citation key (BBT 5+: `citationKey`/`citekey`; older: an Extra line), or a derived stand-in; and its
 * Zotero link. BBT JSON knows the item key (`select`, `key`), so the link selects the item by key, which every Zotero
 * follows (phones too, and with BBT uninstalled); BBT's `@citekey` form is only the fallback.
 */
function bbtIdentity(item: BbtItem, index: number): BbtIdentity & { derived: boolean } {
  const key = [item.citationKey, item.citekey, extraField(extraLines(item.extra), 'Citation Key')].find(
    (k): k is string => typeof k === 'string' && k.trim() !== '',
  );
  const itemKey = typeof item.key === 'string' && item.key ? item.key : null;
  const select = typeof item.select === 'string' && item.select.startsWith('zotero://') ? item.select : null;
  const byKey = select ?? (itemKey ? `zotero://select/library/items/${itemKey}` : null);
  if (key) return { citekey: key.trim(), zoteroUri: byKey ?? zoteroSelectUri(key.trim()), derived: false };
  const itemID = typeof item.itemID === 'number' || typeof item.itemID === 'string' ? item.itemID : null;
  const citekey = itemKey ?? (itemID !== null ? `item-${itemID}` : `item-${index + 1}`);
  return { citekey, zoteroUri: byKey ?? zoteroSelectUri(citekey), derived: true };
}
