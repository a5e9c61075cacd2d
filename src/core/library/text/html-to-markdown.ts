/**
 * Zotero note HTML → Markdown. Zotero notes use a small HTML subset (paragraphs, headings, bold/italic/strike,
 * links, lists, blockquotes, code, tables, images); this covers it without a DOM, so it runs in core and tests.
 * Unknown tags are dropped and their text kept; `<script>`/`<style>` are dropped with their content.
 */
import { decodeEntities } from './rich-text';

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'table', 'tr', 'ul', 'ol']);
const EMPHASIS: Readonly<Record<string, string>> = { b: '**', strong: '**', i: '*', em: '*', s: '~~', strike: '~~', del: '~~', code: '`' };

interface Open {
  tag: string;
  /** Index in `parts` where the element's content starts. */
  start: number;
  href?: string;
}

/** Convert one note's HTML to Markdown text. */
export function htmlToMarkdown(html: string): string {
  return new Converter().convert(html);
}

class Converter {
  private parts: string[] = [];
  private stack: Open[] = [];
  private lists: { ordered: boolean; next: number }[] = [];
  private pre = 0;
  private skip = 0;

  convert(html: string): string {
    for (const m of html.matchAll(TOKEN)) {
      if (m[0].startsWith('<!--')) continue;
      if (m[2] === undefined) {
        if (this.skip === 0) this.text(decodeEntities(m[0]));
      } else if (m[1] === '/') {
        this.close(m[2].toLowerCase());
      } else {
        this.open(m[2].toLowerCase(), m[3] ?? '');
      }
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
      if (src && !src.startsWith('data:')) this.parts.push(`![${attribute(attrs, 'alt') ?? ''}](${src})`);
      return;
    }
    if (/^h[1-6]$/.test(tag)) {
      this.block();
      this.parts.push('#'.repeat(Number(tag[1])) + ' ');
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
    this.stack.push({ tag, start: this.parts.length, href: tag === 'a' ? attribute(attrs, 'href') : undefined });
  }

  private atLineStartStrict(): boolean {
    const last = this.parts.join('').slice(-1);
    return last === '' || last === '\n';
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
    else if (tag === 'a' && open.href && !open.href.startsWith('javascript:')) this.wrap(open.start, '[', `](${open.href})`);
    else if (tag === 'blockquote') this.quote(open.start);
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

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3]) : undefined;
}

function findLast(stack: Open[], tag: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].tag === tag) return i;
  return -1;
}
