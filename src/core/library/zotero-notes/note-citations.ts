/**
 * Citations in Zotero notes (`<span class="citation" data-citation="…">`, the attribute URI-encoded JSON
 * `{ citationItems: [{ uris, locator, label, prefix, suffix, suppressAuthor }], properties }`) → Pandoc citations
 * `[@key, p. 3]`, so they count as references in Obsidian and in a Pandoc manuscript instead of being dead text.
 * A citation of an item that is not in the export keeps Zotero's readable text ("(Wei et al., 2022, p. 3)").
 */

/** Finds the citation key of a cited Zotero item, by its URI; null when the item is not in the export. */
export type CitekeyLookup = (uri: string) => string | null;

interface CitationItem {
  uris?: unknown;
  locator?: unknown;
  label?: unknown;
  prefix?: unknown;
  suffix?: unknown;
  suppressAuthor?: unknown;
}

/** CSL locator labels → the short terms Pandoc's citeproc recognises. No label means a page. */
const LOCATOR_TERMS: Readonly<Record<string, string>> = {
  page: 'p.', chapter: 'chap.', section: 'sec.', paragraph: 'para.', figure: 'fig.', line: 'l.', note: 'n.',
  volume: 'vol.', book: 'bk.', column: 'col.', folio: 'fol.', number: 'no.', opus: 'op.', part: 'pt.',
  verse: 'v.', 'sub verbo': 's.v.', 'sub-verbo': 's.v.', article: 'art.', equation: 'eq.', rule: 'r.',
  scene: 'sc.', table: 'tbl.', timestamp: '', title: 'tit.', algorithm: 'alg.', canon: 'can.',
};

/** Parse a `data-citation` / `data-annotation` attribute value (URI-encoded JSON); null when it is not that. */
export function parseEncodedJson(value: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(decodeURIComponent(value));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// Pandoc's bare citekey: letters, digits or `_` at both ends, internal punctuation allowed; anything else is braced.
const BARE_KEY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&\-+?<>~/]*[\p{L}\p{N}_])?$/u;

function citekeyText(key: string): string {
  return BARE_KEY.test(key) ? `@${key}` : `@{${key.replace(/[{}]/g, '')}}`;
}

function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\s+/g, ' ').replace(/[[\]]/g, '\\$&').trim() : '';
}

/** The locator with its term: `p. 3`, `chap. 4`; '' without a locator. */
function locatorText(item: CitationItem): string {
  const locator = plain(item.locator);
  if (locator === '') return '';
  const label = typeof item.label === 'string' ? item.label.toLowerCase() : 'page';
  const term = LOCATOR_TERMS[label] ?? label;
  return term === '' ? locator : `${term} ${locator}`;
}

/** The first URI of a citation item that names an item of the export, as its citekey. */
function citekeyOfItem(item: CitationItem, lookup: CitekeyLookup): string | null {
  if (!Array.isArray(item.uris)) return null;
  for (const uri of item.uris) {
    const key = typeof uri === 'string' ? lookup(uri) : null;
    if (key) return key;
  }
  return null;
}

/** The citation's items (from `citationItems`, or the single `citationItem` of an annotation). */
export function citationItemsOf(data: Record<string, unknown>): CitationItem[] {
  const items = Array.isArray(data.citationItems) ? data.citationItems : data.citationItem ? [data.citationItem] : [];
  return items.filter((i): i is CitationItem => typeof i === 'object' && i !== null);
}

/** A Pandoc citation for a `data-citation` value, or null when it cannot be read or cites an item not in the export. */
export function pandocCitation(encoded: string, lookup: CitekeyLookup): string | null {
  const data = parseEncodedJson(encoded);
  if (!data) return null;
  const items = citationItemsOf(data);
  if (items.length === 0) return null;
  const parts: string[] = [];
  for (const item of items) {
    const key = citekeyOfItem(item, lookup);
    if (key === null) return null;
    const locator = locatorText(item);
    const prefix = plain(item.prefix);
    const suffix = plain(item.suffix);
    const cite = `${item.suppressAuthor === true ? '-' : ''}${citekeyText(key)}`;
    parts.push([prefix, `${cite}${locator ? `, ${locator}` : ''}`, suffix].filter((p) => p !== '').join(' '));
  }
  return `[${parts.join('; ')}]`;
}
