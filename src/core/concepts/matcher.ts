/**
 * Finding concept mentions: leftmost-longest over the term trie, skipping hard zones, with word boundaries decided
 * here rather than by `\b` (ASCII-only) or lookbehind (unsupported on older iOS). A Latin letter or digit next to a
 * Latin-edged term blocks it (ICLR, VQAv2, mRAG, cotton); CJK characters and punctuation do not (使用ICL可以); a hyphen
 * on the left joins (M-CoT is not CoT), on the right separates (RLHF-based).
 */
import { FOLD, HYPHEN, SEP, WIDTH, WORD } from './char-class';
import type { TermIndex, TermInfo } from './term-index';
import type { TextZones } from './markdown-zones';

export interface TermMatch {
  start: number;
  end: number;
  term: TermInfo;
  /** In a soft zone (heading, managed region): counts as a mention, never linked. */
  soft: boolean;
}

const MAX_DEPTH = 1024;
const stackNode = new Int32Array(MAX_DEPTH);
const stackEnd = new Int32Array(MAX_DEPTH);

const DOT = 0x2e;
const COMMA = 0x2c;
const AT = 0x40;
const UNDERSCORE = 0x5f;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BANG = 0x21;
const BACKSLASH = 0x5c;
const LOWER_S = 0x73;
const LOWER_E = 0x65;

function isDigit(code: number): boolean {
  const w = WIDTH[code];
  return w >= 0x30 && w <= 0x39;
}

/** Case check for exact and mixed terms (phrases are fully checked by the folded trie walk). */
function caseMatches(text: string, start: number, end: number, term: TermInfo): boolean {
  const t = term.text;
  if (term.cls === 'exact') {
    if (end - start !== t.length) return false;
    for (let k = 0; k < t.length; k++) if (WIDTH[text.charCodeAt(start + k)] !== WIDTH[t.charCodeAt(k)]) return false;
    return true;
  }
  const mask = term.caseMask!;
  let j = start;
  for (let k = 0; k < t.length; k++) {
    const tc = t.charCodeAt(k);
    if (FOLD[tc] === SEP) {
      while (k + 1 < t.length && FOLD[t.charCodeAt(k + 1)] === SEP) k++;
      while (j < end && FOLD[text.charCodeAt(j)] === SEP) j++;
      continue;
    }
    if (mask[k] && WIDTH[text.charCodeAt(j)] !== WIDTH[tc]) return false;
    j++;
  }
  return true;
}

/** The right edge after `end` is a boundary for a match whose last character is `lastWord` (1: Latin). */
function rightBoundary(text: string, end: number, lastWord: number, endsWithDigit: boolean): boolean {
  if (end >= text.length) return true;
  const r = text.charCodeAt(end);
  if (r === CLOSE_BRACKET) return false;
  if (!lastWord) return true;
  if (WORD[r] || r === AT) return false;
  const after = end + 1 < text.length ? text.charCodeAt(end + 1) : 0;
  if ((r === DOT || r === UNDERSCORE) && WORD[after]) return false; // "ICL.org", "GPT-4.5", "ICL_v2"
  if (r === COMMA && endsWithDigit && isDigit(after)) return false;
  return true;
}

function leftBoundary(text: string, start: number, term: TermInfo): boolean {
  if (start === 0) return true;
  const l = text.charCodeAt(start - 1);
  if (l === OPEN_BRACKET || l === BANG || l === BACKSLASH) return false; // would read as [[[, an embed, an escape
  if (!term.leftWord) return true;
  if (WORD[l] || HYPHEN[l] || l === AT) return false;
  if ((l === DOT || l === UNDERSCORE) && start >= 2 && WORD[text.charCodeAt(start - 2)]) return false; // "arxiv.CLIP", "x_ICL"
  return true;
}

/** The end of an accepted match (plural included), or -1. */
function accept(text: string, start: number, end: number, term: TermInfo, ies: boolean, limit: number): number {
  if (!ies && term.cls !== 'phrase' && !caseMatches(text, start, end, term)) return -1;
  if (!leftBoundary(text, start, term)) return -1;
  if (!ies && term.plural !== 'none' && end < limit) {
    const s = text.charCodeAt(end);
    const isS = term.cls === 'phrase' ? FOLD[s] === LOWER_S : WIDTH[s] === LOWER_S;
    if (isS && end + 1 <= limit && rightBoundary(text, end + 1, 1, false)) return end + 1;
    if (term.plural === 'es' && FOLD[s] === LOWER_E && FOLD[text.charCodeAt(end + 1)] === LOWER_S && end + 2 <= limit && rightBoundary(text, end + 2, 1, false)) {
      return end + 2;
    }
  }
  const lastWord = ies ? 1 : term.rightWord ? 1 : 0;
  return rightBoundary(text, end, lastWord, term.endsWithDigit) ? end : -1;
}

/** Index of the range containing `pos` in sorted, disjoint [start, end) pairs, or -1. */
export function rangeAt(soft: readonly number[], pos: number): number {
  let lo = 0;
  let hi = soft.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < soft[mid * 2]) hi = mid - 1;
    else if (pos >= soft[mid * 2 + 1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Every mention of a concept term outside hard zones, leftmost-longest, in text order. */
export function findMatches(text: string, index: TermIndex, zones: TextZones): TermMatch[] {
  const { trie, terms } = index;
  const { root, termFirst, termCount, termIds, termIes } = trie;
  const hard = zones.hard;
  const soft = zones.soft;
  const out: TermMatch[] = [];
  const length = text.length;
  let h = 0;
  let hardStart = hard.length > 0 ? hard[0] : length;
  let prevWord = 0;
  for (let i = 0; i < length; i++) {
    if (i >= hardStart) {
      i = Math.max(i, hard[h + 1]) - 1;
      h += 2;
      hardStart = h < hard.length ? hard[h] : length;
      prevWord = WORD[text.charCodeAt(i)];
      continue;
    }
    const c = text.charCodeAt(i);
    const w = WORD[c];
    if (w & prevWord) continue;
    prevWord = w;
    let node = root[c];
    if (node < 0) continue;
    let depth = 0;
    let j = i + 1;
    if (termCount[node] > 0) {
      stackNode[depth] = node;
      stackEnd[depth++] = j;
    }
    while (j < hardStart && depth < MAX_DEPTH) {
      const d = FOLD[text.charCodeAt(j)];
      let k = j + 1;
      if (d === SEP) while (k < hardStart && FOLD[text.charCodeAt(k)] === SEP) k++;
      node = trie.child(node, d);
      if (node < 0) break;
      j = k;
      if (termCount[node] > 0) {
        stackNode[depth] = node;
        stackEnd[depth++] = j;
      }
    }
    let found: TermMatch | null = null;
    for (let s = depth - 1; s >= 0 && !found; s--) {
      const n = stackNode[s];
      for (let e = termFirst[n]; e < termFirst[n] + termCount[n]; e++) {
        const term = terms[termIds[e]];
        const end = accept(text, i, stackEnd[s], term, termIes[e] === 1, hardStart);
        if (end < 0) continue;
        const zone = soft.length > 0 ? rangeAt(soft, i) : -1;
        if (zone < 0 ? soft.length > 0 && rangeAt(soft, end - 1) >= 0 : end > soft[zone * 2 + 1]) continue;
        found = { start: i, end, term, soft: zone >= 0 };
        break;
      }
    }
    if (found) {
      out.push(found);
      i = found.end - 1;
      prevWord = WORD[text.charCodeAt(i)];
    }
  }
  return out;
}
