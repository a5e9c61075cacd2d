/**
 * Zotero item identities and the links that open an attachment in Zotero's own PDF reader. Zotero names items by
 * URI (`http://zotero.org/users/<id>/items/<KEY>`, `…/users/local/<id>/items/<KEY>` before the first sync,
 * `…/groups/<id>/items/<KEY>`); a stored attachment also lives at `…/storage/<KEY>/<file>`. Its reader link is
 * `zotero://open-pdf/library/items/<KEY>` in the user's library and `zotero://open-pdf/groups/<id>/items/<KEY>` in
 * a group library.
 */

/** An item of a Zotero library: `library` is `library` (the user's own) or `groups/<id>`. */
export interface ZoteroItemRef {
  library: string;
  key: string;
}

const ITEM_URI = /^https?:\/\/zotero\.org\/(?:users\/(?:local\/)?[^/]+|groups\/(\d+))\/items\/([A-Za-z0-9]+)\/?$/;

/** The library and key of a Zotero item URI, or null for anything else. */
export function zoteroItemRef(uri: unknown): ZoteroItemRef | null {
  const m = typeof uri === 'string' ? ITEM_URI.exec(uri.trim()) : null;
  if (!m) return null;
  return { library: m[1] === undefined ? 'library' : `groups/${m[1]}`, key: m[2] };
}

/** `library/KEY` or `groups/<id>/KEY`: one string per item, for lookups. */
export function itemRefId(ref: ZoteroItemRef): string {
  return `${ref.library}/${ref.key}`;
}

// `…/storage/ABCD2345/file.pdf` with either separator (Windows paths keep their backslashes in every export).
const STORAGE_PATH = /[/\\]storage[/\\]([A-Z0-9]{8})[/\\][^/\\]+$/;

/** The attachment key of a file in Zotero's storage folder, or null for a linked file elsewhere (or a URL). */
export function storageKeyOfPath(path: string): string | null {
  return STORAGE_PATH.exec(path.trim())?.[1] ?? null;
}

/** The reader link of an attachment, opened at a page (1-based index) and an annotation when given. */
export function openPdfLink(ref: ZoteroItemRef, page?: number | null, annotation?: string | null): string {
  if (!page && !annotation) return `zotero://open-pdf/${ref.library}/items/${ref.key}`;
  const query: string[] = [];
  if (page !== undefined && page !== null && Number.isInteger(page) && page > 0) query.push(`page=${page}`);
  if (annotation) query.push(`annotation=${encodeURIComponent(annotation)}`);
  return `zotero://open-pdf/${ref.library}/items/${ref.key}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/**
 * Reader links of the attachments Zotero stores, by path: from the attachment's item URI when the export gives it
 * (BBT JSON; this also tells a group library), else from a `…/storage/<KEY>/…` path (the user's library). An
 * attachment is a path, or a path with its item URI.
 */
export function attachmentLinksOf(attachments: readonly (string | { path: string; uri?: unknown })[]): Record<string, string> {
  const links: Record<string, string> = {};
  for (const a of attachments) {
    const path = typeof a === 'string' ? a : a.path;
    if (path === '' || links[path] !== undefined) continue;
    const fromUri = typeof a === 'string' ? null : zoteroItemRef(a.uri);
    const key = fromUri ? null : storageKeyOfPath(path);
    if (fromUri) links[path] = openPdfLink(fromUri);
    else if (key) links[path] = `zotero://open-pdf/library/items/${key}`;
  }
  return links;
}
