import fc from 'fast-check';
import { writeConceptSection } from '../../../src/core/concepts/concept-section';
import { detectEol } from '../../../src/core/text/line-endings';
import { findRegions, wrapRegion } from '../../../src/core/text/managed-region';

const CONTENT = '## Mentioned in (1)\n\n- [[Literature/a|A paper]]\n\n## Related concepts\n\n*None yet.*';

function written(text: string, content = CONTENT): string {
  const r = writeConceptSection(text, content);
  if (!('text' in r)) throw new Error(r.problem);
  return r.text;
}

/** Line breaks that are not part of a CRLF. */
const bareLf = (text: string) => text.replace(/\r\n/g, '').includes('\n');

describe('writeConceptSection', () => {
  it('appends the section to an LF note', () => {
    expect(written('---\naliases: [ICL]\n---\nIn-context learning.\n')).toBe(
      `---\naliases: [ICL]\n---\nIn-context learning.\n\n%% zcn:begin concept-links %%\n${CONTENT}\n%% zcn:end concept-links %%\n`,
    );
  });

  it('appends the section to a CRLF note in CRLF', () => {
    const note = '---\r\naliases: [ICL]\r\n---\r\nIn-context learning.\r\n';
    const text = written(note);
    expect(bareLf(text)).toBe(false);
    expect(text).toBe(`${note}\r\n%% zcn:begin concept-links %%\r\n${CONTENT.replace(/\n/g, '\r\n')}\r\n%% zcn:end concept-links %%\r\n`);
    // Without a final line break, and with an empty note.
    expect(bareLf(written('In-context learning.'))).toBe(true);
    expect(bareLf(written('A\r\nB'))).toBe(false);
    expect(written('A\r\nB')).toBe(`A\r\nB\r\n\r\n%% zcn:begin concept-links %%\r\n${CONTENT.replace(/\n/g, '\r\n')}\r\n%% zcn:end concept-links %%\r\n`);
  });

  it('replaces the section of a CRLF note in CRLF, and is a no-op the second time', () => {
    const note = '# ICL\r\n\r\n%% zcn:begin concept-links %%\r\nold\r\n%% zcn:end concept-links %%\r\n\r\nMy notes.\r\n';
    const text = written(note);
    expect(text).toBe(`# ICL\r\n\r\n%% zcn:begin concept-links %%\r\n${CONTENT.replace(/\n/g, '\r\n')}\r\n%% zcn:end concept-links %%\r\n\r\nMy notes.\r\n`);
    expect(written(text)).toBe(text);
  });

  it('ignores marker-like text in the front matter', () => {
    const note = '---\ntitle: "%% zcn:begin concept-links %%"\n---\n# ICL\n\n%% zcn:begin concept-links %%\nold\n%% zcn:end concept-links %%\n';
    expect(written(note)).toBe(`---\ntitle: "%% zcn:begin concept-links %%"\n---\n# ICL\n\n%% zcn:begin concept-links %%\n${CONTENT}\n%% zcn:end concept-links %%\n`);
  });

  it('reports damaged markers and leaves the note alone', () => {
    expect(writeConceptSection('%% zcn:begin concept-links %%\nx\n', CONTENT)).toEqual({ problem: expect.stringContaining('damaged') as unknown });
  });

  it('writes what it wrote by concatenation before, and says where the content is in it', () => {
    // The construction before the text was made by one join (regions found from 0: no front matter here).
    const reference = (text: string, content: string) => {
      const eol = detectEol(text);
      const region = wrapRegion('concept-links', content, eol);
      const current = findRegions(text).regions.find((r) => r.id === 'concept-links');
      if (current) return text.slice(0, current.start) + region + text.slice(current.end);
      if (text.trim() === '') return `${text}${region}${eol}`;
      return `${text}${text.endsWith('\n') ? '' : eol}${eol}${region}${eol}`;
    };
    const piece = fc.constantFrom('My notes.', '\n', '\r\n', ' ', '# ICL', '%% zcn:begin concept-links %%\nold\n%% zcn:end concept-links %%', '中文');
    const contentPiece = fc.constantFrom('## Mentioned in (1)', '\n', '\r\n', '- [[a|A]]', '^ann-1', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.array(contentPiece, { maxLength: 6 }), (noteParts, contentParts) => {
        const note = noteParts.join('');
        const content = contentParts.join('');
        const r = writeConceptSection(note, content);
        if (!('text' in r)) return; // damaged markers: covered above
        expect(r.text).toBe(reference(note, content));
        if (r.contentStart >= 0) expect(r.text.slice(r.contentStart, r.contentStart + content.length)).toBe(content);
        else expect(content.includes('\n')).toBe(true); // only a converted line ending has no place in the text
      }),
      { numRuns: 1000, seed: 3 },
    );
  });
});
