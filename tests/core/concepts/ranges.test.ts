import fc from 'fast-check';
import { mergeRanges, rangeAt } from '../../../src/core/concepts/ranges';

/** mergeRanges as first written: returned as is when ordered, else pairs sorted by start (stable) and merged. */
function reference(flat: number[]): number[] {
  let ordered = true;
  for (let i = 0; i < flat.length && ordered; i += 2) {
    if (flat[i + 1] <= flat[i] || (i > 0 && flat[i] < flat[i - 1])) ordered = false;
  }
  if (ordered) return flat;
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) if (flat[i + 1] > flat[i]) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const last = out.length - 1;
    if (last > 0 && s <= out[last]) out[last] = Math.max(out[last], e);
    else out.push(s, e);
  }
  return out;
}

const range = fc.tuple(fc.nat(200), fc.nat(30));

describe('ranges', () => {
  it('merges ranges in any order as the reference does, few or many', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(range, { maxLength: 12 }), fc.array(range, { minLength: 33, maxLength: 80 })), fc.boolean(), (raw, ordered) => {
        const pairs = ordered ? [...raw].sort((a, b) => a[0] - b[0]) : raw;
        // Some empty and reversed pairs too: they are dropped.
        const flat = pairs.flatMap(([start, length]) => (length === 29 ? [start + 3, start] : [start, start + length]));
        expect(mergeRanges([...flat])).toEqual(reference(flat));
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('finds the range holding a position', () => {
    const ranges = [2, 5, 8, 9];
    expect([1, 2, 4, 5, 8, 9].map((p) => rangeAt(ranges, p))).toEqual([-1, 0, 0, -1, 1, -1]);
  });
});
