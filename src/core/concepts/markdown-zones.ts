/**
 * Block-level pass over a note: which parts may receive links. Front matter, fenced code (``` and ~~~), `$$` blocks,
 * HTML blocks, reference definitions and the concept section are `hard` (never matched); headings (unless linked by
 * setting) and plugin-owned managed regions are `soft` (a mention counts, no link is written there); table rows are
 * recorded so a link written there escapes its pipe. Inline constructs are left to InlineScanner; reading the
 * lines themselves (ends, indentation, blockquote markers) to MarkdownLines.
 */
import { findFrontMatter } from '../text/front-matter-text';
import { isBlank } from './char-class';
import { InlineScanner, type LinkRef } from './inline-zones';
import { MarkdownLines } from './markdown-lines';
import { CONCEPT_SECTION_ID, managedRegionZones } from './region-zones';
import { mergeRanges } from './ranges';
import { isReferenceEntry, isReferencesLabel, ReferenceSections } from './reference-lists';

export { CONCEPT_SECTION_ID };

export interface TextZones {
  /** Sorted, merged [start, end) pairs. */
  hard: number[];
  soft: number[];
  table: number[];
  links: LinkRef[];
  /** Characters examined while finding the zones: linear in the text's length (tests double the input and compare). */
  work: number;
}

export interface ZoneOptions {
  /** Headings get links too (default: mention only). */
  linkInHeadings?: boolean;
  /** Text inside the plugin's managed regions gets links (for the sync rendering a note); default: mention only. */
  linkManagedRegions?: boolean;
}

const HTML_BLOCK_TAGS = new Set(
  ('address article aside blockquote body center details dialog dir div dl dt dd fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr html iframe legend li main menu nav ol p pre script section style summary table tbody ' +
    'td textarea tfoot th thead tr ul video audio canvas svg math').split(' '),
);
const HTML_OPEN = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/y;
const COMPLETE_TAG_LINE = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>[ \t\r]*$/y;
const TABLE_DELIMITER = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t\r]*$/;
const REF_DEFINITION = /[ \t]{0,3}\[[^\]\n]+\]:[ \t]/y;
const LIST_ITEM = /[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/my;

/** A "[" or a digit at `i`: where a bulleted reference entry ("- [1] …") starts. */
function opensNumberAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || c === 0x5b;
}

class BlockScanner extends MarkdownLines {
  private readonly inline: InlineScanner;
  private prevParagraph: [number, number] | null = null;
  /** The last non-blank line was a list item or its indented continuation: an indented line continues the list. */
  private listContext = false;
  /** Where the body starts (after the front matter): region markers are looked for from there. */
  private bodyStart = 0;
  private readonly references: ReferenceSections;

  constructor(
    text: string,
    private readonly options: ZoneOptions,
  ) {
    super(text);
    this.inline = new InlineScanner(text, this.out);
    this.references = new ReferenceSections(this.out.hard);
  }

  /** An indented code block (4+ spaces, not after a paragraph or inside a list): to its last indented line. */
  private indentedCode(pos: number): number {
    let line = pos;
    let last = pos;
    while (line < this.text.length) {
      const end = this.lineEnd(line);
      const blank = isBlank(this.text, line, end);
      if (!blank && this.indentWidth(line, end) < 4) break;
      if (!blank) last = end;
      line = end + 1;
    }
    this.out.hard.push(pos, last);
    return last + 1;
  }

  /** Inline-scan a line; constructs may run into later lines. Returns the offset of the next line to look at. */
  private inlineLine(lineStart: number, from: number, end: number): number {
    let stop = this.inline.scan(from, end, lineStart);
    let lineEnd = end;
    while (stop > lineEnd && lineEnd < this.text.length) {
      const ls = this.text.lastIndexOf('\n', stop - 1) + 1;
      lineEnd = this.lineEnd(stop);
      stop = this.inline.scan(stop, lineEnd, ls);
    }
    return lineEnd + 1;
  }

  run(): TextZones {
    const text = this.text;
    let pos = 0;
    const fm = findFrontMatter(text);
    if (fm) {
      this.out.hard.push(0, fm.bodyStart);
      pos = fm.bodyStart;
      this.bodyStart = pos;
    } else if (text.charCodeAt(0) === 0xfeff) {
      // A byte-order mark is not part of the first line: without this, "\uFEFF# Title" hid its heading.
      this.out.hard.push(0, 1);
      pos = 1;
      this.bodyStart = pos;
    }
    while (pos < text.length) {
      const end = this.lineEnd(pos);
      const p = this.contentStart(pos, end);
      if (isBlank(text, p, end)) {
        this.prevParagraph = null;
        pos = end + 1;
        continue;
      }
      const indent = this.indentWidth(pos, end);
      if (indent >= 4 && this.prevParagraph === null && !this.listContext) {
        pos = this.indentedCode(pos);
        continue;
      }
      LIST_ITEM.lastIndex = pos;
      const listItem = LIST_ITEM.test(text);
      this.listContext = listItem || (this.listContext && indent > 0);
      const first = text.charCodeAt(p);
      const numbered = first === 0x5b || (first >= 0x30 && first <= 0x39) || (listItem && opensNumberAt(text, p + 2));
      if (numbered && isReferenceEntry(text.slice(pos, end))) {
        this.prevParagraph = null;
        pos = this.referenceEntry(pos, end);
        continue;
      }
      if (this.prevParagraph === null && end - p <= 40 && isReferencesLabel(text.slice(p, end))) this.references.heading(7, pos, end);
      const next = this.block(pos, p, end);
      if (next >= 0) {
        this.prevParagraph = null;
        pos = next;
        continue;
      }
      this.prevParagraph = [pos, end];
      pos = this.inlineLine(pos, pos, end);
    }
    return this.finish();
  }

