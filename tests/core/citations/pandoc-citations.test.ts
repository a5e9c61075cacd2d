/** Pandoc's citation syntax, with the examples of its manual (https://pandoc.org/MANUAL.html#citation-syntax). */
import { scanZones } from '../../../src/core/concepts/markdown-zones';
import { citationsInNote } from '../../../src/core/citations/note-citations';
import { findCitations, readCitationKey, type Citation } from '../../../src/core/citations/pandoc-citations';

const cite = (text: string): Pick<Citation, 'key' | 'form' | 'suppressAuthor'>[] =>
  findCitations(text, scanZones(text)).map(({ key, form, suppressAuthor }) => ({ key, form, suppressAuthor }));
const keys = (text: string) => findCitations(text, scanZones(text)).map((c) => c.key);

describe('Pandoc citations', () => {
  it('reads the bracketed forms of the manual, with prefixes, locators and several keys', () => {
    expect(keys('Blah blah [see @doe99, pp. 33-35; also @smith04, chap. 1].')).toEqual(['doe99', 'smith04']);
    expect(keys('Blah blah [@doe99, pp. 33-35, 38-39 and *passim*].')).toEqual(['doe99']);
    expect(keys('Blah blah [@smith04; @doe99].')).toEqual(['smith04', 'doe99']);
    expect(keys('[@smith{ii, A, D-Z}, with a suffix]')).toEqual(['smith']);
    expect(keys('[@smith, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here]')).toEqual(['smith']);
    expect(cite('Blah blah [@doe99].')).toEqual([{ key: 'doe99', form: 'bracketed', suppressAuthor: false }]);
  });

  it('reads the author-in-text forms and the suppressed author', () => {
    expect(cite('@smith04 says blah.')).toEqual([{ key: 'smith04', form: 'in-text', suppressAuthor: false }]);
    expect(cite('@smith04 [p. 33] says blah.')).toEqual([{ key: 'smith04', form: 'in-text', suppressAuthor: false }]);
    expect(cite('Smith says blah [-@smith04].')).toEqual([{ key: 'smith04', form: 'bracketed', suppressAuthor: true }]);
  });

  it('keeps internal punctuation of a key, drops trailing punctuation, and reads braced keys', () => {
    expect(keys('As @wei2022:chain-of-thought. shows')).toEqual(['wei2022:chain-of-thought']);
    expect(keys('See @Doe_2020.')).toEqual(['Doe_2020']);
    expect(keys('Foo was invented in 1893 [@{Foo}, p. 3].')).toEqual(['Foo']);
    expect(keys('[@{https://example.com/bib?name=foobar&date=2000}, p.  33]')).toEqual(['https://example.com/bib?name=foobar&date=2000']);
    expect(readCitationKey('@doe99)', 1)).toEqual({ key: 'doe99', end: 6 });
    expect(keys('BBT keys keep non-ASCII letters: [@张伟2023多模态]')).toEqual(['张伟2023多模态']);
  });

  it('counts [[@key]] links, with or without display text', () => {
    expect(cite('See [[@doe99]] and [[@smith04|Smith]].')).toEqual([
      { key: 'doe99', form: 'wikilink', suppressAuthor: false },
      { key: 'smith04', form: 'wikilink', suppressAuthor: false },
    ]);
  });

  it('is not fooled by e-mail addresses, handles in URLs, code, math, comments or link destinations', () => {
    expect(keys('Write to john@example.com or <jane@example.org>.')).toEqual([]);
    expect(keys('Profile: https://mastodon.social/@doe99 (bare URL)')).toEqual([]);
    expect(keys('Decorators like `@doe99` and\n```\n[@doe99]\n```\n')).toEqual([]);
    expect(keys('Math $a@b$ and $$\n[@doe99]\n$$\n')).toEqual([]);
    expect(keys('%% [@doe99] %% <!-- [@smith04] -->')).toEqual([]);
    expect(keys('[a link](https://x.org/@doe99) and ![img](pics/@doe99.png)')).toEqual([]);
    expect(keys('---\nauthor: "@doe99"\n---\nBody')).toEqual([]);
  });

  it('is not a citation when the bracket is a link or a footnote', () => {
    expect(keys('[see @doe99](https://example.org)')).toEqual([]); // a link's text: Pandoc nests no citation in a link
    expect(keys('[^1]: A footnote, not a citation.')).toEqual([]);
  });
});

describe('the citations of a note', () => {
  it('counts per key and tells keys cited only in the author-in-text form', () => {
    const cites = citationsInNote('Drafts/survey.md', 'ICL [@brown2020] and CoT [@wei2022; @brown2020]. @kojima2022 says…');
    expect([...cites.counts]).toEqual([
      ['brown2020', 2],
      ['wei2022', 1],
      ['kojima2022', 1],
    ]);
    expect([...cites.inTextOnly]).toEqual(['kojima2022']);
  });

  it('reads nothing in other plugins\' files and in the "Cited in" section', () => {
    expect(citationsInNote('Drawing.excalidraw.md', '[@doe99]').counts.size).toBe(0);
    const note = 'Text [@a].\n\n%% zcn:begin cited-in %%\n## Cited in (1)\n\n- [[@b]] [@c]\n%% zcn:end cited-in %%\n';
    expect([...citationsInNote('Literature/x.md', note).counts.keys()]).toEqual(['a']);
  });
});
