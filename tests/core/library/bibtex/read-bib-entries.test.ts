import { readBibEntries } from '../../../../src/core/library/bibtex/read-bib-entries';
import { scanEntries } from '../../../../src/core/library/bibtex/scan-entries';
import { latexToText } from '../../../../src/core/library/text/latex-to-text';

/** A valid BBT-style entry of `lines` lines (header, 3 fields, closing brace = 5 lines). */
function entry(key: string, title = `Title of ${key}`): string {
  return `@article{${key},\n  title = {${title}},\n  author = {Doe, Jane},\n  year = 2020\n}\n`;
}

describe('scanEntries', () => {
  it('finds entries with their lines, skipping comments and junk', () => {
    const text = `% BibLaTeX quality report for x@y.org\n@comment{jabref-meta: groupstree:\n0 AllEntriesGroup:;\n}\ngarbage between entries\n${entry('a')}\n@string{acm = {ACM}}\n${entry('b')}`;
    const chunks = scanEntries(text);
    expect(chunks.map((c) => [c.kind, c.key, c.line])).toEqual([
      ['entry', 'a', 6],
      ['string', null, 12],
      ['entry', 'b', 13],
    ]);
    expect(chunks.every((c) => c.cut === 'none' && !c.overclosed)).toBe(true);
  });

  it('counts escaped braces as text, as citation-js does', () => {
    const [chunk] = scanEntries('@incollection{x,\n  title = {Aesthetic {{Judgment}}\\}},\n  year = 2013\n}\n');
    expect(chunk.cut).toBe('none');
    expect(chunk.text.endsWith('year = 2013\n}')).toBe(true);
  });

  it('cuts an entry that never closes at the next line-start entry', () => {
    const text = `@article{a,\n  publisher = {Taylor {{\\&} Francis},\n  year = 2009\n}\n\n${entry('b')}`;
    const chunks = scanEntries(text);
    expect(chunks.map((c) => [c.key, c.cut])).toEqual([
      ['a', 'next-entry'],
      ['b', 'none'],
    ]);
  });

  it('extends an entry closed early by a stray brace over its remaining fields', () => {
    const text = `@article{a,\n  title = {Foo}},\n  author = {Smith, J.},\n}\n${entry('b')}`;
    const [a, b] = scanEntries(text);
    expect(a.overclosed).toBe(true);
    expect(a.text).toContain('author = {Smith, J.}');
    expect(b.key).toBe('b');
  });

  it('collects bare macro names used as values, not text inside values or quotes', () => {
    const [chunk] = scanEntries('@article{a,\n  journal = IEEE_J_WC,\n  month = jan,\n  note = {x = y},\n  series = "a = b" # ACS\n}');
    expect(chunk.macros).toEqual(['IEEE_J_WC', 'jan', 'ACS']);
  });
});

