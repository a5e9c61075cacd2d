/**
 * Pandoc citations in a note's text, by Pandoc's own rules (https://pandoc.org/MANUAL.html#citation-syntax):
 *
 * - bracketed: `[@doe99]`, `[@doe99, pp. 33-35]`, `[see @doe99, ch. 4; also @smith04]`, `[-@doe99]` (author suppressed);
 * - author-in-text: `@doe99 says`, `@doe99 [p. 33] says`;
 * - a key starts with a letter, digit or `_` and may hold internal punctuation `:.#$%&-+?<>~/`; punctuation at its
 *   end is not part of it (`@doe99.` cites `doe99`); `@{…}` takes any key;
 * - the `@` must not follow a letter or digit, so `john@example.com` is no citation;
 * - `[[@doe99]]`, the wikilink form some plugins write, counts too.
 *
 * What the note protects (code, math, comments, HTML, URLs, link destinations) is never read: the caller passes the
 * ranges the zone scanner found. Pure and linear in the text's length.
 */

export type CitationForm = 'bracketed' | 'in-text' | 'wikilink';

export interface Citation {
  key: string;
  /** Offset of the `@`. */
  offset: number;
  form: CitationForm;
  /** `[-@key]`: the author is left out of the rendered citation. */
  suppressAuthor: boolean;
}

/** Where citations are not read, and the wikilinks the zone scanner found (`[[@key]]` is one). */
export interface CitationZones {
  /** Sorted, disjoint [start, end) pairs, flattened. Citation brackets (`[@…]`) may be among them. */
  hard: readonly number[];
  links: readonly { target: string; start: number; end: number; markdown: boolean }[];
}

const KEY_PUNCTUATION = new Set([...':.#$%&-+?<>~/'].map((c) => c.charCodeAt(0)));

function isWordChar(code: number): boolean {
  // Letters and digits of any script, and "_" (Pandoc's isAlphaNum plus the key's own "_").
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/** The key starting at `from` (just after the "@"), and where it ends; null when there is none. */
export function readCitationKey(text: string, from: number): { key: string; end: number } | null {
  if (text.charCodeAt(from) === 0x7b) {
    const close = text.indexOf('}', from + 1);
    if (close < 0 || close === from + 1 || text.slice(from + 1, close).includes('\n')) return null;
    return { key: text.slice(from + 1, close), end: close + 1 };
  }
  if (!isWordChar(text.charCodeAt(from))) return null;
  let end = from + 1;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (isWordChar(c)) end++;
    else if (KEY_PUNCTUATION.has(c) && end + 1 < text.length && isWordChar(text.charCodeAt(end + 1))) end += 2; // internal only
    else break;
  }
  return { key: text.slice(from, end), end };
}

/** Index of the first range in `flat` that ends after `offset` (binary search). */
function rangeAfter(flat: readonly number[], offset: number): number {
  let lo = 0;
  let hi = flat.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (flat[mid * 2 + 1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The bracket `[` … `]` around `at` on the same line, if it is a citation group: not followed by `(` or `[` (a link)
 * and not a footnote. Returns the opening offset, or -1.
 */
function citationBracketOpen(text: string, at: number): number {
  let depth = 0;
  let open = -1;
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return -1;
    if (c === 0x5d) depth++;
    else if (c === 0x5b) {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0 || text.charCodeAt(open + 1) === 0x5e) return -1;
  depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return -1;
    if (c === 0x5b) depth++;
    else if (c === 0x5d) {
      if (depth === 0) {
        const next = text.charCodeAt(i + 1);
        return next === 0x28 || next === 0x5b ? -1 : open;
      }
      depth--;
    }
  }
  return -1;
}

/** Every citation of `text`, in order. `zones` comes from the zone scanner over the same text. */
export function findCitations(text: string, zones: CitationZones): Citation[] {
  const found: Citation[] = [];
  const hard = zones.hard;
  for (const link of zones.links) {
    if (link.markdown || !link.target.startsWith('@')) continue;
    const key = readCitationKey(link.target, 1);
    if (key && key.end === link.target.length) found.push({ key: key.key, offset: text.indexOf('@', link.start), form: 'wikilink', suppressAuthor: false });
  }
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const r = rangeAfter(hard, at);
    const inHard = r * 2 < hard.length && hard[r * 2] <= at;
    // A hard range is read only when it is a citation bracket "[@…" itself; code, URLs, links and the rest are not.
    if (inHard && !(text.charCodeAt(hard[r * 2]) === 0x5b && text.charCodeAt(hard[r * 2] + 1) === 0x40)) continue;
    const before = at > 0 ? text.charCodeAt(at - 1) : 0x20;
    if (isWordChar(before) || before === 0x40) continue;
    const key = readCitationKey(text, at + 1);
    if (!key) continue;
    const bracketed = citationBracketOpen(text, at) >= 0;
    found.push({ key: key.key, offset: at, form: bracketed ? 'bracketed' : 'in-text', suppressAuthor: before === 0x2d });
  }
  return found.sort((a, b) => a.offset - b.offset);
}
