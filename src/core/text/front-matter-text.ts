/**
 * Front matter as text: where it is (the one finder the sync, the note renderer and the concept engine share), and
 * where each top-level key's block starts and ends, so that one managed key can be replaced without re-serialising
 * (and so reformatting) anything the user wrote. Line based, checked against a real YAML parse by the callers that
 * edit.
 */
import { parse as parseYaml } from 'yaml';

export interface FrontMatterSpan {
  /** Offset of the YAML's first character (after the opening `---` line). */
  yamlStart: number;
  /** Offset of the closing `---` line (just after the YAML's last line break). */
  yamlEnd: number;
  /** Offset just after the closing `---` line and its line break: where the body starts. */
  bodyStart: number;
}

/** One top-level entry of a YAML mapping, as lines of text. */
export interface TopLevelBlock {
  /** The key, or null when the line is not a simple `key:` line (complex keys, stray text). */
  key: string | null;
  /** Offset (in the YAML text) of the key line. */
  start: number;
  /** Offset just after the block's last line break; trailing blank and comment lines are not part of it. */
  end: number;
}

/**
 * Where the front matter is, read as Obsidian reads it: the file (after an optional byte-order mark) opens with a
 * `---` line, and the YAML ends at the next line that is `---`; spaces and tabs may follow either `---`, and line
 * endings may be LF or CRLF. A `...` line does not end it (YAML's document end marker; Obsidian does not take it
 * either), and without a closing line there is no front matter at all: Obsidian then shows the whole file as body
 * and reads no properties from it, and so do the sync and the concept linker.
 */
export function findFrontMatter(text: string): FrontMatterSpan | null {
  const open = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', open)) return null;
  const first = text.indexOf('\n', open);
  if (first < 0 || !isBlankFrom(text, open + 3, first)) return null;
  const yamlStart = first + 1;
  for (let pos = yamlStart; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text.startsWith('---', pos) && isBlankFrom(text, pos + 3, lineEnd)) {
      return { yamlStart, yamlEnd: pos, bodyStart: nl < 0 ? text.length : nl + 1 };
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  return null;
}

/** Whether text[from, to) holds only spaces, tabs and a carriage return. */
function isBlankFrom(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

type LineKind = 'key' | 'continuation' | 'trivia';

function lineKind(line: string): LineKind {
  const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (bare.trim() === '' || bare.startsWith('#')) return 'trivia';
  if (bare.startsWith(' ') || bare.startsWith('\t')) return 'continuation';
  // A block sequence may sit at the key's own indentation ("tags:\n- a").
  if (bare === '-' || bare.startsWith('- ') || bare.startsWith('-\t')) return 'continuation';
  return 'key';
}

/** The key of a `key: value` line, or null for anything more exotic (which makes the caller refuse to edit). */
export function keyOfLine(line: string): string | null {
  const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
  const quote = bare[0];
  if (quote === '"' || quote === "'") {
    const close = quote === '"' ? findDoubleQuoteEnd(bare) : findSingleQuoteEnd(bare);
    if (close < 0 || bare[close + 1] !== ':') return null;
    try {
      const key: unknown = parseYaml(bare.slice(0, close + 1));
      return typeof key === 'string' ? key : null;
    } catch {
      return null;
    }
  }
  if (bare.startsWith('?') || bare.startsWith('&') || bare.startsWith('*') || bare.startsWith('!')) return null;
  for (let i = 0; i < bare.length; i++) {
    if (bare[i] === ':' && (i + 1 === bare.length || bare[i + 1] === ' ' || bare[i + 1] === '\t')) {
      const key = bare.slice(0, i).trimEnd();
      return key === '' ? null : key;
    }
  }
  return null;
}

function findDoubleQuoteEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}

function findSingleQuoteEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === "'") {
      if (s[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * Split YAML text into top-level blocks. A block is a key line plus the indented (or `- `) lines after it; blank and
 * comment lines between two of its lines belong to it (a literal block scalar may hold blank lines), blank and
 * comment lines after its last line do not (they stay where they are, whoever owns the next key).
 */
export function topLevelBlocks(yaml: string): TopLevelBlock[] {
  const blocks: TopLevelBlock[] = [];
  let current: TopLevelBlock | null = null;
  let pos = 0;
  while (pos < yaml.length) {
    const nl = yaml.indexOf('\n', pos);
    const next = nl < 0 ? yaml.length : nl + 1;
    const line = yaml.slice(pos, nl < 0 ? yaml.length : nl);
    const kind = lineKind(line);
    if (kind === 'key') {
      current = { key: keyOfLine(line), start: pos, end: next };
      blocks.push(current);
    } else if (kind === 'continuation') {
      if (current) current.end = next;
      else blocks.push({ key: null, start: pos, end: next });
    }
    pos = next;
  }
  return blocks;
}

/**
 * Read one top-level value from a note's front matter without parsing the rest: only that key's block is parsed.
 * Returns undefined when there is no front matter, no such key, or its block is not valid YAML. Cheap enough to run
 * over every note of a large notes folder.
 */
export function readFrontMatterValue(text: string, key: string): unknown {
  const span = findFrontMatter(text);
  if (!span) return undefined;
  const yaml = text.slice(span.yamlStart, span.yamlEnd);
  const block = topLevelBlocks(yaml).find((b) => b.key === key);
  if (!block) return undefined;
  try {
    const parsed: unknown = parseYaml(yaml.slice(block.start, block.end));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    return (parsed as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