describe('readBibEntries', () => {
  it('isolates one broken entry among 100: 99 entries and 1 error with its line and key', () => {
    const parts: string[] = [];
    for (let i = 0; i < 100; i++) parts.push(i === 50 ? '@article{broken50,\n  this is not bibtex at all\n}\n' : entry(`key${i}`));
    const { entries, errors, entryCount } = readBibEntries(parts.join('\n'));
    expect(entryCount).toBe(100);
    expect(entries).toHaveLength(99);
    expect(entries.map((e) => e.entry.key)).not.toContain('broken50');
    expect(entries[50].entry.key).toBe('key51');
    expect(entries[50].line).toBe(50 * 6 + 1 + 4); // 50 entries of 5 lines + a blank line, then broken50's 3 + 1
    expect(errors).toEqual([{ line: 50 * 6 + 1, citekey: 'broken50', message: 'no field could be read ("name = value" expected)' }]);
  });

  it('repairs one field with unbalanced braces and keeps the entry, with a warning', () => {
    const text = `@article{a,\n  title = {Kept Title},\n  publisher = {Taylor {{\\&} Francis},\n  year = 2009\n}\n\n${entry('b')}`;
    const { entries, errors, warnings } = readBibEntries(text);
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.entry.key)).toEqual(['a', 'b']);
    expect(entries[0].entry.fields).toEqual({ title: 'Kept Title', publisher: 'Taylor {{\\&} Francis}', year: '2009' });
    expect(latexToText(entries[0].entry.fields.publisher)).toBe('Taylor & Francis');
    expect(warnings).toEqual(['line 1: a: read field by field because its braces never close before the next entry; unbalanced braces repaired in "publisher"']);
  });

  it('recovers an entry missing its closing brace in the middle of the file', () => {
    const text = `@article{a,\n  title = {A},\n  year = 2000\n\n${entry('b')}`;
    const { entries, errors, warnings } = readBibEntries(text);
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.entry.key, e.entry.fields.title])).toEqual([
      ['a', 'A'],
      ['b', 'Title of b'],
    ]);
    expect(warnings[0]).toContain('line 1: a: read field by field');
  });

  it('keeps the fields after a stray closing brace', () => {
    const { entries } = readBibEntries(`@article{a,\n  title = {Foo}},\n  author = {Smith, J.},\n}\n${entry('b')}`);
    expect(entries[0].entry.fields).toEqual({ title: 'Foo', author: 'Smith, J.' });
  });

  it('reports an entry still open at the end of the text as a possibly truncated export', () => {
    const { entries, errors } = readBibEntries(`${entry('a')}\n@article{b,\n  title = {Cut off`);
    expect(entries.map((e) => e.entry.key)).toEqual(['a']);
    expect(errors).toEqual([{ line: 7, citekey: 'b', message: 'the entry is not closed before the end of the file (the export may be truncated)' }]);
  });

  it('reports an entry without a citation key', () => {
    const { entries, errors } = readBibEntries(`@article{title = {No key}}\n${entry('b')}`);
    expect(entries.map((e) => e.entry.key)).toEqual(['b']);
    expect(errors).toEqual([{ line: 1, citekey: null, message: 'the entry has no citation key (expected "@type{key,")' }]);
  });

  it('expands @string macros, including nested ones, and keeps undefined macros as their name', () => {
    const text = [
      '@string{ieee = {IEEE}}',
      '@string{tpami = ieee # { Transactions on Pattern Analysis}}',
      '@article{a,\n  journal = tpami,\n  month = jan\n}',
      '@article{b,\n  journal = IEEE_J_WC,\n  booktitle = PROC_X # { 2020}\n}',
    ].join('\n');
    const { entries, warnings } = readBibEntries(text);
    expect(entries.map((e) => e.entry.fields)).toEqual([
      { journal: 'IEEE Transactions on Pattern Analysis', month: '01' },
      { journal: 'IEEE_J_WC', booktitle: 'PROC_X 2020' },
    ]);
    expect(warnings).toEqual([
      // One line for all of them: a library can use hundreds.
      '2 undefined @string macros are kept as their names: IEEE_J_WC (b), PROC_X (b)',
    ]);
  });

  it('reads quoted values, parenthesised entries and numbers', () => {
    const { entries } = readBibEntries('@article(a,\n  title = "Quoted {Title}",\n  year = 1999\n)\n');
    expect(entries[0].entry).toEqual({ type: 'article', key: 'a', fields: { title: 'Quoted {Title}', year: '1999' } });
  });

  it('reads keys with colons, parentheses and non-Latin letters', () => {
    const keys = ['deKort:2007:DigitalGames', 'smith(2020)a', 'هناء2020', 'ISI:000270196200011-0'];
    const { entries, errors } = readBibEntries(keys.map((k) => entry(k)).join('\n'));
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.entry.key)).toEqual(keys);
  });

  it('reads an empty text as no entries', () => {
    expect(readBibEntries('')).toEqual({ entries: [], errors: [], warnings: [], entryCount: 0 });
  });
});
