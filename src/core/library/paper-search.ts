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

export interface PaperMatch {
  item: Paper;
  /** Higher is better. */
  score: number;
}

/** One paper, folded for matching: all fields in one text (fields start after a space), and the key apart. */
interface Entry {
  paper: Paper;
  /** " title authors year citekey venue", folded. */
  all: string;
  /** Folded citation key. */
  key: string;
  year: number;
}

const NOT_ASCII = /[\u0080-\uffff]/;

/** Case, accents, full-width forms and compatibility characters folded away, so what is typed finds what is written. */
export function foldForSearch(text: string): string {
  // Most titles and names are ASCII: only the others need Unicode's decomposition.
  return NOT_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : text.toLowerCase();
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

/** How well one word matches an entry: 0 when it does not. */
function wordScore(word: string, e: Entry): number {
  if (e.key === word) return 100;
  if (e.key.startsWith(word)) return 40;
  const at = e.all.indexOf(word);
  if (at >= 0) {
    // At the start of a word (after a space or punctuation), or anywhere (CJK has no spaces; "GPT" in "ChatGPT").
    const before = e.all.charCodeAt(at - 1);
    return before === 0x20 || before === 0x28 || before === 0x2d || before === 0x3a ? 20 : 10;
  }
  return inOrder(word, e.key) ? 2 : 0;
}

function entryOf(paper: Paper): Entry {
  // One folded string, built by join: a flat string, so indexOf never has to flatten a concatenation first.
  const all = foldForSearch(['', paper.title, paper.authors.join(' ; '), paper.year ?? '', paper.citekey, paper.venue ?? ''].join(' '));
  return { paper, all, key: foldForSearch(paper.citekey), year: paper.year ?? 0 };
}

/** Better first: score, then newer, then by citation key. */
function compare(a: { e: Entry; score: number }, b: { e: Entry; score: number }): number {
  return b.score - a.score || b.e.year - a.e.year || (a.e.paper.citekey < b.e.paper.citekey ? -1 : 1);
}

export class PaperSearchIndex {
  private readonly entries: Entry[];
  /** The words of the last query and the entries they matched: the next keystroke narrows them. */
  private last: { words: string[]; matched: Entry[] } | null = null;

  constructor(readonly papers: readonly Paper[]) {
    this.entries = papers.map(entryOf);
  }

  /** The best `limit` papers for `query`, best first; an empty query lists the library in its order. */
  search(query: string, limit: number): PaperMatch[] {
    const words = searchWords(query);
    if (words.length === 0) {
      this.last = null;
      return this.entries.slice(0, limit).map((e) => ({ item: e.paper, score: 0 }));
    }
    const matched: { e: Entry; score: number }[] = [];
    for (const e of this.candidates(words)) {
      let score = 0;
      for (const word of words) {
        const s = wordScore(word, e);
        if (s === 0) {
          score = 0;
          break;
        }
        score += s;
      }
      if (score > 0) matched.push({ e, score });
    }
    this.last = { words, matched: matched.map((m) => m.e) };
    return topOf(matched, limit).map((m) => ({ item: m.e.paper, score: m.score }));
  }

  /**
   * The entries that can match `words`: those the last query matched when every word of it is contained in the
   * corresponding word now (the user typed on: "attn" → "attnt" can only lose papers), else all of them.
   */
  private candidates(words: string[]): readonly Entry[] {
    const last = this.last;
    if (!last || last.words.length > words.length) return this.entries;
    for (let i = 0; i < last.words.length; i++) if (!words[i].includes(last.words[i])) return this.entries;
    return last.matched;
  }
}

/** The `limit` best of `matched` in order, without sorting all of them when there are many. */
function topOf(matched: { e: Entry; score: number }[], limit: number): { e: Entry; score: number }[] {
  if (matched.length <= limit * 4) return matched.sort(compare).slice(0, limit);
  const best: { e: Entry; score: number }[] = [];
  for (const m of matched) {
    if (best.length === limit && compare(m, best[limit - 1]) >= 0) continue;
    let i = best.length;
    while (i > 0 && compare(m, best[i - 1]) < 0) i--;
    best.splice(i, 0, m);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** One index per list of papers, kept while the list is (a reload of the library makes a new one). */
const indexes = new WeakMap<readonly Paper[], PaperSearchIndex>();

export function paperSearchIndex(papers: readonly Paper[]): PaperSearchIndex {
  let index = indexes.get(papers);
  if (!index) indexes.set(papers, (index = new PaperSearchIndex(papers)));
  return index;
}
