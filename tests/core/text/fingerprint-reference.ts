/** The reference the string fingerprints are checked against (fingerprint and text-hash tests). */
import fc from 'fast-check';

/**
 * The string fingerprint as first written (two UTF-16 code units per step, read with charCodeAt). The sync state
 * stores these hashes, so the faster implementation must give exactly the same values.
 */
export function reference(s: string): string {
  let h1 = Math.imul(0x811c9dc5 ^ s.length, 0x01000193);
  let h2 = Math.imul(0x6b43a9b5 ^ s.length, 0x5bd1e995);
  let i = 0;
  for (; i < s.length - 1; i += 2) {
    const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 ^ w, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  if (i === s.length - 1) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ s.charCodeAt(i), 0x5bd1e995);
  }
  const x = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  const y = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return [x, y].map((n) => (n >>> 0).toString(16).padStart(8, '0')).join('');
}

// Units that exercise every path: ASCII, 2-, 3- and 4-byte UTF-8, lone surrogates and U+FFFD (which UTF-8 cannot
// tell apart: such strings must be read unit by unit).
export const unit = fc.constantFrom('a', 'Z', ' ', '\n', 'é', '·', '中', '文', '😀', '\ud800', '\udfff', '\ufffd', '\u0000');
