/**
 * A flat tokenizer for the small HTML subset of Zotero notes (no DOM in the core: it runs in the CLI and tests too).
 * Tokens keep their offsets, so a caller can cut the source at element boundaries (an annotation's comment is the
 * HTML after its citation). Comments are dropped; a lone `<` is text.
 */
import { decodeEntities } from './rich-text';

export interface HtmlToken {
  kind: 'open' | 'close' | 'text';
  /** Lowercase tag name ('' for text). */
  tag: string;
  /** The raw attribute text of an open tag; the raw text of a text token. */
  raw: string;
  start: number;
  end: number;
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

/** Elements that never have content or a closing tag. */
export const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'col', 'source']);

/** The tokens of `html`, in order. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[2] !== undefined) tokens.push({ kind: m[1] === '/' ? 'close' : 'open', tag: m[2].toLowerCase(), raw: m[3] ?? '', start, end });
    else if (!m[0].startsWith('<!--')) tokens.push({ kind: 'text', tag: '', raw: m[0], start, end });
  }
  return tokens;
}

/**
 * For each open token, the index of its closing token (or of the last token it can span, when it is never closed);
 * -1 for other tokens and void elements. Unmatched closing tags close nothing.
 */
export function matchElements(tokens: readonly HtmlToken[]): Int32Array {
  const closeOf = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'open' && !VOID_TAGS.has(t.tag) && !t.raw.trimEnd().endsWith('/')) stack.push(i);
    else if (t.kind === 'close') {
      let at = stack.length - 1;
      while (at >= 0 && tokens[stack[at]].tag !== t.tag) at--;
      if (at < 0) continue;
      // Elements left open inside this one end where it ends.
      while (stack.length > at) closeOf[stack.pop() as number] = i;
    }
  }
  for (const open of stack) closeOf[open] = tokens.length - 1;
  return closeOf;
}

// One compiled pattern per attribute name: a note with 30 annotations asks for a few hundred attributes.
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** The decoded value of attribute `name` in an open tag's raw attribute text, or undefined. */
export function attribute(attrs: string, name: string): string | undefined {
  if (!attrs.includes(name)) return undefined;
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Whether an open tag's `class` attribute holds `name`. */
export function hasClass(attrs: string, name: string): boolean {
  const value = attribute(attrs, 'class');
  return value !== undefined && value.split(/\s+/).includes(name);
}
