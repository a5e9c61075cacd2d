/**
 * Autolinks and HTML tags for the inline scanner, each found with a scan that stops at the next `<` or `>`: two
 * tags never scan the same text, so a note full of `<` stays linear.
 */
import type { WorkMeter } from './work-meter';

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isAsciiAlnum(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39);
}

export interface HtmlTag {
  /** Lower-case tag name. */
  name: string;
  /** Offset after the tag's `>`. */
  end: number;
  closing: boolean;
  selfClosing: boolean;
}

/** End of an autolink `<scheme:…>` or `<user@host>` starting at `i`, or -1 (scans no further than the next < or >). */
export function autolinkEnd(text: string, i: number, meter: WorkMeter): number {
  let k = i + 1;
  let colon = -1;
  let at = -1;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (isSpace(c) || c === 0x3c || c === 0x3e) break;
    if (c === 0x3a && colon < 0) colon = k;
    if (c === 0x40 && at < 0) at = k;
  }
  meter.work += k - i;
  if (text.charCodeAt(k) !== 0x3e) return -1;
  if (colon > 0 && isAsciiLetter(text.charCodeAt(i + 1)) && colon - i - 1 >= 2 && colon - i - 1 <= 32) {
    let ok = true;
    for (let s = i + 1; s < colon && ok; s++) {
      const c = text.charCodeAt(s);
      ok = isAsciiAlnum(c) || c === 0x2b || c === 0x2e || c === 0x2d;
    }
    if (ok) return k + 1;
  }
  return at > i + 1 && at < k - 1 ? k + 1 : -1;
}

/** An HTML tag `<name …>` or `</name>` starting at `i` (scans no further than the next < or >), or null. */
export function htmlTagAt(text: string, i: number, meter: WorkMeter): HtmlTag | null {
  let k = i + 1;
  const closing = text.charCodeAt(k) === 0x2f;
  if (closing) k++;
  const nameStart = k;
  if (!isAsciiLetter(text.charCodeAt(k))) return null;
  while (k < text.length && (isAsciiAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 0x2d)) k++;
  const name = text.slice(nameStart, k).toLowerCase();
  const c = text.charCodeAt(k);
  if (c !== 0x3e) {
    if (!isSpace(c) && c !== 0x2f) return null;
    while (k < text.length && text.charCodeAt(k) !== 0x3c && text.charCodeAt(k) !== 0x3e) k++;
    if (text.charCodeAt(k) !== 0x3e) {
      meter.work += k - i;
      return null;
    }
  }
  meter.work += k - i;
  return { name, end: k + 1, closing, selfClosing: text.charCodeAt(k - 1) === 0x2f };
}
