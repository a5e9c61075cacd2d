import fc from 'fast-check';
import { attachmentUrl } from '../../../src/core/notes/paper-format';

/** Segment-by-segment encoding, as first written: attachmentUrl encodes a whole path in one call and must agree. */
function encodeBySegment(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}

const segmentChar = fc.constantFrom('a', 'Z', '0', ' ', '(', ')', '%', '%2F', '#', '?', '&', '+', '中', 'é', '😀', '.', '-', '_');
const relativePath = fc.array(fc.string({ unit: segmentChar, maxLength: 6 }), { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/'));

describe('attachmentUrl', () => {
  it('percent-encodes every segment of a relative or absolute path as segment-by-segment encoding would', () => {
    fc.assert(
      fc.property(relativePath, (path) => {
        const trimmed = path.trim();
        fc.pre(trimmed !== '' && !trimmed.startsWith('/') && !/^[a-z][a-z0-9+.-]+:/i.test(trimmed) && !/^[a-z]:[\\/]/i.test(trimmed));
        expect(attachmentUrl(path)).toBe(encodeBySegment(trimmed));
        expect(attachmentUrl(`/${trimmed}`)).toBe(`file://${encodeBySegment(`/${trimmed}`)}`);
      }),
      { numRuns: 1000 },
    );
  });
});
