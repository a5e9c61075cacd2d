/**
 * The forward searches of the inline scanner (a paragraph's end, the closer of a code span, of `$…$`, of `$$…$$`, of
 * an HTML element), each remembered so that no stretch of text is searched twice for the same thing. Without that,
 * every unmatched backtick, `$` or `<b>` of a paragraph searched to the paragraph's end again: quadratic, 17 s for a
 * 200 KB note (issue 9). Callers ask in increasing offsets within a paragraph, which is what makes the caches valid.
 */

import { isSpace } from './html-tags';
import type { WorkMeter } from './work-meter';

const NEWLINE = 0x0a;
const BACKTICK = 0x60;
const DOLLAR = 0x24;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export class InlineSearch {
  private paraFrom = -1;
  private paraEnd = -1;
  /** Backtick runs of the current paragraph, recorded up to `tickScanned`: length → run starts, ascending. */
  private tickPara = -1;
  private tickScanned = 0;
  private tickRuns = new Map<number, number[]>();
  private tickNext = new Map<number, number>();
  private dollarFrom = Infinity;
  private dollarAt = -1;
  private doubleFrom = Infinity;
  private doubleAt = -1;
  /** Closing tags of the current paragraph: lower-case name → offsets of `</name`, ascending. */
  private tagPara = -1;
  private tagClosers = new Map<string, number[]>();

  constructor(private readonly text: string, private readonly meter: WorkMeter) {}

  /** Offset of the blank line ending the paragraph that holds `pos` (or the text length). */
  paragraphEnd(pos: number): number {
    if (pos >= this.paraFrom && pos <= this.paraEnd) return this.paraEnd;
    const text = this.text;
    let end = text.length;
    let k = pos;
    for (; k < text.length; k++) {
      if (text.charCodeAt(k) !== NEWLINE) continue;
      let m = k + 1;
      while (m < text.length && (text.charCodeAt(m) === 0x20 || text.charCodeAt(m) === 0x09 || text.charCodeAt(m) === 0x0d)) m++;
      if (m < text.length && text.charCodeAt(m) === NEWLINE) {
        end = k;
        break;
      }
      k = m - 1;
    }
    this.meter.work += Math.max(1, k - pos);
    this.paraFrom = pos;
    this.paraEnd = end;
    return end;
  }

  /** Start of the first backtick run of exactly `n` after `after` and before `limit`, or -1. */
  codeSpanCloser(after: number, n: number, limit: number): number {
    const text = this.text;
    if (this.tickPara !== limit) {
      this.tickPara = limit;
      this.tickScanned = after;
      this.tickRuns = new Map();
      this.tickNext = new Map();
    }
    if (this.tickScanned < after) this.tickScanned = after;
    const runs = () => this.tickRuns.get(n) ?? [];
    const pending = () => {
      const list = runs();
      let p = this.tickNext.get(n) ?? 0;
      while (p < list.length && list[p] < after) p++;
      this.tickNext.set(n, p);
      return p < list.length ? list[p] : -1;
    };
    let found = pending();
    while (found < 0 && this.tickScanned < limit) {
      let k = this.tickScanned;
      while (k < limit && text.charCodeAt(k) !== BACKTICK) k++;
      let m = k;
      while (m < limit && text.charCodeAt(m) === BACKTICK) m++;
      this.meter.work += Math.max(1, m - this.tickScanned);
      this.tickScanned = m;
      if (m === k) break;
      const list = this.tickRuns.get(m - k);
      if (list) list.push(k);
      else this.tickRuns.set(m - k, [k]);
      if (m - k === n) found = pending();
    }
    return found;
  }

  /** The `$` closing an inline `$…$` opened before `from` (not escaped, not after a space, not before a digit), or -1. */
  dollarCloser(from: number, limit: number): number {
    if (!(from >= this.dollarFrom && (this.dollarAt < 0 || from <= this.dollarAt))) {
      const text = this.text;
      let k = from;
      let at = -1;
      for (; k < text.length; k++) {
        if (text.charCodeAt(k) !== DOLLAR) continue;
        const before = text.charCodeAt(k - 1);
        if (before !== 0x5c && !isSpace(before) && !isDigit(text.charCodeAt(k + 1))) {
          at = k;
          break;
        }
      }
      this.meter.work += Math.max(1, k - from);
      this.dollarFrom = from;
      this.dollarAt = at;
    }
    return this.dollarAt >= 0 && this.dollarAt < limit ? this.dollarAt : -1;
  }

  /** The next `$$` at or after `from`, or -1. */
  doubleDollar(from: number): number {
    if (!(from >= this.doubleFrom && (this.doubleAt < 0 || from <= this.doubleAt))) {
      const at = this.text.indexOf('$$', from);
      this.meter.work += Math.max(1, (at < 0 ? this.text.length : at) - from);
      this.doubleFrom = from;
      this.doubleAt = at;
    }
    return this.doubleAt;
  }

  /** Offset of the first `</name` (any case) after `from` in the paragraph ending at `limit`, or -1. */
  closingTag(name: string, from: number, limit: number): number {
    if (this.tagPara !== limit) {
      this.tagPara = limit;
      this.tagClosers = new Map();
      const text = this.text;
      for (let k = text.indexOf('</', from); k >= 0 && k < limit; k = text.indexOf('</', k + 2)) {
        let e = k + 2;
        while (e < limit && /[A-Za-z0-9-]/.test(text[e])) e++;
        const tag = text.slice(k + 2, e).toLowerCase();
        const list = this.tagClosers.get(tag);
        if (list) list.push(k);
        else this.tagClosers.set(tag, [k]);
      }
      this.meter.work += Math.max(1, limit - from);
    }
    const list = this.tagClosers.get(name);
    if (!list) return -1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? list[lo] : -1;
  }
}
