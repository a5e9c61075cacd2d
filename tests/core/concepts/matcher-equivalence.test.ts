/**
 * The matcher against the one it replaced (reference-matcher.ts): the same mentions, at the same places, for the same
 * terms, on random texts made of the terms themselves (as written, in other cases, full width, plural, hyphenated,
 * glued to letters, CJK and punctuation) and Markdown around them. Seeded: the same cases on every run.
 */
import fc from 'fast-check';
import { buildTermIndex } from '../../../src/core/concepts/term-index';
import { findMatches } from '../../../src/core/concepts/matcher';
import { scanZones } from '../../../src/core/concepts/markdown-zones';
import { glossaryDefs } from './support';
import { referenceMatches } from './reference-matcher';

// The glossary, plus shapes the filters must not lose: a one-character key ("a-" folds to "a"), terms sharing a
// first pair, a phrase ending in -y (its -ies plural), mixed case, digits and a CJK term of two characters.
const index = buildTermIndex(
  glossaryDefs([
    { path: 'Concepts/A.md', name: 'A-', aliases: ['x-'] },
    { path: 'Concepts/Policy.md', name: 'Policy', aliases: ['policy gradient', 'po'] },
    { path: 'Concepts/Q-Former.md', name: 'Q-Former', aliases: ['Multimodal LLM agent'] },
    { path: 'Concepts/GPT-4.md', name: 'GPT-4', aliases: ['GPT4', '模型'] },
  ]),
);

const terms = index.terms.map((t) => t.text);
const variant = (term: string, how: number): string => {
  switch (how) {
    case 0:
      return term;
    case 1:
      return term.toLowerCase();
    case 2:
      return term.toUpperCase();
    case 3:
      return term.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)); // full width
    case 4:
      return `${term}s`;
    case 5:
      return term.replace(/ /g, '-');
    default:
      return term.replace(/ /g, '  ');
  }
};
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...terms), fc.nat(6)).map(([t, how]) => variant(t, how)) },
  { weight: 5, arbitrary: fc.constantFrom(' ', ' ', '\n', '-', '.', ',', '(', ')', '[', ']', '*', '**', '_', '`', '$', '#', '@', '|', '：', '，', '。', '（', '）') },
  { weight: 3, arbitrary: fc.constantFrom('a', 'x', 'I', 'v2', '4', 'the', 'of', 'ing', '的', '中', '文', '模', '学习', 'ＡＢ', 'é', 'ß') },
  { weight: 1, arbitrary: fc.constantFrom('\n# ', '\n```\n', '\n> ', '[[ICL]]', '[x](y)', 'https://a.b/CoT ', '%% c %%', '<b>', '\n\n## References\n[1] ') },
);

describe('matcher equivalence with the matcher it replaced', () => {
  it('finds the same mentions on random texts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (pieces, linkInHeadings) => {
        const text = pieces.join('');
        const zones = scanZones(text, { linkInHeadings });
        const shape = (m: { start: number; end: number; term: { id: number }; soft: boolean }) => [m.start, m.end, m.term.id, m.soft];
        expect(findMatches(text, index, zones).map(shape)).toEqual(referenceMatches(text, index, zones).map(shape));
      }),
      { numRuns: 4000, seed: 20251203 },
    );
  });

  it('finds mentions at the very end of a stretch and of the text, one-character keys included', () => {
    for (const text of ['ICL`x`', 'a', 'a-', 'x `a` a', 'po', 'CoT', '思维链', '模型$x$', 'LLMs']) {
      const zones = scanZones(text);
      expect(findMatches(text, index, zones)).toEqual(referenceMatches(text, index, zones));
    }
  });
});
