/**
 * Links never break the Markdown around them (issue 11): CommonMark's flanking rules decide whether emphasis next to
 * a mention survives a link, and a link is never written right before "(". Checked case by case and, as a property,
 * by rendering random texts before and after linking with markdown-it.
 */
import fc from 'fast-check';
import { linkPlaceIsSafe } from '../../../src/core/concepts/link-placement';
import { linkText } from '../../../src/core/concepts/link-text';
import { markdownStructure } from './markdown-structure';
import { linked, testIndex } from './support';

const index = testIndex();

describe('where a link may go', () => {
  it.each([
    ['存在**幻觉**问题', 4, 6, false],
    ['存在 **幻觉** 问题', 5, 7, true],
    ['**幻觉**问题', 2, 4, false],
    ['**幻觉** 问题', 2, 4, true],
    ['*ICL*', 1, 4, true],
    ['a*ICL*b', 2, 5, false],
    ['强化学习(RL)', 0, 4, false],
    ['强化学习 (RL)', 0, 4, true],
    ['==CoT==', 2, 5, true],
    ['x==CoT==y', 3, 6, false],
    ['_ICL_ x', 1, 4, true],
  ])('%s [%i, %i) → %s', (text, start, end, safe) => {
    expect(linkPlaceIsSafe(text, start, end)).toBe(safe);
  });

  it('takes the next mention when the first one cannot be linked', () => {
    expect(linkText('存在**幻觉**问题，幻觉依旧。', index, { sourcePath: 'L/n.md' }).text).toBe('存在**幻觉**问题，[[Hallucination|幻觉]]依旧。');
    expect(linked('强化学习(RL) 与强化学习。', index)).toEqual(['Reinforcement learning=RL']);
    expect(linkText('强化学习(RL) 与强化学习。', index).text).toBe('强化学习([[Reinforcement learning|RL]]) 与强化学习。');
    expect(linkText('直接偏好优化(DPO) 与直接偏好优化。', index).text).toBe('直接偏好优化([[DPO]]) 与直接偏好优化。');
  });

  it('keeps the rendered structure of any text of emphasis, CJK and terms', () => {
    const pieces = fc.constantFrom('**', '*', '_', '__', '==', '~~', ' ', '幻觉', 'ICL', 'CoT', '存在', '问题', '(RL)', '(', ')', '，', 'a', '1', '`', '[x](y)', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const after = linkText(text, index, { sourcePath: 'L/n.md' }).text;
        expect(markdownStructure(after)).toEqual(markdownStructure(text));
      }),
      { numRuns: 2000 },
    );
  });
});
