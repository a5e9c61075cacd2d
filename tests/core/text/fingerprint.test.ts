import fc from 'fast-check';
import { hashString, hashValue } from '../../../src/core/text/fingerprint';
import { reference, unit } from './fingerprint-reference';

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

  it('hash values through the same string hash, so a value keeps its fingerprint', () => {
    expect(hashValue('title')).not.toBe(hashValue(['title']));
    expect(hashValue({ a: 'x', b: ['y', 1, null] })).toBe(hashValue({ a: 'x', b: ['y', 1, null] }));
    expect(hashValue({ a: 'x', b: ['y', 1, null] })).not.toBe(hashValue({ b: ['y', 1, null], a: 'x' }));
    expect(hashValue('x'.repeat(30) + '中')).not.toBe(hashValue('x'.repeat(30) + '文'));
  });
});
