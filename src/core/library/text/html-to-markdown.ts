/**
 * Zotero note HTML → Markdown. Zotero notes use a small HTML subset (paragraphs, headings, bold/italic/strike,
 * links, lists, blockquotes, code, tables, images); this covers it without a DOM, so it runs in core and tests.
 * Unknown tags are dropped and their text kept; `<script>`/`<style>` are dropped with their content. Links and
 * images keep their target only when it is safe to click (core/text/safe-link.ts); otherwise their text stays.
 */
import { isSafeLinkTarget, isWebUrl } from '../../text/safe-link';
import { attribute, hasClass, tokenizeHtml, type HtmlToken } from './html-tokens';
import { decodeEntities } from './rich-text';

const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'table', 'tr', 'ul', 'ol']);
const EMPHASIS: Readonly<Record<string, string>> = { b: '**', strong: '**', i: '*', em: '*', s: '~~', strike: '~~', del: '~~', code: '`' };

export interface MarkdownOptions {
  /**
   * Replaces a Zotero citation (`<span class="citation" data-citation="…">`): given the attribute's value and the
   * citation's readable text ("(Wei et al., 2022, p. 3)"), returns what to write. Without it the text is kept.
   */
  citation?: (data: string, readable: string) => string;
  /** Added to every heading level (capped at 6), so a note's headings fit under the sections of the literature note. */
  headingShift?: number;
}

interface Open {
  tag: string;
  /** Index in `parts` where the element's content starts. */
  start: number;
  href?: string;
  citation?: string;
  /** A paragraph inside a list item: no blank lines around it. */
  inItem?: boolean;
}

/** Convert note HTML (a whole note or a fragment of one) to Markdown text. */
export function htmlToMarkdown(html: string, options: MarkdownOptions = {}): string {
  // Text without markup (most highlights and comments): what the converter would give, without its machinery.
  if (!html.includes('<')) {
    const text = decodeEntities(html);
    return (/[\t\n\r]| {2}/.test(text) ? text.replace(/[ \t\n\r]+/g, ' ') : text).trim();
  }
  return new Converter(options).convert(tokenizeHtml(html));
}

/** The shift that makes a note's shallowest heading `###` (0 when it has none or they are deep already). */
export function headingShiftFor(html: string, top = 3): number {
  let min = 7;
  for (const m of html.matchAll(/<h([1-6])[\s>]/gi)) min = Math.min(min, Number(m[1]));
  return min < top ? top - min : 0;
}

class Converter {
  private parts: string[] = [];
  private stack: Open[] = [];
  private lists: { ordered: boolean; next: number }[] = [];
  private pre = 0;
  private skip = 0;

  constructor(private readonly options: MarkdownOptions) {}

  convert(tokens: readonly HtmlToken[]): string {
    for (const t of tokens) {
      if (t.kind === 'text') {
        if (this.skip === 0) this.text(decodeEntities(t.raw));
      } else if (t.kind === 'close') this.close(t.tag);
      else this.open(t.tag, t.raw);
    }
    while (this.stack.length > 0) this.close(this.stack[this.stack.length - 1].tag);
    return this.parts
      .join('')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private text(text: string): void {
    if (this.pre > 0) {
      this.parts.push(text);
      return;
    }
    const collapsed = text.replace(/[ \t\n\r]+/g, ' ');
    // No space at the start of a line.
    this.parts.push(this.atLineStart() ? collapsed.replace(/^ /, '') : collapsed);
  }

  private atLineStart(): boolean {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const p = this.parts[i];
      if (p !== '') return p.endsWith('\n') || /\n[ ]*(?:[-*>]|\d+\.)?[ ]*$/.test(p);
    }
    return true;
  }

  private block(): void {
    if (this.parts.length > 0) this.parts.push('\n\n');
  }

