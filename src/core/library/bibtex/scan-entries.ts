/**
 * Split BibTeX text into entry chunks without parsing fields, so every entry can be parsed (and fail) on its own.
 * - `@comment{…}` is skipped; `@string` and `@preamble` are returned as their own chunks.
 * - Braces are counted as citation-js counts them: `\{` and `\}` are escaped text.
 * - An entry whose braces never close is cut at the next line that starts with `@type{` (or the end of the text)
 *   and flagged with `cut`. An entry that closes early, leaving `field = …` lines behind it, is extended over
 *   those lines and flagged `overclosed`. Both go to field-by-field recovery.
 * - Bare identifiers used as values (`journal = IEEE_J_WC`, `month = jan`) are collected as macro references.
 */

export type ChunkKind = 'entry' | 'string' | 'preamble';

export interface EntryChunk {
  kind: ChunkKind;
  /** Entry type, lowercased (`article`, `string`). */
  type: string;
  /** Citation key (entries only; null when the header has none). */
  key: string | null;
  /** 1-based line of the `@`. */
  line: number;
  text: string;
  /** Braces never closed: the entry was cut at the next line-start entry, or ran to the end of the text. */
  cut: 'none' | 'next-entry' | 'end-of-text';
  /** Closed early by a stray `}`: `field = …` lines followed it. */
  overclosed: boolean;
  /** Macro names (as written) used as bare values. */
  macros: string[];
  /** The deepest brace nesting inside the entry (its own braces count as 1). */
  depth: number;
}

const ENTRY_START = /@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])/y;
const STRAY_FIELD = /^[ \t]*,?[ \t]*[A-Za-z][\w:+.-]*[ \t]*=/m;
const HEADER_KEY = /[ \t\r\n]*([^,\s{}=]+)[ \t\r\n]*,/y;

/** Scan the whole text into chunks, in file order. */
export function scanEntries(text: string): EntryChunk[] {
  const chunks: EntryChunk[] = [];
  const lines = new LineCounter(text);
  let pos = 0;
  while (pos < text.length) {
    const at = text.indexOf('@', pos);
    if (at < 0) break;
    ENTRY_START.lastIndex = at;
    const m = ENTRY_START.exec(text);
    if (!m || inCommentLine(text, at)) {
      pos = at + 1;
      continue;
    }
    const type = m[1].toLowerCase();
    const open = ENTRY_START.lastIndex; // just after "{" or "("
    const scan = scanBody(text, open, m[2] === '(' ? ')' : '}');
    if (type === 'comment') {
      pos = scan.end;
      continue;
    }
    let end = scan.end;
    let overclosed = false;
    if (scan.cut === 'none' && type !== 'string' && type !== 'preamble') {
      const next = nextEntryStart(text, end);
      if (next > end && STRAY_FIELD.test(text.slice(end, next))) {
        end = next;
        overclosed = true;
      }
    }
    const kind: ChunkKind = type === 'string' ? 'string' : type === 'preamble' ? 'preamble' : 'entry';
    HEADER_KEY.lastIndex = open;
    const key = kind === 'entry' ? (HEADER_KEY.exec(text)?.[1] ?? null) : null;
    chunks.push({
      kind,
      type,
      key,
      line: lines.lineOf(at),
      text: text.slice(at, end).trimEnd(),
      cut: scan.cut,
      overclosed,
      macros: scan.macros,
      depth: scan.depth,
    });
    pos = end;
  }
  return chunks;
}

interface BodyScan {
  end: number;
  cut: EntryChunk['cut'];
  macros: string[];
  depth: number;
}

const BODY_SPECIAL = /[\\{}()"=#\n]/g;

/** From just after the opening delimiter to just after the closing one (or the cut point). */
function scanBody(text: string, start: number, close: '}' | ')'): BodyScan {
  let depth = 1;
  let deepest = 1;
  let inQuote = false;
  let macros: string[] | null = null;
  const result = (end: number, cut: EntryChunk['cut']): BodyScan => ({ end, cut, macros: macros ?? [], depth: deepest });
  // Jump from one significant character to the next: a regex search is much faster than a per-character loop.
  BODY_SPECIAL.lastIndex = start;
  for (let m = BODY_SPECIAL.exec(text); m !== null; m = BODY_SPECIAL.exec(text)) {
    const i = m.index;
    switch (text.charCodeAt(i)) {
      case 92: // backslash: the next character is escaped
        BODY_SPECIAL.lastIndex = i + 2;
        break;
      case 123: // {
        if (++depth > deepest) deepest = depth;
        break;
      case 125: // }
        depth--;
        if (depth === 0 && close === '}') return result(i + 1, 'none');
        break;
      case 41: // )
        if (depth === 1 && close === ')' && !inQuote) return result(i + 1, 'none');
        break;
      case 34: // "
        if (depth === 1) inQuote = !inQuote;
        break;
      case 61: // =
      case 35: // #
        if (depth === 1 && !inQuote) {
          const name = bareIdentifierAfter(text, i + 1);
          if (name !== null) (macros ??= []).push(name);
        }
        break;
      case 10: // newline: a line-start entry while braces are open means this entry never closed
        if (text.charCodeAt(i + 1) === 64 && isEntryStart(text, i + 1)) return result(i + 1, 'next-entry');
        break;
    }
  }
  return result(text.length, 'end-of-text');
}

const IDENTIFIER = /[ \t\r\n]*([A-Za-z_][\w:+-]*)/y;

function bareIdentifierAfter(text: string, from: number): string | null {
  IDENTIFIER.lastIndex = from;
  const m = IDENTIFIER.exec(text);
  return m ? m[1] : null;
}

function isEntryStart(text: string, at: number): boolean {
  ENTRY_START.lastIndex = at;
  return ENTRY_START.test(text);
}

/** Position of the next line-start `@type{` after `from`, or the end of the text. */
function nextEntryStart(text: string, from: number): number {
  for (let i = text.indexOf('\n@', from); i >= 0; i = text.indexOf('\n@', i + 1)) {
    if (isEntryStart(text, i + 1)) return i + 1;
  }
  return text.length;
}

/** Whether the `@` at `at` sits on a `%` comment line (BibLaTeX quality reports, tool banners). */
function inCommentLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return /^[ \t]*%/.test(text.slice(lineStart, at + 1));
}

/** 1-based line numbers for increasing offsets, counted incrementally. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineOf(pos: number): number {
    for (let i = this.text.indexOf('\n', this.offset); i >= 0 && i < pos; i = this.text.indexOf('\n', i + 1)) this.line++;
    this.offset = Math.max(this.offset, pos);
    return this.line;
  }
}
