/**
 * The library search behind "Import paper", "Insert citation" and the `[@` suggester: every word typed must be found
 * in the paper's title, authors, year, citation key or venue (any script: 多模态 is found inside 多模态大模型导论,
 * "Schölkopf" by "scholkopf"), and a word that is not found as typed may still match the citation key as letters in
 * order ("brown2020" finds brownLanguageModelsAre2020). Letters in order are not looked for in titles: over a long
 * title nearly every word would match.
 *
 * Built for typing: the text of each paper is folded once (`PaperSearchIndex`), and a query that extends the previous
 * one (the next keystroke) only looks at the papers the previous one matched, so a keystroke over 10,000 papers costs a
 * few milliseconds at most. Pure; no Obsidian.
 */
import type { Paper } from './paper';

/**
 * What the search reads of a paper: a whole Paper, or the compact entry the plugin keeps (library-index.ts, its
 * authors joined with "; ").
 */
export interface SearchablePaper {
  citekey: string;
  title: string;
  authors: string | readonly string[];
  year: number | null;
  venue: string | null;
}

export interface PaperMatch<T extends SearchablePaper = Paper> {
  item: T;
  /** Higher is better. */
  score: number;
}

/**
 * Characters that decomposition changes in a way that matters for search: accented Latin, Greek and Cyrillic letters,
 * letterlike symbols, ligatures, CJK compatibility ideographs, full- and half-width forms. Text without them (ASCII,
 * Han, dashes and quotes) is only lower-cased, which keeps preparing 10,000 papers cheap.
 */
const DECOMPOSES = /[\u00a0-\u024f\u0370-\u04ff\u1e00-\u1fff\u2100-\u218f\u3000\uf900-\ufaff\ufb00-\ufb4f\uff00-\uffef]/;

/** Case, accents, full-width forms and compatibility characters folded away, so what is typed finds what is written. */
export function foldForSearch(text: string): string {
  return DECOMPOSES.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : text.toLowerCase();
}

/** The words of a query: split at spaces, commas and semicolons; folded. */
export function searchWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,;]+/)
    .filter((w) => w !== '');
}

/** Whether the letters of `word` appear in `text` in order. */
function inOrder(word: string, text: string): boolean {
  let from = 0;
  for (const ch of word) {
    const at = text.indexOf(ch, from);
    if (at < 0) return false;
    from = at + ch.length;
  }
  return true;
}

/** How well one word matches a paper (its folded text and key): 0 when it does not. */
function wordScore(word: string, all: string, key: string): number {
  if (key === word) return 100;
  if (key.startsWith(word)) return 40;
  const at = all.indexOf(word);
  if (at >= 0) {
    // At the start of a word (after a space or punctuation), or anywhere (CJK has no spaces; "GPT" in "ChatGPT").
    const before = all.charCodeAt(at - 1);
    return before === 0x20 || before === 0x28 || before === 0x2d || before === 0x3a ? 20 : 10;
  }
  return inOrder(word, key) ? 2 : 0;
}

/** A paper's fields as one folded text, built by join: a flat string, so indexOf never flattens a concatenation. */
function searchText(paper: SearchablePaper): string {
  const authors = typeof paper.authors === 'string' ? paper.authors.replace(/; /g, ' ; ') : paper.authors.join(' ; ');
  return foldForSearch(['', paper.title, authors, paper.year ?? '', paper.citekey, paper.venue ?? ''].join(' '));
}

/**
 * Papers are kept by position, their texts and keys in plain arrays and the scores of the current query in one typed
 * array, so a keystroke allocates next to nothing (no garbage to collect while the user types).
 */
export class PaperSearchIndex<T extends SearchablePaper = Paper> {
  private readonly texts: string[];
  private readonly keys: string[];
  private readonly years: Int32Array;
  /** Score of each paper for the current query (valid for the papers it matched). */
  private readonly scores: Int32Array;
  /** Every position, for a query that cannot narrow the last one. */
  private readonly everyPaper: Int32Array;
  /** The words of the last query and the papers they matched: the next keystroke narrows them. */
  private last: { words: string[]; matched: Int32Array } | null = null;

  constructor(readonly papers: readonly T[]) {
    this.texts = papers.map(searchText);
    this.keys = papers.map((p) => foldForSearch(p.citekey));
    this.years = Int32Array.from(papers, (p) => p.year ?? 0);
    this.scores = new Int32Array(papers.length);
    this.everyPaper = Int32Array.from(papers, (_, i) => i);
  }

  /** The best `limit` papers for `query`, best first; an empty query lists the library in its order. */
  search(query: string, limit: number): PaperMatch<T>[] {
    const words = searchWords(query);
    if (words.length === 0) {
      this.last = null;
      return this.papers.slice(0, limit).map((item) => ({ item, score: 0 }));
    }
    const candidates = this.candidates(words);
    const matched = new Int32Array(candidates.length);
    let count = 0;
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c];
      let score = 0;
      for (let w = 0; w < words.length; w++) {
        const s = wordScore(words[w], this.texts[i], this.keys[i]);
        if (s === 0) {
          score = 0;
          break;
        }
        score += s;
      }
      if (score > 0) {
        this.scores[i] = score;
        matched[count++] = i;
      }
    }
    const kept = matched.subarray(0, count);
    this.last = { words, matched: kept };
    return this.best(kept, limit).map((i) => ({ item: this.papers[i], score: this.scores[i] }));
  }

  /**
   * The papers that can match `words`: those the last query matched when every word of it is contained in the
   * corresponding word now (the user typed on: "attn" → "attnt" can only lose papers), else all of them.
   */
  private candidates(words: string[]): Int32Array {
    const last = this.last;
    if (!last || last.words.length > words.length) return this.everyPaper;
    for (let i = 0; i < last.words.length; i++) if (!words[i].includes(last.words[i])) return this.everyPaper;
    return last.matched;
  }

  /** Better first: score, then newer, then by citation key. */
  private readonly compare = (a: number, b: number): number =>
    this.scores[b] - this.scores[a] || this.years[b] - this.years[a] || (this.papers[a].citekey < this.papers[b].citekey ? -1 : this.papers[a].citekey > this.papers[b].citekey ? 1 : a - b);

  /** The `limit` best of `matched` in order, without sorting all of them when there are many. */
  private best(matched: Int32Array, limit: number): number[] {
    if (matched.length <= limit * 4) return Array.from(matched).sort(this.compare).slice(0, limit);
    const best: number[] = [];
    for (let m = 0; m < matched.length; m++) {
      const i = matched[m];
      if (best.length === limit && this.compare(i, best[limit - 1]) >= 0) continue;
      let at = best.length;
      while (at > 0 && this.compare(i, best[at - 1]) < 0) at--;
      best.splice(at, 0, i);
      if (best.length > limit) best.pop();
    }
    return best;
  }
}

/** One index per list of papers, kept while the list is (a reload of the library makes a new one). */
const indexes = new WeakMap<readonly SearchablePaper[], PaperSearchIndex<SearchablePaper>>();

export function paperSearchIndex<T extends SearchablePaper = Paper>(papers: readonly T[]): PaperSearchIndex<T> {
  let index = indexes.get(papers) as PaperSearchIndex<T> | undefined;
  if (!index) indexes.set(papers, (index = new PaperSearchIndex(papers)));
  return index;
}
