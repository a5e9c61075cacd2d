import fc from 'fast-check';
import { applyTextEdits, minimalEdits, singleEdit } from '../../../src/core/text/text-edits';

describe('single edit and applying edits', () => {
  it('keeps the common start and end', () => {
    expect(singleEdit('abcXYdef', 'abcZdef')).toEqual([{ from: 3, to: 5, text: 'Z' }]);
    expect(singleEdit('aaa', 'aaaa')).toEqual([{ from: 3, to: 3, text: 'a' }]);
    expect(singleEdit('same', 'same')).toEqual([]);
  });

  it('applies edits in any order and rejects overlapping ones', () => {
    expect(applyTextEdits('0123456789', [{ from: 8, to: 9, text: 'X' }, { from: 1, to: 3, text: '' }])).toBe('034567X9');
    expect(() => applyTextEdits('0123', [{ from: 0, to: 2, text: '' }, { from: 1, to: 3, text: '' }])).toThrow(RangeError);
  });
});

describe('minimal edits between two versions of a note', () => {
  const note = '---\ntitle: Old title\ntags:\n  - ICL\n---\n%% zcn:begin summary %%\nOld summary.\n%% zcn:end summary %%\n## Notes\nMine.\n';

  it('gives one small edit per changed run of lines and none over the lines kept', () => {
    const after = note.replace('Old title', 'New title').replace('  - ICL\n', '  - ICL\n  - CoT\n').replace('Old summary.', 'New summary,\non two lines.');
    const edits = minimalEdits(note, after);
    expect(edits).toEqual([
      { from: 11, to: 14, text: 'New' },
      { from: 35, to: 35, text: '  - CoT\n' },
      { from: 63, to: 74, text: 'New summary,\non two lines' }, // the ".\n" both end with is kept
    ]);
    expect(applyTextEdits(note, edits)).toBe(after);
    expect(note.slice(63, 74)).toBe('Old summary');
    expect(minimalEdits(note, note)).toEqual([]);
  });

  it('handles removed lines, a missing final newline and an empty side', () => {
    expect(minimalEdits('a\nb\nc', 'a\nc')).toEqual([{ from: 2, to: 4, text: '' }]);
    expect(minimalEdits('a\nb', 'a\nb\n')).toEqual([{ from: 3, to: 3, text: '\n' }]);
    expect(minimalEdits('', 'x\n')).toEqual([{ from: 0, to: 0, text: 'x\n' }]);
    expect(minimalEdits('x\ny\n', '')).toEqual([{ from: 0, to: 4, text: '' }]);
  });

  it('always turns the old text into the new one, with edits in order that never overlap', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'title: x\n', '%% zcn:end %%\n', '\n', 'end', '上下文学习\n');
    const text = fc.array(line, { maxLength: 12 }).map((ls) => ls.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edits = minimalEdits(before, after);
        for (let k = 1; k < edits.length; k++) expect(edits[k].from).toBeGreaterThan(edits[k - 1].to);
        expect(applyTextEdits(before, edits)).toBe(after);
      }),
    );
  });
});
