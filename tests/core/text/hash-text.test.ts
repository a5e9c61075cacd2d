import fc from 'fast-check';
import { hashString, hashText } from '../../../src/core/text/fingerprint';
import { reference, unit } from './fingerprint-reference';

describe('note text fingerprints (the values of hashString)', () => {
  it('hash a note text (hashText) exactly as hashString does, whatever the kind of string', () => {
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
});