  private open(tag: string, attrs: string): void {
    if (tag === 'script' || tag === 'style') {
      this.skip++;
      this.stack.push({ tag, start: this.parts.length });
      return;
    }
    if (tag === 'br') return void this.parts.push('\n');
    if (tag === 'hr') return void this.parts.push('\n\n---\n\n');
    if (tag === 'img') {
      const src = attribute(attrs, 'src');
      if (src && isWebUrl(src)) this.parts.push(`![${attribute(attrs, 'alt') ?? ''}](${src.replace(/[ ()]/g, encodeURIComponent)})`);
      return;
    }
    if (/^h[1-6]$/.test(tag)) {
      this.block();
      this.parts.push('#'.repeat(Math.min(6, Number(tag[1]) + (this.options.headingShift ?? 0))) + ' ');
    } else if (tag === 'p' && this.inListItem()) {
      // Zotero writes list items as <li><p>…</p></li>: the first paragraph is the item's text, a later one a
      // continuation paragraph indented under it.
      if (!this.atItemStart()) this.parts.push(`\n\n${'    '.repeat(this.lists.length)}`);
      this.stack.push({ tag, start: this.parts.length, inItem: true });
      return;
    } else if (BLOCKS.has(tag) || tag === 'blockquote') {
      if (tag === 'ul' || tag === 'ol') {
        this.lists.push({ ordered: tag === 'ol', next: Number(attribute(attrs, 'start') ?? '1') || 1 });
        if (this.lists.length > 1) this.parts.push('\n');
        else this.block();
      } else {
        this.block();
      }
    } else if (tag === 'li') {
      const list = this.lists[this.lists.length - 1];
      const indent = '    '.repeat(Math.max(0, this.lists.length - 1));
      const marker = list?.ordered ? `${list.next++}. ` : '- ';
      if (this.parts.length > 0 && !this.atLineStartStrict()) this.parts.push('\n');
      this.parts.push(indent + marker);
    } else if (tag === 'pre') {
      this.block();
      this.parts.push('```\n');
      this.pre++;
    } else if (tag === 'td' || tag === 'th') {
      const row = this.parts.length > 0 ? this.parts[this.parts.length - 1] : '';
      if (row !== '' && !row.endsWith('\n')) this.parts.push(' | ');
    }
    const open: Open = { tag, start: this.parts.length };
    if (tag === 'a') open.href = attribute(attrs, 'href');
    if (tag === 'span' && this.options.citation && hasClass(attrs, 'citation')) open.citation = attribute(attrs, 'data-citation');
    this.stack.push(open);
  }

  private inListItem(): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const tag = this.stack[i].tag;
      if (tag === 'li') return true;
      if (BLOCKS.has(tag) || tag === 'blockquote') return false;
    }
    return false;
  }

  /** Whether nothing but the list marker was written since the innermost list item opened. */
  private atItemStart(): boolean {
    const item = findLast(this.stack, 'li');
    return this.parts.slice(this.stack[item].start).join('').trim() === '';
  }

  private atLineStartStrict(): boolean {
    for (let i = this.parts.length - 1; i >= 0; i--) if (this.parts[i] !== '') return this.parts[i].endsWith('\n');
    return true;
  }

  private close(tag: string): void {
    const at = findLast(this.stack, tag);
    if (at < 0) return;
    while (this.stack.length > at + 1) this.close(this.stack[this.stack.length - 1].tag);
    const open = this.stack.pop() as Open;
    if (tag === 'script' || tag === 'style') {
      this.skip--;
      return;
    }
    const marker = EMPHASIS[tag];
    if (marker !== undefined && this.pre === 0) this.wrap(open.start, marker, marker);
    else if (tag === 'a' && open.href && isSafeLinkTarget(open.href)) this.wrap(open.start, '[', `](${open.href.replace(/[ ()]/g, encodeURIComponent)})`);
    else if (open.inItem) return;
    else if (open.citation !== undefined && this.options.citation) {
      const readable = this.parts.splice(open.start).join('').trim();
      this.parts.push(this.options.citation(open.citation, readable));
    } else if (tag === 'blockquote') this.quote(open.start);
    else if (tag === 'pre') {
      this.pre--;
      this.parts.push('\n```');
      this.block();
    } else if (tag === 'ul' || tag === 'ol') {
      this.lists.pop();
      if (this.lists.length === 0) this.block();
    } else if (tag === 'tr') {
      this.parts.push('\n');
    } else if (BLOCKS.has(tag) || /^h[1-6]$/.test(tag)) {
      this.block();
    }
  }

  /** Put `before`/`after` around the content since `start`, outside its leading and trailing spaces. */
  private wrap(start: number, before: string, after: string): void {
    const content = this.parts.splice(start).join('');
    const core = content.trim();
    if (core === '') return void this.parts.push(content);
    const lead = content.slice(0, content.indexOf(core[0]));
    const trail = content.slice(content.lastIndexOf(core[core.length - 1]) + 1);
    this.parts.push(lead + before + core + after + trail);
  }

  private quote(start: number): void {
    const content = this.parts.splice(start).join('').replace(/\n{3,}/g, '\n\n').trim();
    this.block();
    this.parts.push(content.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n'));
    this.block();
  }
}

function findLast(stack: Open[], tag: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].tag === tag) return i;
  return -1;
}
