/**
 * Fast non-cryptographic fingerprints (two 32-bit lanes, 16 hex digits) for the sync's hashes: the export, every
 * paper's data, every value and region the plugin writes. They run over 10 MB of export and 100,000 values per
 * sync, so speed matters; a collision would at worst take a hand edit for the plugin's own text, with odds of
 * about one in 2^60.
 */

import type { Pause } from '../scheduling/time-slicer';

const P1 = 0x01000193;
const P2 = 0x5bd1e995;

/** The two lanes of a byte hash under way. */
interface Lanes {
  h1: number;
  h2: number;
}

/** Mix the 32-bit words [from, to) of `view` (little-endian on every platform Obsidian runs on). */
function mixWords(lanes: Lanes, view: Uint32Array, from: number, to: number): void {
  let { h1, h2 } = lanes;
  for (let i = from; i < to; i++) {
    const w = view[i];
    h1 = Math.imul(h1 ^ w, P1);
    h2 = Math.imul(h2 ^ w, P2);
    h2 ^= h2 >>> 15;
  }
  lanes.h1 = h1;
  lanes.h2 = h2;
}

/** Words are read in place, four bytes at a time, so the data must start on a 4-byte boundary (else copied). */
function wordsOf(input: Uint8Array): { bytes: Uint8Array; view: Uint32Array; lanes: Lanes } {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const view = new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4));
  return { bytes, view, lanes: { h1: 0x811c9dc5 ^ bytes.length, h2: 0x6b43a9b5 ^ bytes.length } };
}

function finishBytes({ bytes, view, lanes }: ReturnType<typeof wordsOf>): string {
  let { h1, h2 } = lanes;
  for (let i = view.length * 4; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], P1);
    h2 = Math.imul(h2 ^ bytes[i], P2);
    h2 ^= h2 >>> 15;
  }
  return finish(h1, h2);
}

/** The fingerprint of a byte array. */
export function hashBytes(input: Uint8Array): string {
  const words = wordsOf(input);
  mixWords(words.lanes, words.view, 0, words.view.length);
  return finishBytes(words);
}

/** Words hashed between two pauses: 256 KB, well under a millisecond once the loop is optimised. */
const SLICE_WORDS = 1 << 16;

/**
 * hashBytes, awaiting `pause` after every 256 KB, so fingerprinting an 18 MB export on the main thread never blocks
 * it for long. Same fingerprint.
 */
export async function hashBytesSliced(input: Uint8Array, pause: Pause): Promise<string> {
  const words = wordsOf(input);
  for (let from = 0; from < words.view.length; from += SLICE_WORDS) {
    mixWords(words.lanes, words.view, from, Math.min(words.view.length, from + SLICE_WORDS));
    await pause();
  }
  return finishBytes(words);
}

/*
 * Reading a string with charCodeAt is fast only while V8 has seen few kinds of string at that call site; the sync
 * hashes strings of every kind (sliced from the export, concatenated, two-byte…) and the loop then ran at 5–10 ns
 * per character. So longer strings are first copied into a typed array by TextEncoder (native code) and the code
 * units read from there; the hash is the same, unit for unit.
 */
const COPY_MIN = 12;
const COPY_MAX = 1 << 20;
const encoder = new TextEncoder();
let utf8 = new Uint8Array(3 * 1024);
let utf16 = new Uint16Array(1024);

/**
 * The UTF-16 code units of `s` (the first s.length items), or null when they cannot be recovered from its UTF-8:
 * a lone surrogate is encoded as U+FFFD, so any U+FFFD sends the string to the charCodeAt loop.
 */
