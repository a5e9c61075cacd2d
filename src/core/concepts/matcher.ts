/**
 * Finding concept mentions: leftmost-longest over the term trie, skipping hard zones, with word boundaries decided
 * here rather than by `\b` (ASCII-only) or lookbehind (unsupported on older iOS). A Latin letter or digit next to a
 * Latin-edged term blocks it (ICLR, VQAv2, mRAG, cotton); CJK characters and punctuation do not (使用ICL可以); a hyphen
 * on the left joins (M-CoT is not CoT), on the right it separates (RLHF-based) unless a name part follows (CoT-VLA).
 */
import { FOLD, HYPHEN, SEP, WIDTH, WORD } from './char-class';
import type { TermIndex, TermInfo } from './term-index';
import type { TermTrie } from './term-trie';
import type { TextZones } from './markdown-zones';
import { rangeAt } from './ranges';

export { rangeAt };

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
const stackTrie = new Uint8Array(MAX_DEPTH);
const FOLDED = 0;
const EXACT = 1;

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

/**
 * Case check for mixed terms ("Multimodal LLM"): the folded walk matched them in any case, their acronym part must
 * match as written. Phrases need no check and exact terms come from the exact trie.
 */
function caseMatches(text: string, start: number, end: number, term: TermInfo): boolean {
  const t = term.text;
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

/**
 * A hyphen joins the mention to what follows when that is a name part (a capital letter or a digit): `CoT-VLA`,
 * `RLHF-V`, `CLIP-Score` and `VLM-3R` name other things, while `CoT-based` and `RLHF-tuned` still mention the concept.
 */
function joinedByHyphen(text: string, end: number): boolean {
  if (!HYPHEN[text.charCodeAt(end)] || end + 1 >= text.length) return false;
  const n = text.charCodeAt(end + 1);
  return isDigit(n) || (WORD[n] === 1 && FOLD[n] !== WIDTH[n]);
}

/** The right edge after `end` is a boundary for a match whose last character is `lastWord` (1: Latin). */
function rightBoundary(text: string, end: number, lastWord: number, endsWithDigit: boolean): boolean {
  if (end >= text.length) return true;
  const r = text.charCodeAt(end);
  if (r === CLOSE_BRACKET || joinedByHyphen(text, end)) return false;
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
  if (term.cls === 'mixed' && !caseMatches(text, start, end, term)) return -1;
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

/**
 * Walk `trie` from `node` (the child of the root for the character at `i`), pushing every terminal passed and the
 * offset after it. The folded trie treats a run of separators as one; the exact trie matches them as written.
 */
function walk(trie: TermTrie, node: number, text: string, i: number, to: number, depth: number, which: number): number {
  const { termCount, edgeFirst, edgeCount, edgeCode, edgeNext, table } = trie;
  const collapse = which === FOLDED;
  let j = i + 1;
  for (;;) {
    if (termCount[node] > 0 && depth < MAX_DEPTH) {
      stackNode[depth] = node;
      stackEnd[depth] = j;
      stackTrie[depth++] = which;
    }
    if (j >= to) return depth;
    const d = table[text.charCodeAt(j)];
    let k = j + 1;
    if (collapse && d === SEP) while (k < to && FOLD[text.charCodeAt(k)] === SEP) k++;
    // The child along d: bisect wide nodes, then a short linear scan.
    let lo = edgeFirst[node];
    let hi = lo + edgeCount[node] - 1;
    while (hi - lo > 6) {
      const mid = (lo + hi) >> 1;
      if (edgeCode[mid] < d) lo = mid + 1;
      else hi = mid;
    }
    node = -1;
    for (; lo <= hi; lo++) {
      if (edgeCode[lo] === d) {
        node = edgeNext[lo];
        break;
      }
    }
    if (node < 0) return depth;
    j = k;
  }
}

/** The longest accepted term starting at `i` among the terminals collected by the walks, or null. */
function bestAt(text: string, i: number, depth: number, index: TermIndex, soft: readonly number[], limit: number): TermMatch | null {
  // Longest first: order the (few) terminals by end, descending.
  for (let a = 1; a < depth; a++) {
    for (let b = a; b > 0 && stackEnd[b] > stackEnd[b - 1]; b--) {
      const n = stackNode[b], e = stackEnd[b], t = stackTrie[b];
      stackNode[b] = stackNode[b - 1];
      stackEnd[b] = stackEnd[b - 1];
      stackTrie[b] = stackTrie[b - 1];
      stackNode[b - 1] = n;
      stackEnd[b - 1] = e;
      stackTrie[b - 1] = t;
    }
  }
  for (let s = 0; s < depth; s++) {
    const trie = stackTrie[s] === FOLDED ? index.foldedTrie : index.exactTrie;
    const n = stackNode[s];
    for (let e = trie.termFirst[n]; e < trie.termFirst[n] + trie.termCount[n]; e++) {
      const term = index.terms[trie.termIds[e]];
      const end = accept(text, i, stackEnd[s], term, trie.termIes[e] === 1, limit);
      if (end < 0) continue;
      const zone = soft.length > 0 ? rangeAt(soft, i) : -1;
      if (zone < 0 ? soft.length > 0 && rangeAt(soft, end - 1) >= 0 : end > soft[zone * 2 + 1]) continue;
      return { start: i, end, term, soft: zone >= 0 };
    }
  }
  return null;
}

/** Scan [from, to), a stretch between hard zones, adding matches to `out`. */
function scanStretch(text: string, from: number, to: number, index: TermIndex, soft: readonly number[], out: TermMatch[]): void {
  const folded = index.foldedTrie;
  const exact = index.exactTrie;
  const foldedRoot = folded.root;
  const exactRoot = exact.root;
  let prevWord = from > 0 ? WORD[text.charCodeAt(from - 1)] : 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const w = WORD[c];
    if (w & prevWord) continue; // inside a Latin word: no term starts here
    prevWord = w;
    const f = foldedRoot[c];
    const x = exactRoot[c];
    if (f < 0 && x < 0) continue;
    let depth = f < 0 ? 0 : walk(folded, f, text, i, to, 0, FOLDED);
    if (x >= 0) depth = walk(exact, x, text, i, to, depth, EXACT);
    if (depth === 0) continue;
    const found = bestAt(text, i, depth, index, soft, to);
    if (found) {
      out.push(found);
      i = found.end - 1;
      prevWord = WORD[text.charCodeAt(i)];
    }
  }
}

/** Every mention of a concept term outside hard zones, leftmost-longest, in text order. */
export function findMatches(text: string, index: TermIndex, zones: TextZones): TermMatch[] {
  const out: TermMatch[] = [];
  const hard = zones.hard;
  let from = 0;
  for (let h = 0; h < hard.length; h += 2) {
    if (hard[h] > from) scanStretch(text, from, hard[h], index, zones.soft, out);
    from = Math.max(from, hard[h + 1]);
  }
  if (from < text.length) scanStretch(text, from, text.length, index, zones.soft, out);
  return out;
}
