import { summaryPlacement } from '../../../src/core/notes/summary-placement';

function place(doc: string, line: number, ch: number) {
  const lines = doc.split('\n');
  return summaryPlacement((n) => lines[n] ?? '', line, ch);
}

describe('where an inserted summary goes', () => {
  it('continues the numbered list above, over blank and indented lines', () => {
    const doc = '## 前沿文章摘要\n\n7. Paper A [x](y)\n\n   tags：a\n\n   Summary of A.\n\n';
    expect(place(doc, 8, 0)).toEqual({ number: 8, prefix: '' });
  });

  it('starts at 1 below anything else, a blank line after a paragraph', () => {
    expect(place('# Notes\nSome text.\n', 2, 0)).toEqual({ number: 1, prefix: '\n' });
    expect(place('', 0, 0)).toEqual({ number: 1, prefix: '' });
  });

  it('starts a new paragraph when the cursor is in the middle of a line', () => {
    expect(place('1. First\n\nwhere I am', 2, 5)).toEqual({ number: 1, prefix: '\n\n' });
    expect(place('3) Third entry', 0, 14)).toEqual({ number: 4, prefix: '\n\n' });
  });
});
