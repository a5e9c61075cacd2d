/**
 * LaTeX field text → plain Unicode text, as a reader of the rendered PDF would see it: brace protection removed,
 * accents and symbols decoded, formatting commands reduced to their text, math rendered with Unicode where
 * possible (`$\rho$` → ρ, `$R_2$` → R₂), dashes and quotes as LaTeX ligatures. An unknown command keeps its
 * source (`\foo{bar}` stays `\foo{bar}`): text that vanishes silently is worse than markup. Never throws: unbalanced
 * braces and a lone `$` are read as leniently as possible.
 */
import {
  ACCENTS,
  dingbat,
  DROP_WITH_ARGUMENTS,
  isKnownCommand,
  KEEP_ARGUMENT,
  KEEP_SECOND_ARGUMENT,
  MATH_SYMBOLS,
  QUOTE_ARGUMENT,
  TEXT_SYMBOLS,
  VERBATIM_ARGUMENT,
  toScript,
} from './latex-symbols';

export interface LatexTextOptions {
  /** Keep paragraphs (`\par`, blank lines) as blank lines and `\\` as line breaks; otherwise one line. */
  block?: boolean;
}

// Private markers for explicit breaks, turned into newlines after whitespace is collapsed.
const LINE = '\u2028';
const PARAGRAPH = '\u2029';
const LETTER_ACCENTS = new Set(['v', 'c', 'H', 'k', 'u', 'd', 'b', 'r', 't', 'textcommabelow']);
const NEEDS_DECODING = /[\\{}$~`]|--|''/;
/** Anything to decode or any whitespace to normalise; most names and many titles have neither. */
const NEEDS_WORK = /[\\{}$~`\t\n\r]|--|''| {2}|^ | $/;

/** Decode one LaTeX field value to plain text. */
export function latexToText(raw: string, options: LatexTextOptions = {}): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  const decoded = NEEDS_DECODING.test(raw) ? new LatexReader(raw).readAll() : raw;
  return options.block ? normalizeBlock(decoded) : normalizeInline(decoded);
}

const UNUSUAL_SPACE = /[\t\n\r\u2028\u2029]| {2}|^ | $/;

function normalizeInline(text: string): string {
  return UNUSUAL_SPACE.test(text) ? text.replace(/[ \t\n\r\u2028\u2029]+/g, ' ').trim() : text;
}

function normalizeBlock(text: string): string {
  return text
    .replace(/[ \t\r]*\n[ \t\r]*\n[ \t\r\n]*/g, PARAGRAPH)
    .replace(/[ \t\n\r]+/g, ' ')
    .replace(/ ?\u2029[ \u2028\u2029]*/g, '\n\n')
    .replace(/ ?\u2028 ?/g, '\n')
    .trim();
}

class LatexReader {
  private pos = 0;
  constructor(private readonly src: string) {}

  readAll(): string {
    let out = '';
    while (this.pos < this.src.length) {
      out += this.readSequence(null, false);
      if (this.pos < this.src.length) this.pos++; // an unbalanced "}" at top level: drop it
    }
    return out;
  }