function codeUnitsOf(s: string): Uint8Array | Uint16Array | null {
  if (utf8.length < 3 * s.length) utf8 = new Uint8Array(3 * s.length);
  const { written } = encoder.encodeInto(s, utf8);
  if (written === s.length) return utf8; // ASCII: one byte per code unit
  if (utf16.length < s.length) utf16 = new Uint16Array(s.length);
  let n = 0;
  for (let i = 0; i < written; ) {
    const b = utf8[i];
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | (utf8[i + 1] & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | ((utf8[i + 1] & 0x3f) << 6) | (utf8[i + 2] & 0x3f);
      i += 3;
    } else {
      cp = ((b & 0x07) << 18) | ((utf8[i + 1] & 0x3f) << 12) | ((utf8[i + 2] & 0x3f) << 6) | (utf8[i + 3] & 0x3f);
      i += 4;
    }
    if (cp === 0xfffd) return null;
    if (cp < 0x10000) utf16[n++] = cp;
    else {
      utf16[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      utf16[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
  }
  return utf16;
}

/** A streaming fingerprint: feed strings and JS values, then take the digest. */
export class Fingerprinter {
  private h1 = 0x811c9dc5;
  private h2 = 0x6b43a9b5;

  /** Mix one 32-bit word. */
  word(w: number): this {
    this.h1 = Math.imul(this.h1 ^ w, P1);
    this.h2 = Math.imul(this.h2 ^ w, P2);
    this.h2 ^= this.h2 >>> 15;
    return this;
  }

  /**
   * Mix a string, two UTF-16 code units per step, its length first (so "ab"+"c" and "a"+"bc" differ). `direct`:
   * read it with charCodeAt, not through the UTF-8 copy (a flat string: see hashText).
   */
  text(s: string, direct = false): this {
    this.h1 = Math.imul(this.h1 ^ s.length, P1);
    this.h2 = Math.imul(this.h2 ^ s.length, P2);
    const units = !direct && s.length >= COPY_MIN && s.length <= COPY_MAX ? codeUnitsOf(s) : null;
    if (units) this.units(units, s.length);
    else this.unitsOfString(s);
    return this;
  }

  /** The step loop over `count` code units held in a typed array (see codeUnitsOf). */
  private units(u: Uint8Array | Uint16Array, count: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    const last = count - 1;
    let i = 0;
    for (; i < last; i += 2) {
      const w = u[i] | (u[i + 1] << 16);
      h1 = Math.imul(h1 ^ w, P1);
      h2 = Math.imul(h2 ^ w, P2);
      h2 ^= h2 >>> 15;
    }
    if (i === last) {
      h1 = Math.imul(h1 ^ u[i], P1);
      h2 = Math.imul(h2 ^ u[i], P2);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The same step loop reading the string itself (short strings, and the rare ones codeUnitsOf declines). */
  private unitsOfString(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    const last = s.length - 1;
    let i = 0;
    for (; i < last; i += 2) {
      const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ w, P1);
      h2 = Math.imul(h2 ^ w, P2);
      h2 ^= h2 >>> 15;
    }
    if (i === last) {
      h1 = Math.imul(h1 ^ s.charCodeAt(i), P1);
      h2 = Math.imul(h2 ^ s.charCodeAt(i), P2);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** Mix a JSON-like value (strings, numbers, booleans, null, arrays, plain objects), its type included. */
  value(v: unknown): this {
    if (typeof v === 'string') return this.word(1).text(v);
    if (v === null || v === undefined) return this.word(0);
    if (typeof v === 'number') return this.word(2).text(String(v));
    if (typeof v === 'boolean') return this.word(v ? 3 : 4);
    if (Array.isArray(v)) {
      this.word(5).word(v.length);
      for (const item of v) this.value(item);
      return this;
    }
    if (typeof v === 'object') {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record);
      this.word(6).word(keys.length);
      for (const k of keys) this.text(k).value(record[k]);
      return this;
    }
    if (typeof v === 'bigint') return this.word(7).text(v.toString());
    return this.word(8); // functions and symbols do not occur in YAML or paper data
  }

  digest(): string {
    return finish(this.h1, this.h2);
  }
}

/** The fingerprint of a string. */
export function hashString(text: string): string {
  return new Fingerprinter().text(text).digest();
}

/**
 * The fingerprint of a note's text, the value of hashString, read with charCodeAt: the concept engine hashes every
 * note of a full rebuild (two-byte strings in Chinese notes, flat), where the UTF-8 round trip cost 5 ns a character
 * and charCodeAt 1–1.5 ns (measured: 5,000 linked notes, 19 M characters, 95 ms against 23–27 ms on Node 20).
 */
export function hashText(text: string): string {
  return new Fingerprinter().text(text, true).digest();
}

/** The fingerprint of a JSON-like value (see Fingerprinter.value). */
export function hashValue(value: unknown): string {
  return new Fingerprinter().value(value).digest();
}

/** Character codes of the hex digits. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** The character code of the hex digit of `w` at bit `shift`. */
const hex = (w: number, shift: number): number => HEX[(w >>> shift) & 15];

/**
 * Avalanche both lanes and print them as 16 hex digits, made as one string from character codes: this runs
 * 100,000s of times per sync, and joining 2-digit pieces took five times as long.
 */
function finish(a: number, b: number): string {
  const x = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  const y = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return String.fromCharCode(
    hex(x, 28), hex(x, 24), hex(x, 20), hex(x, 16), hex(x, 12), hex(x, 8), hex(x, 4), hex(x, 0),
    hex(y, 28), hex(y, 24), hex(y, 20), hex(y, 16), hex(y, 12), hex(y, 8), hex(y, 4), hex(y, 0),
  );
}
