import fc from 'fast-check';
import { isReferencesLabel, isReferencesTitle } from '../../../src/core/concepts/reference-lists';

const TITLES = ['references', 'reference', 'reference list', 'bibliography', 'works cited', 'literature cited', 'cited works', 'citations', '参考文献', '参考资料', '引用文献', '参考'];

/** isReferencesTitle as first written (without the quick search that now rejects most headings). */
function reference(raw: string): boolean {
  let t = raw.trim().replace(/[ \t]+#+[ \t]*$/, '');
  t = t.replace(/^[*_]+|[*_]+$/g, '').trim();
  t = t.replace(/^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)[ \t]+/, '');
  t = t.replace(/[:：]$/, '').replace(/^[*_]+|[*_]+$/g, '').trim();
  return TITLES.includes(t.toLowerCase());
}

describe('reference list titles', () => {
  it('recognises the same headings as the full trimming, with the quick search in front', () => {
    const piece = fc.constantFrom(...TITLES, 'REFERENCES', 'Works Cited', 'WOR\u212AS CITED', 'Notes', ' ', '\t', '**', '_', '#', ' ##', '7.', '1.2 ', 'IV.', ':', '：', 'x', 'ſ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const raw = pieces.join('');
        expect(isReferencesTitle(raw)).toBe(reference(raw));
      }),
      { numRuns: 5000, seed: 4 },
    );
    expect(isReferencesTitle(' 7. References ##')).toBe(true);
    expect(isReferencesTitle('WOR\u212AS CITED')).toBe(true); // the Kelvin sign lower-cases to k
    expect(isReferencesLabel('**参考文献：**')).toBe(true);
    expect(isReferencesTitle('Related work')).toBe(false);
  });
});
