/**
 * English definition pairs: `long form (SF)`, `SF (long form)` and `reasoning (long form, SF)`, in ASCII or
 * full-width parentheses. Schwartz & Hearst's algorithm improved: a stricter short form (an acronym, not `(Fig. 3)`,
 * `(Shao et al., 2024)`, `(ICLR 2023)`, `(ours)`), cue words (`hereafter`, `i.e.`), a long-form window that stops at
 * punctuation and CJK text, and the initials-first alignment of long-form-alignment.ts.
 */
import type { DefinitionPair } from './schwartz-hearst';
import { alignLongForm, FUNCTION_WORDS, shortFormLetters } from './long-form-alignment';

/** What a parenthesis opening with these is not a short form or long form: references, examples, figures. */
const NOISE = /^(?:e\.\s?g\.?|i\.\s?e\.?|see\b|cf\b|cf\.|for example|for instance|such as|like\b|including|incl\.|fig|figure|figs|tab\b|table|eq\b|eqs?\.|equation|sec\b|sec\.|section|§|appendix|app\.|chapter|ch\.|page|pp?\.|p\s*[<>=≤≥]|n\s*=|ours\b|our\b|left\b|right\b|top\b|bottom\b|resp\.|respectively|note\b|source\b)/i;
/** Cue words before a short form inside the parenthesis: "(hereafter HFES)", "(abbreviated as GRPO)". */
const CUE = /^(?:hereafter|hereinafter|henceforth|abbreviated as|abbreviated|short for|also known as|known as|a\.k\.a\.?|aka|called|termed|denoted as|denoted by|denoted|or)\s+/i;
/** "eg", "ie" written without dots, in lower case only ("IE" is an acronym). */
const NOISE_LOWER = /^(?:eg|ie|vs)\b/;
const YEAR = /\b(?:1[89]|20)\d{2}[a-z]?\b/;
const ET_AL = /\bet al\b/i;
const OPENERS = '(（';
const CLOSERS = ')）';
/** Where a long form cannot reach back past: clause punctuation (ASCII and CJK), brackets and quotes. */
const BOUNDARY = /[,;:()[\]{}"“”。，；：、！？!?（）【】《》]/;
const HAN = /[\u2e80-\u9fff\uf900-\ufaff]/;

/** Text a parenthesis holds when it is a reference, an example or a figure, not a definition. */
export function isNoiseText(text: string): boolean {
  return NOISE.test(text) || NOISE_LOWER.test(text) || ET_AL.test(text) || YEAR.test(text);
}

/** A short form: an acronym (ICL, CoT, MoE, mRAG, GPT-4V, BOLD fMRI), not a word or a reference. */
export function isAcronym(raw: string): boolean {
  const sf = raw.trim();
  if (sf.length < 2 || sf.length > 12 || HAN.test(sf)) return false;
  const words = sf.split(/\s+/);
  if (words.length > 2 || (words.length === 2 && /^\d/.test(words[1]))) return false;
  // Two words are an acronym only when both are ("BOLD fMRI"); "Reward Model", "KV Cache" are phrases.
  if (words.length === 2 && words.some((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return false;
  if (!/^[\p{L}\p{N}]/u.test(sf) || !/\p{L}/u.test(sf) || /[^\p{L}\p{N}\-+./&' ]/u.test(sf)) return false;
  if (YEAR.test(sf) || NOISE.test(sf) || NOISE_LOWER.test(sf)) return false;
  const upper = (sf.match(/\p{Lu}/gu) ?? []).length;
  if (upper === 0) return false;
  // One capital: only with a digit ("V2") or inside the word ("mRAG", "fMRI"); "Ours", "Adam" are words.
  if (upper === 1 && !/\d/.test(sf) && /^\p{Lu}\p{Ll}+$/u.test(words[0])) return false;
  return shortFormLetters(sf).length >= 2;
}

/** Words that introduce a short form without being part of the long form: "algorithm called (HFES)". */
const TRAILING_CUES = new Set(['called', 'termed', 'named', 'dubbed', 'abbreviated', 'denoted', 'or', 'i.e.', 'i.e.,']);

/** Words with their offsets in the text. */
interface Words {
  words: string[];
  starts: number[];
  ends: number[];
}

/** The words right before `end`, back to clause punctuation (commas too unless `acrossCommas`) or CJK text. */
export function wordsBefore(text: string, end: number, max: number, acrossCommas = false): Words {
  // "International Semantic Web Conference, (ISWC)": a comma right before the parenthesis is skipped.
  let stop = end;
  while (stop > 0 && text[stop - 1] === ' ') stop--;
  if (text[stop - 1] === ',') end = stop - 1;
  let start = end;
  const stops = (c: string) => (BOUNDARY.test(c) && !(acrossCommas && c === ',')) || HAN.test(c) || c === '\n';
  while (start > 0 && !stops(text[start - 1])) start--;
  // A sentence end (". ") also bounds it; a period inside a word ("e.g.", "U.S.") does not.
  const dot = text.lastIndexOf('. ', end);
  if (dot >= start) start = dot + 2;
  const out: Words = { words: [], starts: [], ends: [] };
  for (const m of text.slice(start, end).matchAll(/[^\s,]+/g)) {
    out.words.push(m[0]);
    out.starts.push(start + m.index);
    out.ends.push(start + m.index + m[0].length);
  }
  while (out.words.length > 0 && TRAILING_CUES.has(out.words[out.words.length - 1].toLowerCase())) {
    out.words.pop();
    out.starts.pop();
    out.ends.pop();
  }
  const from = Math.max(0, out.words.length - max);
  return { words: out.words.slice(from), starts: out.starts.slice(from), ends: out.ends.slice(from) };
}

function windowSize(sf: string): number {
  const n = shortFormLetters(sf).length;
  return Math.min(n + 5, n * 2);
}

/** The long form of `sf` ending right before `end` in `text`, as written there, or null. */
export function longFormBefore(sf: string, text: string, end: number): string | null {
  let found = wordsBefore(text, end, windowSize(sf));
  let span = alignLongForm(sf, found.words);
  if (!span) {
    found = wordsBefore(text, end, windowSize(sf), true);
    span = alignLongForm(sf, found.words, false, true);
  }
  if (!span) return null;
  let s = span.start;
  let e = span.end;
  while (s < e && FUNCTION_WORDS.has(found.words[s].toLowerCase())) s++;
  while (e > s && FUNCTION_WORDS.has(found.words[e].toLowerCase())) e--;
  const long = text.slice(found.starts[s], found.ends[e]).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (long.length < 3 || long.split(/[\s,]+/).includes(sf)) return null;
  return long;
}

/** Split the inside of a parenthesis at commas and semicolons (ASCII and full-width). */
export function innerParts(inner: string): string[] {
  return inner.split(/\s*[,;，；、]\s*/).map((p) => p.trim()).filter(Boolean);
}

/** A Latin long form given in full ("Chain-of-Thought", "Group Relative Policy Optimization"). */
export function isLatinPhrase(text: string): boolean {
  return !HAN.test(text) && /^[A-Za-z][A-Za-z'’\- ]*[A-Za-z]$/.test(text) && text.split(/\s+/).length <= 8 && !isAcronym(text);
}

/** Every parenthesis of `text` (one level, ASCII or full-width), with where it opens and its inside. */
export function* parentheses(text: string): Generator<{ open: number; close: number; inner: string }> {
  let from = 0;
  for (;;) {
    let open = -1;
    for (let i = from; i < text.length; i++) {
      if (OPENERS.includes(text[i])) {
        open = i;
        break;
      }
    }
    if (open < 0) return;
    let close = -1;
    for (let i = open + 1; i < text.length && i - open <= 160; i++) {
      const c = text[i];
      if (OPENERS.includes(c)) break;
      if (CLOSERS.includes(c)) {
        close = i;
        break;
      }
      if (c === '\n') break;
    }
    if (close < 0) {
      from = open + 1;
      continue;
    }
    yield { open, close, inner: text.slice(open + 1, close).trim() };
    from = close + 1;
  }
}

/** "SF = long form" ("DA = direct assessment, RR = relative ranking"): the long form up to clause punctuation. */
const EQUALS = /(^|[\s,;(])([\p{L}\p{N}][\p{L}\p{N}-]{1,11}) = ([\p{L}][\p{L}' -]{2,80}?)(?=\s*(?:[,;.)]|$))/gu;

function equalsPairs(text: string, out: DefinitionPair[]): void {
  for (const m of text.matchAll(EQUALS)) {
    const [sf, long] = [m[2], m[3].trim()];
    if (isAcronym(sf) && isLatinPhrase(long) && alignLongForm(sf, long.split(/\s+/), true)) out.push({ short: sf, long });
  }
}

/** The English definition pairs of a text (sentences of notes, titles, abstracts). */
export function findEnglishPairs(text: string): DefinitionPair[] {
  const out: DefinitionPair[] = [];
  if (text.includes(' = ')) equalsPairs(text, out);
  for (const { open, inner } of parentheses(text)) {
    const ps = innerParts(inner);
    if (ps.length === 0) continue;
    const first = ps[0].replace(CUE, '');
    if (NOISE.test(first) || NOISE_LOWER.test(first) || ET_AL.test(first) || YEAR.test(first)) continue;
    if (isAcronym(first)) {
      const long = longFormBefore(first, text, open);
      if (long) out.push({ short: first, long });
      continue;
    }
    // "(long form, SF)": a long form inside the parenthesis, its short form last.
    const lastPart = ps[ps.length - 1].replace(CUE, '');
    if (ps.length >= 2 && isAcronym(lastPart) && isLatinPhrase(first)) {
      const words = first.split(/\s+/);
      const span = alignLongForm(lastPart, words, true);
      if (span) out.push({ short: lastPart, long: first });
      continue;
    }
    // "SF (long form)": the short form is the word before the parenthesis.
    if (isLatinPhrase(first) && first.split(/\s+/).length >= 2) {
      const sf = wordsBefore(text, open, 1).words[0];
      if (sf && isAcronym(sf) && alignLongForm(sf, first.split(/\s+/), true)) out.push({ short: sf, long: first });
    }
  }
  return out;
}
