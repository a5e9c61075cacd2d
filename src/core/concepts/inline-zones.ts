/**
 * Inline Markdown constructs that must never receive a link: code spans, math, `%%` and HTML comments, wikilinks and
 * embeds, Markdown links and images (text and destination), footnote and citation brackets, autolinks, inline HTML
 * elements, Templater tags, bare URLs, tags and block ids. Found left to right, so a `%%` inside a code span stays
 * literal. Every search is bounded or remembered (InlineSearch, LineBrackets): the work is linear in the note's length.
 */

import { InlineSearch } from './inline-search';
import type { WorkMeter } from './work-meter';
import { autolinkEnd, htmlTagAt, isAsciiAlnum, isSpace } from './html-tags';
import { LineBrackets } from './line-brackets';

/** A link already in the note: its raw target (wikilink target or Markdown destination) and where it is. */
export interface LinkRef {
  target: string;
  start: number;
  end: number;
  /** A Markdown link (destination URL-encoded), not a wikilink. */
  markdown: boolean;
}

/** Where the scanners put what they find. `hard`: never matched; `soft`: matched as a mention, never linked. */
export interface ZoneCollector extends WorkMeter {
  hard: number[];
  soft: number[];
  table: number[];
  links: LinkRef[];
}

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'col', 'area', 'base', 'embed', 'track', 'param']);
/** Characters a tag cannot contain (Obsidian ends a tag at whitespace and ASCII punctuation other than _ - /). */
const TAG_STOP = new Set([...' \t\r\n!"#$%&\'()*+,.:;<=>?@[\\]^`{|}~'].map((c) => c.charCodeAt(0)));
/** Characters that may start a construct (found by the regex engine: much faster than a loop in JavaScript). */
const TRIGGER = /[\\`$%[<#^:]/g;

/** Ends a bare URL: whitespace, <, >, ", and CJK or full-width punctuation written right after it. */
function endsUrl(code: number): boolean {
  return isSpace(code) || code === 0x3c || code === 0x3e || code === 0x22 || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff20);
}

export class InlineScanner {
  private readonly search: InlineSearch;
  private line: LineBrackets | null = null;
  private triggerFrom = Infinity;
  private nextTrigger = -1;

  constructor(private readonly text: string, private readonly out: ZoneCollector) {
    this.search = new InlineSearch(text, out);
  }

  /** The next `$$` at or after `from`, or -1 (shared with the block scanner, so `$$` lines are searched once). */
  doubleDollar(from: number): number {
    return this.search.doubleDollar(from);
  }

  /**
   * Scan [from, to) (normally one line). Returns where scanning stopped: `to`, or further when a construct (a comment,
   * math, a code span) runs past it; the caller resumes there.
   */
  scan(from: number, to: number, lineStart: number): number {
    let i = from;
    while (i < to) {
      const t = this.trigger(i);
      if (t >= to) return to;
      i = Math.max(this.construct(t, to, lineStart), t + 1);
    }
    return Math.min(i, this.text.length);
  }

  /** The next trigger character at or after `pos`; the search result is kept, so no text is searched twice. */
  private trigger(pos: number): number {
    if (pos < this.triggerFrom || pos > this.nextTrigger) {
      TRIGGER.lastIndex = pos;
      const m = TRIGGER.exec(this.text);
      this.nextTrigger = m ? m.index : Infinity;
      this.out.work += (m ? m.index : this.text.length) - pos + 1;
      this.triggerFrom = pos;
    }
    return this.nextTrigger;
  }

  /** Handle the construct starting at `i`; returns the offset after it (or i + 1 when it is plain text). */
  private construct(i: number, to: number, lineStart: number): number {
    const text = this.text;
    switch (text.charCodeAt(i)) {
      case 0x5c: // backslash escape
        return i + 2;
      case 0x60: // `
        return this.codeSpan(i);
      case 0x24: // $
        return this.math(i);
      case 0x25: // %
        if (text.charCodeAt(i + 1) !== 0x25) return i + 1;
        return this.hardTo(i, text.indexOf('%%', i + 2), 2);
      case 0x5b: // [
        return this.bracket(i, to);
      case 0x3c: // <
        return this.angle(i);
      case 0x23: // #
        return this.tag(i, lineStart);
      case 0x5e: // ^
        return this.blockId(i, lineStart);
      case 0x3a: // :
        return this.url(i);
      default:
        return i + 1;
    }
  }

  /** Protect [start, closer + closerLength), or to the end of the text when there is no closer. */
  private hardTo(start: number, closer: number, closerLength: number): number {
    const end = closer < 0 ? this.text.length : closer + closerLength;
    this.out.work += end - start;
    this.out.hard.push(start, end);
    return end;
  }

  private runLength(i: number, code: number): number {
    let n = 0;
    while (this.text.charCodeAt(i + n) === code) n++;
    this.out.work += n;
    return n;
  }

  private codeSpan(i: number): number {
    const n = this.runLength(i, 0x60);
    const close = this.search.codeSpanCloser(i + n, n, this.search.paragraphEnd(i));
    if (close < 0) return i + n;
    this.out.hard.push(i, close + n);
    return close + n;
  }

  private math(i: number): number {
    const text = this.text;
    if (text.charCodeAt(i + 1) === 0x24) {
      const close = this.search.doubleDollar(i + 2);
      if (close < 0) return i + 2;
      this.out.hard.push(i, close + 2);
      return close + 2;
    }
    const first = text.charCodeAt(i + 1);
    if (Number.isNaN(first) || isSpace(first)) return i + 1;
    const close = this.search.dollarCloser(i + 1, this.search.paragraphEnd(i));
    if (close < 0) return i + 1;
    this.out.hard.push(i, close + 1);
    return close + 1;
  }

  /** The bracket tables of the line holding `i` (built once per line). */
  private lineOf(i: number, to: number): LineBrackets {
    if (this.line?.contains(i)) return this.line;
    const nl = this.text.indexOf('\n', i);
    const end = Math.max(to, nl < 0 ? this.text.length : nl);
    const start = this.text.lastIndexOf('\n', i - 1) + 1;
    this.line = new LineBrackets(this.text, start, end, this.out);
    return this.line;
  }

  private bracket(i: number, to: number): number {
    const text = this.text;
    const start = i > 0 && text.charCodeAt(i - 1) === 0x21 ? i - 1 : i; // "!" of an embed or image
    const line = this.lineOf(i, to);
    if (text.charCodeAt(i + 1) === 0x5b) {
      const close = text.indexOf(']]', i + 2);
      if (close < 0 || close >= line.end) {
        // An unclosed "[[" (a link being typed): a link written after it would become part of it.
        return this.hardTo(start, line.end, 0);
      }
      const inner = text.slice(i + 2, close);
      const bar = inner.indexOf('|');
      const target = (bar < 0 ? inner : inner.slice(0, bar)).replace(/\\$/, '');
      this.out.links.push({ target, start, end: close + 2, markdown: false });
      return this.hardTo(start, close, 2);
    }
    const close = line.closeOf(i);
    if (close < 0) return i + 1;
    const kind = text.charCodeAt(i + 1);
    if (kind === 0x5e || kind === 0x40 || kind === 0x21) return this.hardTo(i, close, 1); // [^footnote], [@citekey], [!callout]
    const after = text.charCodeAt(close + 1);
    if (after === 0x28) {
      const tail = line.linkTail(close + 1);
      if (!tail) return i + 1; // not a link by CommonMark's rules: its text is ordinary text
      const url = tail.destination;
      if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) this.out.links.push({ target: url, start, end: tail.close + 1, markdown: true });
      return this.hardTo(start, tail.close, 1);
    }
    if (after === 0x5b && text.charCodeAt(close + 2) !== 0x5b) {
      const ref = line.closeOf(close + 1);
      if (ref < 0) return i + 1;
      return this.hardTo(start, ref, 1);
    }
    return i + 1;
  }

  private angle(i: number): number {
    const text = this.text;
    if (text.startsWith('<!--', i)) return this.hardTo(i, text.indexOf('-->', i + 4), 3);
    if (text.charCodeAt(i + 1) === 0x25) return this.hardTo(i, text.indexOf('%>', i + 2), 2); // Templater <% … %>
    const auto = autolinkEnd(text, i, this.out);
    if (auto > 0) return this.hardTo(i, auto, 0);
    const tag = htmlTagAt(text, i, this.out);
    if (!tag) return i + 1;
    if (!tag.closing && !tag.selfClosing && !VOID_TAGS.has(tag.name)) {
      const close = this.search.closingTag(tag.name, tag.end, this.search.paragraphEnd(i));
      if (close >= 0) {
        const gt = text.indexOf('>', close);
        return this.hardTo(i, gt, 1);
      }
    }
    return this.hardTo(i, tag.end, 0);
  }

  private tag(i: number, lineStart: number): number {
    const text = this.text;
    const before = i > lineStart ? text.charCodeAt(i - 1) : 0x20;
    if (isAsciiAlnum(before) || before === 0x26 || before === 0x23) return i + 1;
    let j = i + 1;
    while (j < text.length && !TAG_STOP.has(text.charCodeAt(j)) && !endsUrl(text.charCodeAt(j))) j++;
    if (j === i + 1) return i + 1;
    return this.hardTo(i, j, 0);
  }

  /** `^block-id` at the end of a line, after whitespace. */
  private blockId(i: number, lineStart: number): number {
    const text = this.text;
    if (i > lineStart && !isSpace(text.charCodeAt(i - 1))) return i + 1;
    let k = i + 1;
    while (k < text.length && (isAsciiAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 0x2d)) k++;
    if (k === i + 1) return i + 1;
    let m = k;
    while (m < text.length && (text.charCodeAt(m) === 0x20 || text.charCodeAt(m) === 0x09)) m++;
    if (text.charCodeAt(m) === 0x0d) m++;
    if (m < text.length && text.charCodeAt(m) !== 0x0a) return i + 1;
    return this.hardTo(i, k, 0);
  }

  /** `scheme://…` (http, https, zotero, obsidian, file…), `doi:` and `mailto:`: protected up to whitespace. */
  private url(i: number): number {
    const text = this.text;
    let s = i;
    // A scheme is at most 32 characters: the look-back is bounded, so a long word full of colons stays linear.
    while (s > 0 && i - s < 32 && /[A-Za-z0-9+.-]/.test(text[s - 1])) s--;
    while (s < i && !/[A-Za-z]/.test(text[s])) s++;
    this.out.work += i - s + 1;
    const scheme = text.slice(s, i).toLowerCase();
    const slashes = text.startsWith('//', i + 1);
    if (scheme === '' || (!slashes && scheme !== 'doi' && scheme !== 'mailto')) return i + 1;
    let j = i + 1;
    while (j < text.length && !endsUrl(text.charCodeAt(j))) j++;
    return this.hardTo(s, j, 0);
  }
}
