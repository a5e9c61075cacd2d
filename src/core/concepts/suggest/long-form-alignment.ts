/**
 * Aligning a short form with the words before it, the improvement over Schwartz & Hearst's character match: first
 * try to spell the short form with word initials (hyphenated parts count as words, function words may be skipped),
 * allowing a generic head noun after the long form ("honeybee foraging algorithm", "Question Answering task"); only
 * then fall back to the character match, trimmed of trailing words that spell nothing and required to take at least
 * half of its letters from word starts. Both prefer the shortest long form that ends right before the parenthesis.
 */

/** Words that may sit inside a long form without giving it a letter ("Mixture of Experts"). */
export const FUNCTION_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'for', 'from', 'with', 'in', 'on', 'to', 'by', 'at', 'as', 'via', 'over', 'under']);
/** Head nouns often written between a long form and its parenthesis without being part of it. */
const GENERIC_HEADS = new Set(['model', 'models', 'method', 'methods', 'algorithm', 'algorithms', 'approach', 'approaches', 'framework', 'system', 'systems', 'task', 'tasks', 'technique', 'techniques', 'scheme', 'problem', 'process', 'procedure', 'module', 'mechanism', 'strategy', 'paradigm', 'architecture', 'prompting', 'prompts']);

/** The letters and digits of a short form, lower case. */
export function shortFormLetters(sf: string): string {
  return sf.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A word split at hyphens and slashes into parts, each with its initial. */
function parts(word: string): string[] {
  return word.split(/[-‐‑/]/).filter((p) => /[\p{L}\p{N}]/u.test(p));
}

function initialOf(part: string): string {
  const m = /[\p{L}\p{N}]/u.exec(part);
  return m ? m[0].toLowerCase() : '';
}

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Words s..e (inclusive) spelling `letters` with initials, right to left; returns s or -1. Every word gives a letter
 * unless it is a function word; parts of a hyphenated word that give none are compound tails ("Norm-filtered").
 */
function alignInitials(letters: string, words: readonly string[], e: number): number {
  let need = letters.length - 1;
  for (let w = e; w >= 0; w--) {
    const ps = parts(words[w]);
    let contributed = false;
    for (let p = ps.length - 1; p >= 0 && need >= 0; p--) {
      // A part may give its first two or three letters ("Stable Event Structures" → StES).
      const head = ps[p].toLowerCase();
      let k = Math.min(3, need + 1);
      while (k > 1 && letters.slice(need - k + 1, need + 1) !== head.slice(0, k)) k--;
      // A digit may stand for a word that sounds like it: "Text-to-Image" → T2I, "Bench-for-X" → B4X.
      const homophone = (letters[need] === '2' && head === 'to') || (letters[need] === '4' && head === 'for');
      if (k > 1 || homophone || initialOf(ps[p]) === letters[need]) {
        need -= k;
        contributed = true;
      }
    }
    if (!contributed && !FUNCTION_WORDS.has(words[w].toLowerCase())) return -1;
    if (need < 0) return w;
  }
  return -1;
}

/** Schwartz & Hearst's right-to-left character match over words 0..e; returns the start word and initials used. */
function alignCharacters(letters: string, words: readonly string[], e: number): { start: number; last: number; initials: number } | null {
  const text = words.slice(0, e + 1).join(' ');
  const lower = text.toLowerCase();
  const wordOf = new Int32Array(text.length);
  for (let i = 0, w = 0; i < text.length; i++) {
    if (text[i] === ' ') w++;
    wordOf[i] = w;
  }
  let li = lower.length - 1;
  let initials = 0;
  let last = -1;
  for (let si = letters.length - 1; si >= 0; si--) {
    const c = letters[si];
    while (li >= 0 && (lower[li] !== c || (si === 0 && li > 0 && isAlnum(lower[li - 1])))) li--;
    if (li < 0) return null;
    if (last < 0) last = wordOf[li];
    if (li === 0 || !isAlnum(lower[li - 1])) initials++;
    li--;
  }
  return { start: wordOf[li + 1], last, initials };
}

/**
 * The long form of `sf` among `words` (the words right before the parenthesis, in order), as a range of words, or
 * null. `exact` requires the long form to use every word (a long form given inside the parentheses); `initialsOnly`
 * skips the character fallback (for long forms searched across commas, "belief, desire, intention (BDI)").
 */
export function alignLongForm(sf: string, words: readonly string[], exact = false, initialsOnly = false): { start: number; end: number } | null {
  const letters = shortFormLetters(sf);
  if (letters.length < 2 || words.length === 0) return null;
  const last = words.length - 1;
  const ends = [last];
  if (!exact && last > 0 && GENERIC_HEADS.has(words[last].toLowerCase())) ends.push(last - 1);
  // A plural short form ("CNNs", "StESs") may stand for a singular long form.
  const sets = [letters];
  if (/\p{L}s$/u.test(sf.trim()) && letters.length >= 3) sets.push(letters.slice(0, -1));
  for (const set of sets) {
    for (const e of ends) {
      const s = alignInitials(set, words, e);
      if (s >= 0 && (!exact || s === 0)) return { start: s, end: e };
    }
  }
  if (initialsOnly) return null;
  for (const set of sets) {
    const chars = alignCharacters(set, words, last);
    if (!chars || chars.initials * 2 < set.length) continue;
    if (exact && chars.start !== 0) continue;
    // Like Schwartz & Hearst, the long form runs to the parenthesis, except for a generic head that gave no letter.
    const end = chars.last < last && ends.length > 1 ? last - 1 : last;
    return { start: chars.start, end };
  }
  return null;
}
