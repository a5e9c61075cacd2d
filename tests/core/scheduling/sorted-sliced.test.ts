import fc from 'fast-check';
import { sortedSliced } from '../../../src/core/scheduling';

describe('sortedSliced', () => {
  it('gives the order Array.prototype.sort gives, ties kept in place (stable), pausing on long lists', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), id: fc.nat() }), { maxLength: 3000 }), async (items) => {
        const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(await sortedSliced(items, compare, () => undefined)).toEqual([...items].sort(compare));
      }),
      { numRuns: 40 },
    );
    let pauses = 0;
    const sorted = await sortedSliced(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000), (a, b) => a - b, () => void pauses++);
    expect(sorted).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(pauses).toBeGreaterThan(10);
  });
});
