import fc from 'fast-check';
import { hashJoined, hashString, hashText, hashValue } from '../../../src/core/text/fingerprint';

/**
 * The string fingerprint as first written (two UTF-16 code units per step, read with charCodeAt). The sync state
 * stores these hashes, so the faster implementation must give exactly the same values.
 */
function reference(s: string): string {
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
const unit = fc.constantFrom('a', 'Z', ' ', '\n', 'é', '·', '中', '文', '😀', '\ud800', '\udfff', '\ufffd', '\u0000');

describe('fingerprints', () => {
  it('hash strings exactly as the reference does, short and long', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), fc.nat(3), (s, repeat) => {
        const text = s.repeat(repeat + 1);
        expect(hashString(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
    const long = 'ab中'.repeat(400_000); // over the copy limit: read unit by unit
    expect(hashString(long)).toBe(reference(long));
  });

  it('hash note texts (hashText) exactly as hashString does, whatever the kind of string', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), fc.nat(40), (s, cut) => {
        expect(hashText(s)).toBe(reference(s));
        // Sliced, concatenated and joined strings: V8 represents them differently; the value must not depend on it.
        const sliced = (s + s).slice(cut % (s.length + 1), cut % (s.length + 1) + s.length);
        expect(hashText(sliced)).toBe(hashString(sliced));
        const joined = [s, '中', s].join('') + s;
        expect(hashText(joined)).toBe(hashString(joined));
      }),
      { numRuns: 2000, seed: 11 },
    );
    expect(hashText('')).toBe(hashString(''));
  });

  it('hash a text given as pieces (hashJoined) as the joined text, wherever the pieces split it', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 9 }), { maxLength: 12 }), (pieces) => {
        expect(hashJoined(pieces)).toBe(reference(pieces.join('')));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('hash values through the same string hash, so a value keeps its fingerprint', () => {
    expect(hashValue('title')).not.toBe(hashValue(['title']));
    expect(hashValue({ a: 'x', b: ['y', 1, null] })).toBe(hashValue({ a: 'x', b: ['y', 1, null] }));
    expect(hashValue({ a: 'x', b: ['y', 1, null] })).not.toBe(hashValue({ b: ['y', 1, null], a: 'x' }));
    expect(hashValue('x'.repeat(30) + '中')).not.toBe(hashValue('x'.repeat(30) + '文'));
  });
});
