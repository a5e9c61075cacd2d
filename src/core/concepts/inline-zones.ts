/**
 * Inline Markdown constructs that must never receive a link: code spans, math, `%%` and HTML comments, wikilinks and
 * embeds, Markdown links and images (text and destination), footnote and citation brackets, autolinks, inline HTML
 * elements, bare URLs, tags and block ids. Found left to right, so a `%%` inside a code span stays literal.
 */

/** A link already in the note: its raw target (wikilink target or Markdown destination) and where it is. */
export interface LinkRef {
  target: string;
  start: number;
  end: number;
  /** A Markdown link (destination URL-encoded), not a wikilink. */
  markdown: boolean;
}

/** Where the scanners put what they find. `hard`: never matched; `soft`: matched as a mention, never linked. */
export interface ZoneCollector {
  hard: number[];
  soft: number[];
  table: number[];
  links: LinkRef[];
}

const TRIGGER = /[\\`$%[<#^:]/g;
const BLANK_LINE = /\n[ \t\r]*\n/g;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>/y;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>/y;
const BLOCK_ID = /\^[A-Za-z0-9-]+[ \t]*(?:\r?\n|$)/y;
const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'col', 'area', 'base', 'embed', 'track', 'param']);
/** Characters a tag cannot contain (Obsidian ends a tag at whitespace and ASCII punctuation other than _ - /). */
const TAG_STOP = new Set([...' \t\r\n!"#$%&\'()*+,.:;<=>?@[\\]^`{|}~'].map((c) => c.charCodeAt(0)));

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Ends a bare URL: whitespace, <, >, ", and CJK or full-width punctuation written right after it. */
function endsUrl(code: number): boolean {
  return isSpace(code) || code === 0x3c || code === 0x3e || code === 0x22 || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff20);
}

export class InlineScanner {
  private nextTrigger = -1;
  private triggerFrom = -1;

  constructor(private readonly text: string, private readonly out: ZoneCollector) {}

  /** Offset of the blank line that ends the paragraph containing `pos` (or the text length). */
  private paragraphEnd(pos: number): number {
    BLANK_LINE.lastIndex = pos;
    const m = BLANK_LINE.exec(this.text);
    return m ? m.index : this.text.length;
  }

  /** Next trigger character at or after `pos`, cached so the regex never rescans the same text. */
  private trigger(pos: number): number {
    if (this.triggerFrom < 0 || pos < this.triggerFrom || pos > this.nextTrigger) {
      TRIGGER.lastIndex = pos;
      const m = TRIGGER.exec(this.text);
      this.nextTrigger = m ? m.index : Infinity;
      this.triggerFrom = pos;
    }
    return this.nextTrigger;
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

  /** Handle the construct starting at `i`; returns the offset after it (or i + 1 when it is plain text). */
  private construct(i: number, to: number, lineStart: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    switch (c) {
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
    this.out.hard.push(start, end);
    return end;
  }

  private runLength(i: number, code: number): number {
    let n = 0;
    while (this.text.charCodeAt(i + n) === code) n++;
    return n;
  }

  private codeSpan(i: number): number {
    const text = this.text;
    const n = this.runLength(i, 0x60);
    const limit = this.paragraphEnd(i);
    let j = i + n;
    for (;;) {
      const k = text.indexOf('`', j);
      if (k < 0 || k >= limit) return i + n;
      const m = this.runLength(k, 0x60);
      if (m === n) {
        this.out.hard.push(i, k + n);
        return k + n;
      }
      j = k + m;
    }
  }

  private math(i: number): number {
    const text = this.text;
    if (text.charCodeAt(i + 1) === 0x24) {
      const close = text.indexOf('$$', i + 2);
      if (close < 0) return i + 2;
      this.out.hard.push(i, close + 2);
      return close + 2;
    }
    const first = text.charCodeAt(i + 1);
    if (Number.isNaN(first) || isSpace(first)) return i + 1;
    const limit = this.paragraphEnd(i);
    let j = i + 1;
    for (;;) {
      const k = text.indexOf('$', j);
      if (k < 0 || k >= limit) return i + 1;
      const before = text.charCodeAt(k - 1);
      const after = text.charCodeAt(k + 1);
      if (before !== 0x5c && !isSpace(before) && !(after >= 0x30 && after <= 0x39)) {
        this.out.hard.push(i, k + 1);
        return k + 1;
      }
      j = k + 1;
    }
  }

  /** The offset of the bracket closing the one at `open` on the same line, honouring nesting and escapes, or -1. */
  private matching(open: number, openCode: number, closeCode: number, to: number): number {
    const text = this.text;
    let depth = 0;
    for (let k = open; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x5c) k++;
      else if (c === openCode) depth++;
      else if (c === closeCode && --depth === 0) return k;
    }
    return -1;
  }

  private bracket(i: number, to: number): number {
    const text = this.text;
    const start = i > 0 && text.charCodeAt(i - 1) === 0x21 ? i - 1 : i; // "!" of an embed or image
    const lineEnd = this.lineEnd(i, to);
    if (text.charCodeAt(i + 1) === 0x5b) {
      const close = text.indexOf(']]', i + 2);
      if (close < 0 || close >= lineEnd) {
        // An unclosed "[[" (a link being typed): a link written after it would become part of it.
        this.out.hard.push(start, lineEnd);
        return lineEnd;
      }
      const inner = text.slice(i + 2, close);
      const bar = inner.indexOf('|');
      const target = (bar < 0 ? inner : inner.slice(0, bar)).replace(/\\$/, '');
      this.out.links.push({ target, start, end: close + 2, markdown: false });
      this.out.hard.push(start, close + 2);
      return close + 2;
    }
    const close = this.matching(i, 0x5b, 0x5d, lineEnd);
    if (close < 0) return i + 1;
    const kind = text.charCodeAt(i + 1);
    if (kind === 0x5e || kind === 0x40 || kind === 0x21) {
      // [^footnote], [@citekey], [!callout]
      this.out.hard.push(i, close + 1);
      return close + 1;
    }
    const after = text.charCodeAt(close + 1);
    if (after === 0x28) {
      const paren = this.matching(close + 1, 0x28, 0x29, lineEnd);
      if (paren < 0) return i + 1;
      const dest = text.slice(close + 2, paren).trim();
      const url = dest.startsWith('<') ? dest.slice(1, dest.indexOf('>') < 0 ? undefined : dest.indexOf('>')) : dest.split(/\s+/)[0];
      if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) this.out.links.push({ target: url, start, end: paren + 1, markdown: true });
      this.out.hard.push(start, paren + 1);
      return paren + 1;
    }
    if (after === 0x5b && text.charCodeAt(close + 2) !== 0x5b) {
      const ref = this.matching(close + 1, 0x5b, 0x5d, lineEnd);
      if (ref < 0) return i + 1;
      this.out.hard.push(start, ref + 1);
      return ref + 1;
    }
    return i + 1;
  }

