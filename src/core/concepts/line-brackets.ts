/**
 * Bracket matching for one line, computed once in a single pass, so that every `[` and `(` of a hostile line (a
 * 200 KB line of unmatched brackets) is resolved by a table read instead of a scan to the end of the line: zone
 * finding stays linear in the note's length (issue 9). Also parses a CommonMark inline link's tail
 * (`(destination "title")`) with the same tables: a destination without spaces (parentheses balanced) or in `<…>`,
 * then an optional title.
 */

const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** Whether a code unit may follow a backslash as an escape (CommonMark: ASCII punctuation). */
export function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isLinkSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * The tables are reused from line to line (one line is looked at at a time): allocating them per line made the
 * garbage collector a third of a full rebuild's time.
 */
let pool: { match: Int32Array; nextBreak: Int32Array; depth: Int32Array; owner?: LineBrackets } = {
  match: new Int32Array(1024),
  nextBreak: new Int32Array(1025),
  depth: new Int32Array(1025),
};

function tables(len: number): typeof pool {
  if (pool.match.length < len) {
    const size = Math.max(len, pool.match.length * 2);
    pool = { match: new Int32Array(size), nextBreak: new Int32Array(size + 1), depth: new Int32Array(size + 1) };
  }
  return pool;
}

export class LineBrackets {
  /** For each `[` / `(` of the line (by offset from `start`): the offset of its match, or -1. */
  private readonly match: Int32Array;
  /** Next offset at or after k (relative) holding a space or control character, or the line's length. */
  private readonly nextBreak: Int32Array;
  /** Parenthesis depth before offset k (relative), escapes honoured. */
  private readonly depth: Int32Array;
  /** The pooled tables this line filled; a later line reuses them, so a stale line answers nothing. */
  private readonly owner: typeof pool;

  /** `work` is increased by the characters examined (the zone finder's complexity meter). */
  constructor(private readonly text: string, readonly start: number, readonly end: number, meter: { work: number }) {
    const len = end - start;
    this.owner = tables(len);
    this.owner.owner = this;
    this.match = this.owner.match;
    this.nextBreak = this.owner.nextBreak;
    this.depth = this.owner.depth;
    this.match.fill(-1, 0, len);
    const brackets: number[] = [];
    const parens: number[] = [];
    let depth = 0;
    for (let k = 0; k < len; k++) {
      this.depth[k] = depth;
      const c = text.charCodeAt(start + k);
      if (c === BACKSLASH && k + 1 < len && isAsciiPunctuation(text.charCodeAt(start + k + 1))) {
        this.depth[++k] = depth;
        continue;
      }
      if (c === OPEN_BRACKET) brackets.push(k);
      else if (c === CLOSE_BRACKET && brackets.length > 0) this.match[brackets.pop()!] = start + k;
      else if (c === OPEN_PAREN) {
        parens.push(k);
        depth++;
      } else if (c === CLOSE_PAREN) {
        if (parens.length > 0) this.match[parens.pop()!] = start + k;
        depth--;
      }
    }
    this.depth[len] = depth;
    this.nextBreak[len] = len;
    for (let k = len - 1; k >= 0; k--) this.nextBreak[k] = text.charCodeAt(start + k) <= 0x20 ? k : this.nextBreak[k + 1];
    meter.work += 2 * len;
  }

  /** Whether this line holds `pos` and its tables are still the pooled ones (no other line filled them since). */
  contains(pos: number): boolean {
    return pos >= this.start && pos < this.end && this.owner === pool && pool.owner === this;
  }

  /** The offset of the `]` or `)` matching the opener at `pos`, or -1. */
  closeOf(pos: number): number {
    return this.match[pos - this.start];
  }

  /**
   * A CommonMark inline link tail starting at `open` (the `(` right after `]`): returns the offset of its closing
   * `)` and the destination, or null when the text is not a link tail (`[ReKep](VLM 关系关键点约束)` is not a link).
   */
  linkTail(open: number): { close: number; destination: string } | null {
    const text = this.text;
    let j = open + 1;
    while (j < this.end && isLinkSpace(text.charCodeAt(j))) j++;
    let destination: string;
    if (text.charCodeAt(j) === 0x3c) {
      let k = j + 1;
      for (; k < this.end; k++) {
        const c = text.charCodeAt(k);
        if (c === BACKSLASH) k++;
        else if (c === 0x3e || c === 0x3c) break;
      }
      if (text.charCodeAt(k) !== 0x3e) return null;
      destination = text.slice(j + 1, k);
      j = k + 1;
    } else {
      const unbalanced = this.closeOf(open);
      const stop = Math.min(this.start + this.nextBreak[j - this.start], unbalanced < 0 ? this.end : unbalanced);
      if (this.depth[stop - this.start] !== this.depth[j - this.start]) return null;
      destination = text.slice(j, stop);
      j = stop;
    }
    let spaced = false;
    while (j < this.end && isLinkSpace(text.charCodeAt(j))) {
      j++;
      spaced = true;
    }
    const q = text.charCodeAt(j);
    if (spaced && (q === 0x22 || q === 0x27 || q === OPEN_PAREN)) {
      const closer = q === OPEN_PAREN ? CLOSE_PAREN : q;
      let k = j + 1;
      for (; k < this.end; k++) {
        const c = text.charCodeAt(k);
        if (c === BACKSLASH) k++;
        else if (c === closer || (q === OPEN_PAREN && c === OPEN_PAREN)) break;
      }
      if (text.charCodeAt(k) !== closer) return null;
      j = k + 1;
      while (j < this.end && isLinkSpace(text.charCodeAt(j))) j++;
    }
    return text.charCodeAt(j) === CLOSE_PAREN ? { close: j, destination } : null;
  }
}