  /** Read until `stop` ("}" or "$") at this level, or the end. The stop character is left for the caller. */
  private readSequence(stop: '}' | '$' | null, math: boolean): string {
    const src = this.src;
    let out = '';
    let runStart = this.pos;
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (!isSpecial(ch, math)) {
        this.pos++;
        continue;
      }
      out += src.slice(runStart, this.pos);
      if (ch === '}' && (stop === '}' || stop === null)) return out;
      if (ch === '$' && stop === '$') return out;
      out += this.readSpecial(ch, math);
      runStart = this.pos;
    }
    return out + src.slice(runStart, this.pos);
  }

  private readSpecial(ch: string, math: boolean): string {
    const src = this.src;
    switch (ch) {
      case '{':
        return this.readGroup(math);
      case '}': // inside math: an unbalanced brace, drop it
        this.pos++;
        return '';
      case '\\':
        return this.readCommand(math);
      case '$':
        return this.readMath();
      case '~':
        this.pos++;
        return ' ';
      case '-':
        if (src.startsWith('---', this.pos)) return this.advance(3, '—');
        if (src.startsWith('--', this.pos)) return this.advance(2, '–');
        return this.advance(1, '-');
      case '`':
        return src[this.pos + 1] === '`' ? this.advance(2, '“') : this.advance(1, '`');
      case "'":
        return src[this.pos + 1] === "'" ? this.advance(2, '”') : this.advance(1, "'");
      default: {
        // "^" or "_" in math: a super- or subscript
        this.pos++;
        const arg = this.readArgument(true);
        const script = toScript(arg, ch === '^' ? 'sup' : 'sub');
        return script !== arg || arg === '' ? script : ch + arg;
      }
    }
  }

  private advance(n: number, text: string): string {
    this.pos += n;
    return text;
  }

  private readGroup(math: boolean): string {
    this.pos++;
    const inner = this.readSequence('}', math);
    if (this.src[this.pos] === '}') this.pos++;
    return inner;
  }

  /** `$…$` (or `$$…$$`) when a closing `$` follows; a lone `$` is literal. */
  private readMath(): string {
    const src = this.src;
    const display = src[this.pos + 1] === '$';
    const open = display ? 2 : 1;
    if (findUnescaped(src, '$', this.pos + open) < 0) return this.advance(open, display ? '$$' : '$');
    this.pos += open;
    const inner = this.readSequence('$', true);
    this.pos += display && src[this.pos + 1] === '$' ? 2 : 1;
    return inner;
  }

  /** One argument: a braced group, a command, or a single character (after optional spaces). */
  private readArgument(math: boolean): string {
    this.skipSpaces();
    const ch = this.src[this.pos];
    if (ch === undefined || ch === '}') return '';
    if (ch === '{') return this.readGroup(math);
    if (ch === '\\') return this.readCommand(math);
    const cp = this.src.codePointAt(this.pos) ?? 0;
    const char = String.fromCodePoint(cp);
    this.pos += char.length;
    return char;
  }

  private readVerbatimArgument(): string {
    this.skipSpaces();
    if (this.src[this.pos] !== '{') return '';
    let depth = 0;
    const start = this.pos + 1;
    for (let i = this.pos; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.pos = i + 1;
        return this.src.slice(start, i);
      }
    }
    this.pos = this.src.length;
    return this.src.slice(start);
  }

  private skipSpaces(): void {
    while (this.pos < this.src.length && isSpace(this.src[this.pos])) this.pos++;
  }

  private readCommand(math: boolean): string {
    const src = this.src;
    const next = src[this.pos + 1];
    if (next === undefined) return this.advance(1, '\\');
    if (!isLetter(next)) return this.readControlSymbol(next, math);
    let end = this.pos + 2;
    while (end < src.length && isLetter(src[end])) end++;
    const name = src.slice(this.pos + 1, end);
    this.pos = end;
    if (!isKnownCommand(name)) return this.unknownCommand(name, math);
    // TeX eats the spaces after a control word; math symbols keep them, since math is spaced when typeset.
    if (!(math && name in MATH_SYMBOLS)) this.skipSpaces();
    return this.applyCommand(name, math);
  }

  private readControlSymbol(c: string, math: boolean): string {
    this.pos += 2;
    if (c === '\\') return LINE;
    if (c in ACCENTS && !math) return this.accent(c);
    if (c === ' ' || c === '\n' || c === '\t' || c === ',' || c === ';' || c === ':' || c === '>') return ' ';
    if (c === '!' || c === '-' || c === '/' || c === '@') return '';
    return c;
  }

  private applyCommand(name: string, math: boolean): string {
    if (LETTER_ACCENTS.has(name) && name in ACCENTS) return this.accent(name);
    if (name in DROP_WITH_ARGUMENTS) {
      for (let n = DROP_WITH_ARGUMENTS[name]; n > 0; n--) this.readArgument(math);
      return '';
    }
    if (VERBATIM_ARGUMENT.has(name)) return this.readVerbatimArgument();
    if (KEEP_ARGUMENT.has(name)) return this.src[this.pos] === '{' ? this.readGroup(math || name.startsWith('math')) : '';
    if (KEEP_SECOND_ARGUMENT.has(name)) {
      if (this.src[this.pos] === '[') this.skipOptional();
      this.readArgument(math);
      return this.readArgument(math);
    }
    if (QUOTE_ARGUMENT.has(name)) return `“${this.readArgument(math)}”`;
    if (name === 'textsuperscript' || name === 'textsubscript') {
      return toScript(this.readArgument(math), name === 'textsuperscript' ? 'sup' : 'sub');
    }
    if (name === 'frac' || name === 'tfrac' || name === 'dfrac') return `${this.readArgument(true)}/${this.readArgument(true)}`;
    if (name === 'ding') {
      const start = this.pos;
      const symbol = dingbat(this.readArgument(math));
      return symbol ?? `\\ding${this.src.slice(start, this.pos)}`;
    }
    if (name === 'sqrt') {
      if (this.src[this.pos] === '[') this.skipOptional();
      return `√${this.readArgument(true)}`;
    }
    if (math && name in MATH_SYMBOLS) return MATH_SYMBOLS[name];
    if (name in TEXT_SYMBOLS) return name === 'par' ? PARAGRAPH : TEXT_SYMBOLS[name];
    return MATH_SYMBOLS[name] ?? '';
  }

  /** `\name` as written, and a braced argument right after it with its braces (its content still decoded). */
  private unknownCommand(name: string, math: boolean): string {
    if (this.src[this.pos] !== '{') return `\\${name}`;
    return `\\${name}{${this.readGroup(math)}}`;
  }

  private skipOptional(): void {
    const close = this.src.indexOf(']', this.pos);
    this.pos = close < 0 ? this.src.length : close + 1;
    this.skipSpaces();
  }

  private accent(command: string): string {
    const mark = ACCENTS[command];
    let arg = this.readArgument(false);
    if (arg === '') return command.length === 1 ? command : '';
    if (arg[0] === 'ı') arg = 'i' + arg.slice(1);
    else if (arg[0] === 'ȷ') arg = 'j' + arg.slice(1);
    const first = String.fromCodePoint(arg.codePointAt(0) ?? 0);
    return (first + mark).normalize('NFC') + arg.slice(first.length);
  }
}

function isSpecial(ch: string, math: boolean): boolean {
  switch (ch) {
    case '\\':
    case '{':
    case '}':
    case '$':
    case '~':
    case '-':
    case '`':
    case "'":
      return true;
    case '^':
    case '_':
      return math;
    default:
      return false;
  }
}

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Index of the next `ch` at or after `from` that is not escaped with a backslash, or -1. */
function findUnescaped(text: string, ch: string, from: number): number {
  for (let i = text.indexOf(ch, from); i >= 0; i = text.indexOf(ch, i + 1)) {
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return -1;
}
