import fc from 'fast-check';
import { hashString } from '../../../src/core/text/fingerprint';
import { hashSpliced, hashText } from '../../../src/core/text/text-hash';
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

  it('hash a text with ranges replaced (hashSpliced) as the edited text, wherever the ranges fall', () => {
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(4), fc.string({ unit, maxLength: 9 })), { maxLength: 8 }),
        (text, edits) => {
          // Sorted, disjoint ranges inside the text, each replaced by its insert.
          const cuts: number[] = [];
          const inserts: string[] = [];
          let from = 0;
          for (const [at, length, insert] of [...edits].sort((a, b) => a[0] - b[0])) {
            const start = Math.max(from, Math.min(at, text.length));
            const end = Math.min(text.length, start + length);
            cuts.push(start, end);
            inserts.push(insert);
            from = end;
          }
          let edited = '';
          let last = 0;
          inserts.forEach((insert, k) => {
            edited += text.slice(last, cuts[2 * k]) + insert;
            last = cuts[2 * k + 1];
          });
          edited += text.slice(last);
          expect(hashSpliced(text, cuts, inserts)).toBe(reference(edited));
        },
      ),
      { numRuns: 3000, seed: 12 },
    );
  });
});
