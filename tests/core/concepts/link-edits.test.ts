import { buildTermIndex, editsFromLinks, linkText, parseConceptNote, type MakeLink } from '../../../src/core/concepts/engine';
import { applyTextEdits } from '../../../src/core/text';

const index = buildTermIndex(
  [
    ['Concepts/ICL.md', '---\naliases: [in-context learning, 上下文学习]\n---\n'],
    ['Concepts/CoT.md', '---\naliases: [chain of thought]\n---\n'],
  ].map(([path, text]) => parseConceptNote(path, text).def),
);

/** linkText with a recording MakeLink, as the concept service calls it. */
function link(text: string, makeLink: MakeLink = (target, surface) => `[[${target.replace(/^Concepts\/|\.md$/g, '')}|${surface}]]`) {
  const made: string[] = [];
  const result = linkText(text, index, { makeLink: (t, s, p) => (made.push(makeLink(t, s, p)), made[made.length - 1]) });
  return { result, edits: editsFromLinks(text, result.text, result.links, made) };
}

describe('edits from links', () => {
  it('gives one replacement per link, in the coordinates of the text before', () => {
    const text = 'Try chain of thought, then 上下文学习.\n';
    const { result, edits } = link(text);
    expect(edits).toEqual([
      { from: 4, to: 20, text: '[[CoT|chain of thought]]' },
      { from: 27, to: 32, text: '[[ICL|上下文学习]]' },
    ]);
    expect(applyTextEdits(text, edits)).toBe(result.text);
  });

  it('finds links whose pipes were escaped inside a table', () => {
    const text = '| a | b |\n| - | - |\n| in-context learning | x |\n';
    const { result, edits } = link(text);
    expect(result.text).toContain('[[ICL\\|in-context learning]]');
    expect(edits).toEqual([{ from: 22, to: 41, text: '[[ICL\\|in-context learning]]' }]);
    expect(applyTextEdits(text, edits)).toBe(result.text);
  });

  it('falls back to one edit over the changed span when the recorded links do not fit', () => {
    const before = 'a in-context learning b chain of thought c';
    const after = 'a [[ICL|in-context learning]] b [[CoT|chain of thought]] c';
    const edits = editsFromLinks(before, after, [{ offset: 2, surface: 'in-context learning' }], ['[[ICL|in-context learning]]', 'extra']);
    expect(edits).toEqual([{ from: 2, to: 40, text: '[[ICL|in-context learning]] b [[CoT|chain of thought]]' }]);
    expect(applyTextEdits(before, edits)).toBe(after);
    expect(editsFromLinks(before, before, [], [])).toEqual([]);
  });
});
