import { findFrontMatter, readFrontMatterValue } from '../../../src/core/text/front-matter-text';

/** The YAML text and the body of a note, as findFrontMatter splits it. */
function split(text: string): { yaml: string; body: string } | null {
  const span = findFrontMatter(text);
  return span && { yaml: text.slice(span.yamlStart, span.yamlEnd), body: text.slice(span.bodyStart) };
}

describe('findFrontMatter (as Obsidian reads front matter)', () => {
  it('finds the block, where the YAML is and where the body starts', () => {
    expect(findFrontMatter('---\ntitle: x\n---\nbody\n')).toEqual({ yamlStart: 4, yamlEnd: 13, bodyStart: 17 });
    expect(split('---\n---\nbody')).toEqual({ yaml: '', body: 'body' });
    expect(split('---\na: 1\n---')).toEqual({ yaml: 'a: 1\n', body: '' });
  });

  it('needs the opening line first in the file', () => {
    expect(findFrontMatter('body\n---\nx: 1\n---\n')).toBeNull();
    expect(findFrontMatter('\n---\nx: 1\n---\n')).toBeNull();
    expect(findFrontMatter(' ---\nx: 1\n---\n')).toBeNull();
    expect(findFrontMatter('----\nx: 1\n---\n')).toBeNull();
    expect(findFrontMatter('--- x\nx: 1\n---\n')).toBeNull();
  });

  it('allows spaces and tabs after either --- line', () => {
    expect(split('--- \t\nx: 1\n---  \nbody')).toEqual({ yaml: 'x: 1\n', body: 'body' });
  });

  it('does not end at a "..." line (Obsidian does not either)', () => {
    expect(split('---\ntitle: x\n...\naliases: [ICL]\n---\nbody')).toEqual({ yaml: 'title: x\n...\naliases: [ICL]\n', body: 'body' });
    expect(findFrontMatter('---\ntitle: x\n...\nbody\n')).toBeNull();
  });

  it('reads CRLF notes', () => {
    expect(split('---\r\ntitle: x\r\n---\r\nbody\r\n')).toEqual({ yaml: 'title: x\r\n', body: 'body\r\n' });
    expect(split('--- \r\ntitle: x\r\n--- \r\nbody')).toEqual({ yaml: 'title: x\r\n', body: 'body' });
  });

  it('has no front matter without a closing line: the note is all body, as in Obsidian', () => {
    expect(findFrontMatter('---\ntitle: x\n')).toBeNull();
    expect(findFrontMatter('---\ntitle: x')).toBeNull();
    expect(findFrontMatter('---')).toBeNull();
    expect(findFrontMatter('---\n')).toBeNull();
  });

  it('allows a byte-order mark before the opening line', () => {
    expect(split('\uFEFF---\ntitle: x\n---\nbody')).toEqual({ yaml: 'title: x\n', body: 'body' });
    expect(findFrontMatter('\uFEFF---\ntitle: x\n---\n')!.yamlStart).toBe(5);
  });
});

describe('readFrontMatterValue', () => {
  it('reads one key of front matter in any of the shapes above', () => {
    expect(readFrontMatterValue('--- \ncitekey: a\n...\nyear: 2020\n---\n', 'year')).toBe(2020);
    expect(readFrontMatterValue('\uFEFF---\r\ncitekey: a\r\n---\r\n', 'citekey')).toBe('a');
    expect(readFrontMatterValue('---\ncitekey: a\n', 'citekey')).toBeUndefined();
  });
});
