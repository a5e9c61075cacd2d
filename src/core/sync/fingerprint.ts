/**
 * Fast non-cryptographic fingerprints (two 32-bit lanes, 16 hex digits) for the sync's hashes: the export, every
 * paper's data, every value and region the plugin writes. They run over 10 MB of export and 100,000 values per
 * sync, so speed matters; a collision would at worst take a hand edit for the plugin's own text, with odds of
 * about one in 2^60.
 */

/** The fingerprint of a byte array. */
export function hashBytes(input: Uint8Array): string {
  // Words are read in place, so the data must start on a 4-byte boundary; a copy fixes the rare unaligned view.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  let h1 = 0x811c9dc5 ^ bytes.length;
  let h2 = 0x6b43a9b5 ^ bytes.length;
  const words = Math.floor(bytes.length / 4);
  if (words > 0) {
    // Four bytes at a time where the buffer allows it (little-endian on every platform Obsidian runs on).
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset, words);
    for (let i = 0; i < words; i++) {
      const w = view[i];
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  for (let i = words * 4; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i], 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return finish(h1, h2);
}

/** A streaming fingerprint: feed strings and JS values, then take the digest. */
export class Fingerprinter {
  private h1 = 0x811c9dc5;
  private h2 = 0x6b43a9b5;

  /** Mix one 32-bit word. */
  word(w: number): this {
    this.h1 = Math.imul(this.h1 ^ w, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ w, 0x5bd1e995);
    this.h2 ^= this.h2 >>> 15;
    return this;
  }

  /** Mix a string, two UTF-16 code units per step, its length first (so "ab"+"c" and "a"+"bc" differ). */
  text(s: string): this {
    let h1 = Math.imul(this.h1 ^ s.length, 0x01000193);
    let h2 = Math.imul(this.h2 ^ s.length, 0x5bd1e995);
    const last = s.length - 1;
    let i = 0;
    for (; i < last; i += 2) {
      const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    if (i === last) {
      h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193);
      h2 = Math.imul(h2 ^ s.charCodeAt(i), 0x5bd1e995);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
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

/** The fingerprint of a JSON-like value (see Fingerprinter.value). */
export function hashValue(value: unknown): string {
  return new Fingerprinter().value(value).digest();
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Avalanche both lanes and print them as 16 hex digits (through a byte table: this runs 100,000s of times per sync). */
function finish(a: number, b: number): string {
  const x = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  const y = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (
    HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255] + HEX[y >>> 24] + HEX[(y >>> 16) & 255] + HEX[(y >>> 8) & 255] + HEX[y & 255]
  );
}