  /** A block construct starting on this line: returns where scanning continues, or -1 for a paragraph line. */
  private block(pos: number, p: number, end: number): number {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 0x60 || c === 0x7e) return this.fence(pos, p, end);
    if (c === 0x24 && text.charCodeAt(p + 1) === 0x24) {
      const close = this.inline.doubleDollar(p + 2);
      if (close < 0) return -1;
      this.out.hard.push(p, close + 2);
      const closeLineEnd = this.lineEnd(close);
      return this.inlineLine(text.lastIndexOf('\n', close) + 1, close + 2, closeLineEnd);
    }
    if (c === 0x3c) return this.htmlBlock(pos, p, end);
    if (c === 0x23) return this.heading(pos, p, end);
    if ((c === 0x3d || c === 0x2d) && this.prevParagraph && /^[ \t>]*(=+|-{2,})[ \t\r]*$/.test(text.slice(pos, end))) {
      const [start, titleEnd] = this.prevParagraph;
      if (!this.options.linkInHeadings) this.out.soft.push(start, titleEnd);
      this.references.heading(c === 0x3d ? 1 : 2, start, end, text.slice(this.contentStart(start, titleEnd), titleEnd));
      return end + 1;
    }
    if (c === 0x5b) {
      REF_DEFINITION.lastIndex = p;
      if (REF_DEFINITION.test(text) && text.charCodeAt(p + 1) !== 0x5e) {
        this.out.hard.push(p, end);
        return end + 1;
      }
    }
    if (this.pipeAt(p) < end) return this.table(pos, end);
    return -1;
  }

  private fence(pos: number, p: number, end: number): number {
    const text = this.text;
    const code = text.charCodeAt(p);
    let n = 0;
    while (text.charCodeAt(p + n) === code) n++;
    if (n < 3 || (code === 0x60 && text.slice(p + n, end).includes('`'))) return -1;
    let line = end + 1;
    while (line < text.length) {
      const lineEnd = this.lineEnd(line);
      const q = this.contentStart(line, lineEnd);
      let m = 0;
      while (text.charCodeAt(q + m) === code) m++;
      if (m >= n && isBlank(text, q + m, lineEnd)) {
        this.out.hard.push(pos, lineEnd);
        return lineEnd + 1;
      }
      line = lineEnd + 1;
    }
    this.out.hard.push(pos, text.length);
    return text.length;
  }

  private htmlBlock(pos: number, p: number, end: number): number {
    const text = this.text;
    HTML_OPEN.lastIndex = p;
    const m = HTML_OPEN.exec(text);
    if (!m) return -1;
    COMPLETE_TAG_LINE.lastIndex = p - pos;
    const block = HTML_BLOCK_TAGS.has(m[1].toLowerCase()) || (!this.prevParagraph && COMPLETE_TAG_LINE.test(text.slice(pos, end)));
    if (!block) return -1;
    let line = end + 1;
    let blockEnd = end;
    while (line < text.length) {
      const lineEnd = this.lineEnd(line);
      if (isBlank(text, line, lineEnd)) break;
      blockEnd = lineEnd;
      line = lineEnd + 1;
    }
    this.out.hard.push(pos, blockEnd);
    return blockEnd + 1;
  }

  private heading(pos: number, p: number, end: number): number {
    const text = this.text;
    let n = 0;
    while (text.charCodeAt(p + n) === 0x23) n++;
    const after = text.charCodeAt(p + n);
    if (n > 6 || !(p + n >= end || after === 0x20 || after === 0x09 || after === 0x0d)) return -1;
    if (!this.options.linkInHeadings) this.out.soft.push(pos, end);
    this.references.heading(n, pos, end, text.slice(p + n, end));
    return this.inlineLine(pos, p + n, end);
  }

  private table(pos: number, end: number): number {
    const text = this.text;
    const nextStart = end + 1;
    if (nextStart >= text.length) return -1;
    const nextEnd = this.lineEnd(nextStart);
    if (!TABLE_DELIMITER.test(text.slice(nextStart, nextEnd)) || !text.slice(nextStart, nextEnd).includes('-')) return -1;
    let line = pos;
    while (line < text.length) {
      const lineEnd = this.lineEnd(line);
      if (isBlank(text, line, lineEnd)) break;
      this.out.table.push(line, lineEnd);
      this.inline.scan(line, lineEnd, line);
      line = lineEnd + 1;
    }
    return line;
  }

  /** A numbered reference entry: protected with its continuation lines (up to a blank line or the next item). */
  private referenceEntry(pos: number, end: number): number {
    const text = this.text;
    let last = end;
    let line = end + 1;
    while (line < text.length) {
      const lineEnd = this.lineEnd(line);
      LIST_ITEM.lastIndex = line;
      if (isBlank(text, line, lineEnd) || LIST_ITEM.test(text) || text.charCodeAt(this.contentStart(line, lineEnd)) === 0x23) break;
      last = lineEnd;
      line = lineEnd + 1;
    }
    this.out.hard.push(pos, last);
    return last + 1;
  }

  private finish(): TextZones {
    const text = this.text;
    this.references.end(text.length);
    const owned = managedRegionZones(text, this.bodyStart, this.options.linkManagedRegions === true, this.out);
    const links = owned.length === 0 ? this.out.links : this.out.links.filter((l) => !owned.some(([start, end]) => l.start >= start && l.start < end));
    return { hard: mergeRanges(this.out.hard), soft: mergeRanges(this.out.soft), table: this.out.table, links, work: this.out.work };
  }
}

/** Compute the zones of a note's text. */
export function scanZones(text: string, options: ZoneOptions = {}): TextZones {
  return new BlockScanner(text, options).run();
}