  private lineEnd(i: number, to: number): number {
    const nl = this.text.indexOf('\n', i);
    return Math.max(to, nl < 0 ? this.text.length : nl);
  }

  private angle(i: number): number {
    const text = this.text;
    if (text.startsWith('<!--', i)) return this.hardTo(i, text.indexOf('-->', i + 4), 3);
    AUTOLINK.lastIndex = i;
    const auto = AUTOLINK.exec(text);
    if (auto) {
      this.out.hard.push(i, i + auto[0].length);
      return i + auto[0].length;
    }
    TAG.lastIndex = i;
    const tag = TAG.exec(text);
    if (!tag) return i + 1;
    const tagEnd = i + tag[0].length;
    const name = tag[2].toLowerCase();
    if (tag[1] === '' && !tag[0].endsWith('/>') && !VOID_TAGS.has(name)) {
      const limit = this.paragraphEnd(i);
      const found = text.slice(tagEnd, limit).toLowerCase().indexOf(`</${name}`);
      const close = found < 0 ? -1 : tagEnd + found;
      if (close >= 0) {
        const gt = text.indexOf('>', close);
        const end = gt < 0 ? text.length : gt + 1;
        this.out.hard.push(i, end);
        return end;
      }
    }
    this.out.hard.push(i, tagEnd);
    return tagEnd;
  }

  private tag(i: number, lineStart: number): number {
    const text = this.text;
    const before = i > lineStart ? text.charCodeAt(i - 1) : 0x20;
    if ((before < 0x80 && /[A-Za-z0-9&]/.test(String.fromCharCode(before))) || before === 0x23) return i + 1;
    let j = i + 1;
    while (j < text.length && !TAG_STOP.has(text.charCodeAt(j)) && !endsUrl(text.charCodeAt(j))) j++;
    if (j === i + 1) return i + 1;
    this.out.hard.push(i, j);
    return j;
  }

  private blockId(i: number, lineStart: number): number {
    if (i > lineStart && !isSpace(this.text.charCodeAt(i - 1))) return i + 1;
    BLOCK_ID.lastIndex = i;
    const m = BLOCK_ID.exec(this.text);
    if (!m) return i + 1;
    this.out.hard.push(i, i + m[0].trimEnd().length);
    return i + m[0].trimEnd().length;
  }

  /** `scheme://…` (http, https, zotero, obsidian, file…), `doi:` and `mailto:`: protected up to whitespace. */
  private url(i: number): number {
    const text = this.text;
    let s = i;
    while (s > 0 && /[A-Za-z0-9+.-]/.test(text[s - 1])) s--;
    while (s < i && !/[A-Za-z]/.test(text[s])) s++;
    const scheme = text.slice(s, i).toLowerCase();
    const slashes = text.startsWith('//', i + 1);
    if (scheme === '' || (!slashes && scheme !== 'doi' && scheme !== 'mailto')) return i + 1;
    let j = i + 1;
    while (j < text.length && !endsUrl(text.charCodeAt(j))) j++;
    this.out.hard.push(s, j);
    return j;
  }
}
