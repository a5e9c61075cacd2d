/**
 * Which `zotero://` link opens a paper in Zotero, on this device. Better BibTeX's citation-key form
 * (`zotero://select/items/@key`) needs BBT, so only desktop Zotero follows it; Zotero for iOS and Android select
 * an item by its key (`zotero://select/library/items/ABCD2345`, or `…/groups/<id>/items/…`).
 */

/** Whether `uri` selects an item by its Zotero item key (every Zotero, phones included). */
export function selectsByItemKey(uri: string): boolean {
  return /^zotero:\/\/select\/(library|groups\/\d+)\/items\/[A-Z0-9]{8}$/.test(uri);
}

export interface ZoteroLinkCandidates {
  /** The note's `zotero` property. */
  note: string | null;
  /** The link the loaded library has for the note's citation key (an item-key link when the export tells the key). */
  library: string | null;
  /** The link built from the note's citation key (BBT's form). */
  fromCitekey: string | null;
}

/** The link to open: the first that works here (on a phone, only one that selects by item key), or null for none. */
export function openInZoteroLink(candidates: ZoteroLinkCandidates, mobile: boolean): string | null {
  const links = [candidates.note, candidates.library, candidates.fromCitekey].filter((l): l is string => l !== null && l.startsWith('zotero://'));
  return (mobile ? links.find(selectsByItemKey) : links[0]) ?? null;
}
