/**
 * Zotero tags made valid as Obsidian tags. Obsidian accepts letters of any script (CJK included), digits, `_`, `-`
 * and `/` (nesting), plus emoji, and needs at least one character that is not a digit. Spaces become `-`, every
 * other character (punctuation, `#`) is dropped, and tags that only differ in case are kept once, as Obsidian treats
 * them as one tag.
 */

import { memoizeByString } from '../text/memo';

// Letters, combining marks (Devanagari, Hangul jamo…), digits, `_ - /`, and emoji with their joiners.
const TAG_CHAR = /^[\p{L}\p{M}\p{N}_\-/\p{Extended_Pictographic}]$/u;
const EMOJI_JOINERS = new Set(['\u200d', '\ufe0f']);

function keepTagChars(text: string): string {
  let out = '';
  for (const ch of text) if (TAG_CHAR.test(ch) || EMOJI_JOINERS.has(ch)) out += ch;
  return out;
}
const ONLY_DIGITS = /^[\p{N}/]*$/u;

/** One Zotero tag as an Obsidian tag (without `#`); null when nothing usable is left. */
export const toObsidianTag: (tag: string) => string | null = memoizeByString(convertTag);

function convertTag(tag: string): string | null {
  let t = tag.normalize('NFC').trim().replace(/\s+/g, '-');
  t = keepTagChars(t);
  t = t.replace(/-{2,}/g, '-').replace(/\/{2,}/g, '/').replace(/-*\/-*/g, '/');
  t = t.replace(/^[-/]+/, '').replace(/[-/]+$/, '');
  if (t === '') return null;
  // "2024" is not a tag for Obsidian; keep the information with a leading underscore.
  return ONLY_DIGITS.test(t) ? `_${t}` : t;
}

/** Zotero tags as distinct Obsidian tags, in their first-seen order (case-insensitive dedupe). */
export function toObsidianTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const t = toObsidianTag(tag);
    if (t === null) continue;
    const key = t.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
