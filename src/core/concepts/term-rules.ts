/**
 * What a term is and how it may match. A term's class decides case and separator rules:
 * - `phrase`: ordinary words ("in-context learning", "Chain of Thought"): any case, spaces and hyphens equivalent.
 * - `exact`: acronyms and mixed-case words (ICL, CoT, M-CoT, GPT-4, mRAG) and anything with CJK characters (指令微调):
 *   matched as written (full-width letters aside).
 * - `mixed`: acronyms next to ordinary words ("Multimodal LLM", "Q-Former"): the acronym part as written, the rest in
 *   any case, separators equivalent.
 */
import { FOLD, HYPHEN, SEP, WIDTH, WORD, isCjk } from './char-class';
import { isStopWord } from './stop-words';

export type TermClass = 'phrase' | 'exact' | 'mixed';

export interface TermShape {
  /** The term as written, trimmed. */
  text: string;
  cls: TermClass;
  /** Folded form with separator runs collapsed: the trie key. */
  key: string;
  /** Per character of `text`: 1 when it must match exactly (case-sensitive). Null for phrases. */
  caseMask: Uint8Array | null;
  /** The first / last character is a letter or digit of an alphabetic script (so a word boundary is checked there). */
  leftWord: boolean;
  rightWord: boolean;
  /** Plural forms allowed: none, a trailing "s", or (phrases ending in s/x/z/ch/sh) also "es". */
  plural: 'none' | 's' | 'es';
  /** A phrase ending in consonant + "y" also matches "…ies": the trie key of that form. */
  iesKey: string | null;
  /** Ends with a digit ("GPT-4"): "GPT-4.5" must not match. */
  endsWithDigit: boolean;
}

const FORBIDDEN = /[[\]|#^\\`$<>\n\r]/;
const NUMERIC = /^[\p{N}\s.,:/+-]+$/u;
const HAS_LETTER = /\p{L}/u;

/** Why a term cannot be linked, or null when it can. */
export function rejectTerm(raw: string): string | null {
  const term = raw.trim();
  if (term === '') return 'empty';
  if (FORBIDDEN.test(term)) return 'contains Markdown syntax ([ ] | # ^ ` $ < > \\ or a line break)';
  if ([...term].length < 2) return isCjk(term.charCodeAt(0)) ? 'a single Han character' : 'a single character';
  if (NUMERIC.test(term)) return 'only digits';
  if (!HAS_LETTER.test(term)) return 'no letter';
  if (isStopWord(foldKey(term))) return 'too common a word: it would link almost every note';
  return null;
}

function isSep(code: number): boolean {
  return FOLD[code] === SEP;
}

function isUpper(code: number): boolean {
  const ch = String.fromCharCode(WIDTH[code]);
  return ch !== ch.toLowerCase();
}

function isDigit(code: number): boolean {
  const w = WIDTH[code];
  return w >= 0x30 && w <= 0x39;
}

/** A token that must match exactly: an internal or second capital, letters mixed with digits, a lone capital. */
function tokenIsCaseSensitive(token: string): boolean {
  let uppers = 0;
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (WORD[c]) {
      letters++;
      if (isUpper(c)) {
        uppers++;
        if (i > 0) return true;
      }
    }
  }
  return uppers >= 2 || (digits > 0 && letters > 0) || (letters === 1 && uppers === 1) || letters === 0;
}

/** The folded key: case- and width-folded, separator runs collapsed to one space. */
export function foldKey(text: string): string {
  let out = '';
  let lastSep = true;
  for (let i = 0; i < text.length; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f === SEP) {
      if (!lastSep) out += ' ';
      lastSep = true;
      continue;
    }
    out += String.fromCharCode(f);
    lastSep = false;
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/** The term as written, with full-width ASCII folded to ASCII (code unit by code unit): the exact trie's key. */
export function widthKey(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(WIDTH[text.charCodeAt(i)]);
  return out;
}

/** Split at separator runs, keeping each token's start offset. */
function tokens(text: string): { start: number; token: string }[] {
  const out: { start: number; token: string }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const boundary = i === text.length || isSep(text.charCodeAt(i));
    if (boundary && start >= 0) {
      out.push({ start, token: text.slice(start, i) });
      start = -1;
    } else if (!boundary && start < 0) start = i;
  }
  return out;
}

/** Classify a term that passed `rejectTerm`. */
export function shapeTerm(raw: string): TermShape {
  const text = raw.trim();
  const key = foldKey(text);
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  let cls: TermClass;
  let caseMask: Uint8Array | null = null;
  if ([...text].some((ch) => isCjk(ch.charCodeAt(0)))) {
    cls = 'exact';
  } else {
    const parts = tokens(text);
    const sensitive = parts.map((p) => tokenIsCaseSensitive(p.token));
    if (!sensitive.some(Boolean)) cls = 'phrase';
    else if (sensitive.every(Boolean)) cls = 'exact';
    else {
      cls = 'mixed';
      caseMask = new Uint8Array(text.length);
      parts.forEach((p, i) => {
        if (sensitive[i]) caseMask!.fill(1, p.start, p.start + p.token.length);
      });
    }
  }
  if (cls === 'exact') caseMask = new Uint8Array(text.length).fill(1);
  const endsWithLetter = WORD[last] === 1 && !isDigit(last);
  let plural: TermShape['plural'] = endsWithLetter ? 's' : 'none';
  let iesKey: string | null = null;
  if (cls === 'phrase' && endsWithLetter) {
    if (/(s|x|z|ch|sh)$/.test(key)) plural = 'es';
    if (/[^aeiou]y$/.test(key)) iesKey = key.slice(0, -1) + 'ies';
  }
  return {
    text,
    cls,
    key,
    caseMask,
    leftWord: WORD[first] === 1 && !HYPHEN[first],
    rightWord: WORD[last] === 1,
    plural,
    iesKey,
    endsWithDigit: isDigit(last),
  };
}

/**
 * Whether two terms can match the same text (so they conflict when they belong to different concepts): same folded
 * key, and either is a phrase or both agree on the characters they match exactly.
 */
export function termsOverlap(a: TermShape, b: TermShape): boolean {
  if (a.key !== b.key) return false;
  if (a.cls === 'phrase' || b.cls === 'phrase') return true;
  return canonical(a) === canonical(b);
}

function canonical(t: TermShape): string {
  let out = '';
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text.charCodeAt(i);
    if (isSep(c) && t.cls !== 'exact') {
      if (!out.endsWith(' ')) out += ' ';
    } else out += String.fromCharCode(t.caseMask?.[i] ? WIDTH[c] : FOLD[c]);
  }
  return out;
}
