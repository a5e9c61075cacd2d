import { writeConceptSection } from '../../../src/core/concepts/concept-section';

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
});
