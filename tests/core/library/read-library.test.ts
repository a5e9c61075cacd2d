import { readLibrary } from '../../../src/core/library/read-library';
import { UnrecognizedExportError } from '../../../src/core/library/paper';

const bibEntry = (key: string, extra = '') => `@article{${key},\n  title = {Title ${key}},\n  author = {Doe, Jane},\n  year = 2020${extra}\n}\n`;

describe('readLibrary: format detection', () => {
  it('tells Better BibLaTeX from Better BibTeX by their fields', () => {
    expect(readLibrary('@article{a,\n  title = {T},\n  date = {2020-01-02},\n  journaltitle = {J}\n}\n').format).toBe('biblatex');
    expect(readLibrary('@article{a,\n  title = {T},\n  year = 2020,\n  journal = {J}\n}\n').format).toBe('bibtex');
    expect(readLibrary('@misc{a,\n  title = {T}\n}\n').format).toBe('bibtex'); // no evidence: BibTeX
  });

  it('reads CSL JSON, Zotero CSL JSON, BBT JSON and CSL YAML from their content', () => {
    expect(readLibrary('[{"id":"a","type":"book","title":"T"}]').format).toBe('csl-json');
    expect(readLibrary('[{"id":"http://zotero.org/users/1/items/ABCD2345","type":"book","title":"T"}]').format).toBe('zotero-csl-json');
    expect(readLibrary('{"config":{},"items":[{"itemType":"book","citationKey":"a","title":"T"}]}').format).toBe('bbt-json');
    expect(readLibrary('---\nreferences:\n- id: a\n  type: book\n  title: T\n...\n').format).toBe('csl-yaml');
    expect(readLibrary('\uFEFF@article{a,\n  title = {T}\n}').papers.map((p) => p.citekey)).toEqual(['a']);
  });

  it('reads CSL YAML as YAML 1.2 core: a repeated key keeps the last value, date-like and numeric scalars stay as written', () => {
    const text =
      '---\nreferences:\n- id: a\n  type: article-journal\n  title: First\n  title: Second\n  note: 2021-05-03\n' +
      '  issued:\n    date-parts:\n      - [2020, 5]\n- id: 2019\n  type: book\n  title: yes\n...\n';
    const result = readLibrary(text);
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => [p.citekey, p.title, p.year])).toEqual([
      ['a', 'Second', 2020],
      ['2019', 'yes', null], // YAML 1.1 would have read the title as the boolean true
    ]);
  });

  it('reads Windows line endings', () => {
    const text = (bibEntry('a') + bibEntry('b', ',\n  publisher = {Taylor {{\\&} Francis}') + bibEntry('c')).replace(/\n/g, '\r\n');
    const result = readLibrary(text);
    expect(result.papers.map((p) => [p.citekey, p.title, p.year])).toEqual([
      ['a', 'Title a', 2020],
      ['b', 'Title b', 2020],
      ['c', 'Title c', 2020],
    ]);
    expect(result.warnings).toEqual(['line 6: b: read field by field because its braces never close before the next entry; unbalanced braces repaired in "publisher"']);
  });

  it.each([
    ['an empty file', ''],
    ['blank lines', '  \n\n'],
    ['prose', 'Dear colleague, please find the paper attached.\n'],
    ['HTML', '<!DOCTYPE html><html><body>@media{x}</body></html>'],
    ['truncated JSON', '[{"id":"a","type":"bo'],
    ['other JSON', '{"name":"package","version":"1.0.0"}'],
    ['a JSON array of numbers', '[1, 2, 3]'],
    ['YAML that is not CSL', '---\nreferences: 3\n'],
  ])('throws UnrecognizedExportError for %s', (_what, text) => {
    expect(() => readLibrary(text)).toThrow(UnrecognizedExportError);
  });

  it('reads a recognisable export without entries as 0 papers, with a warning', () => {
    for (const text of ['[]', '@comment{nothing here}\n', '{"items":[]}']) {
      const result = readLibrary(text);
      expect(result.papers).toEqual([]);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual(['the export contains no entries']);
    }
  });
});

describe('readLibrary: citation keys', () => {
  it('reports an exact duplicate key as an error on the later entry, naming the earlier line', () => {
    const text = bibEntry('dup') + bibEntry('other') + bibEntry('dup', ',\n  note = {second copy}');
    const result = readLibrary(text);
    expect(result.papers.map((p) => p.citekey)).toEqual(['dup', 'other']);
    expect(result.errors).toEqual([{ line: 11, citekey: 'dup', message: 'duplicate citation key: the entry at line 1 already uses "dup"; this entry was not read' }]);
  });

  it('keeps keys that differ only in case, with one warning listing them', () => {
    const result = readLibrary(bibEntry('liu_2018') + bibEntry('Liu_2018') + bibEntry('LIU_2018') + bibEntry('kim_2019') + bibEntry('Kim_2019'));
    expect(result.papers).toHaveLength(5);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      '2 sets of citation keys differ only in letter case (all are read, but notes named after them clash on case-insensitive file systems such as macOS and Windows): liu_2018 / Liu_2018 / LIU_2018, kim_2019 / Kim_2019',
    ]);
  });

  it('does not treat BibTeX `ids` aliases as keys', () => {
    const result = readLibrary(bibEntry('new_key', ',\n  ids = {old_key, other_alias}') + bibEntry('old_key2'));
    expect(result.papers.map((p) => p.citekey)).toEqual(['new_key', 'old_key2']);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps the rest of the file when one entry fails, errors in file order', () => {
    const text = `${bibEntry('a')}@article{,\n  title = {no key}\n}\n${bibEntry('b')}@article{c,\n  just garbage\n}\n${bibEntry('d')}`;
    const result = readLibrary(text);
    expect(result.papers.map((p) => p.citekey)).toEqual(['a', 'b', 'd']);
    expect(result.errors.map((e) => [e.line, e.citekey])).toEqual([
      [6, null],
      [14, 'c'],
    ]);
  });
});

describe('readLibrary: Better CSL JSON', () => {
  it('splits the keyword string into tags and reads arXiv preprints the way Zotero 7 exports them', () => {
    const item = {
      id: 'weiChainofthoughtPromptingElicits2022',
      'citation-key': 'weiChainofthoughtPromptingElicits2022',
      type: 'article',
      title: 'Chain-of-thought prompting elicits reasoning in large language models',
      author: [{ family: 'Wei', given: 'Jason' }, { literal: 'Google Research' }, { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }],
      publisher: 'arXiv',
      number: '2201.11903',
      DOI: '10.48550/arXiv.2201.11903',
      keyword: 'CoT, reasoning, 思维链, CoT',
      issued: { 'date-parts': [[2022, 1, 28]] },
    };
    const [paper] = readLibrary(JSON.stringify([item])).papers;
    expect(paper.tags).toEqual(['CoT', 'reasoning', '思维链']);
    expect(paper.authors).toEqual(['Wei, Jason', 'Google Research', 'van Gogh, Vincent']);
    expect([paper.arxiv, paper.venue, paper.date, paper.doi]).toEqual(['2201.11903', 'arXiv', '2022-01-28', '10.48550/arXiv.2201.11903']);
  });
});

describe('readLibrary: Zotero CSL JSON', () => {
  it('derives keys from item URIs, links to the item and warns that keys are missing', () => {
    const text = JSON.stringify([
      { id: 'http://zotero.org/users/11849727/items/SRPXTB5E', type: 'book', title: 'Science Process and Discovery', issued: { 'date-parts': [['1985', 1, 1]] } },
      { id: 'http://zotero.org/groups/42/items/ZRTYYEUK', type: 'book', title: 'Thermodynamics' },
    ]);
    const result = readLibrary(text);
    expect(result.papers.map((p) => [p.citekey, p.zoteroUri, p.date])).toEqual([
      ['SRPXTB5E', 'zotero://select/library/items/SRPXTB5E', '1985-01-01'],
      ['ZRTYYEUK', 'zotero://select/groups/42/items/ZRTYYEUK', null],
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^This is Zotero's own CSL JSON, which has no citation keys: the 2 keys were derived from Zotero item keys/);
  });
});

describe('readLibrary: BetterBibTeX JSON', () => {
  const doc = {
    config: { localeDateOrder: 'dmy' },
    collections: {
      P1: { key: 'P1', name: 'Methodology', parent: '', collections: ['C1'], items: [1] },
      C1: { key: 'C1', name: 'Self-efficacy', parent: 'P1', collections: [], items: [1, 'KEY2'] },
    },
    items: [
      {
        itemID: 1,
        key: 'KEY1',
        itemType: 'preprint',
        citationKey: 'ouyang2022training',
        title: 'Training language models to follow instructions with <i>human feedback</i>',
        creators: [
          { creatorType: 'author', firstName: 'Long', lastName: 'Ouyang' },
          { creatorType: 'editor', firstName: 'Ed', lastName: 'Itor' },
          { creatorType: 'author', name: 'OpenAI' },
        ],
        date: '04/03/2022',
        repository: 'arXiv',
        archiveID: 'arXiv:2203.02155',
        DOI: 'https://doi.org/10.48550/arXiv.2203.02155',
        tags: [{ tag: 'RLHF' }, { tag: '指令微调', type: 1 }, { tag: 'RLHF' }],
        attachments: [{ path: '/Users/me/Zotero/storage/AB12CD34/Ouyang.pdf', title: 'PDF' }, { url: 'https://arxiv.org/abs/2203.02155', title: 'Link' }],
        notes: [{ note: '<p>Uses <b>PPO</b>.</p>', key: 'N1' }],
      },
      { itemID: 2, key: 'KEY2', itemType: 'journalArticle', title: 'No key here', extra: 'arXiv: hep-th/9711200v1', creators: [] },
      { itemID: 3, key: 'KEY3', itemType: 'attachment', title: 'standalone.pdf' },
      { itemID: 4, key: 'KEY4', itemType: 'note', note: '<p>standalone</p>' },
    ],
  };

  it('maps Zotero fields, collections as paths, attachments and notes', () => {
    const result = readLibrary(JSON.stringify(doc));
    const [p, q] = result.papers;
    expect(p).toEqual({
      citekey: 'ouyang2022training',
      title: 'Training language models to follow instructions with human feedback',
      authors: ['Ouyang, Long', 'OpenAI'],
      year: 2022,
      date: '2022-03-04',
      type: 'preprint',
      venue: 'arXiv',
      abstract: null,
      tags: ['RLHF', '指令微调'],
      collections: ['Methodology', 'Methodology/Self-efficacy'],
      arxiv: '2203.02155',
      arxivUrl: 'https://arxiv.org/abs/2203.02155',
      doi: '10.48550/arXiv.2203.02155',
      url: null,
      zoteroUri: 'zotero://select/library/items/KEY1', // by item key: every Zotero follows it, phones too
      attachments: ['/Users/me/Zotero/storage/AB12CD34/Ouyang.pdf', 'https://arxiv.org/abs/2203.02155'],
      // The stored PDF opens in Zotero's reader; the web link has no reader link.
      attachmentLinks: { '/Users/me/Zotero/storage/AB12CD34/Ouyang.pdf': 'zotero://open-pdf/library/items/AB12CD34' },
      notes: ['Uses **PPO**.'],
      annotations: [],
    });
    expect([q.citekey, q.arxiv, q.collections, q.zoteroUri]).toEqual(['KEY2', 'hep-th/9711200', ['Methodology/Self-efficacy'], 'zotero://select/library/items/KEY2']);
    expect(result.papers).toHaveLength(2);
    expect(result.warnings).toEqual([
      '1 standalone attachment skipped: only regular Zotero items become papers',
      '1 standalone note skipped: only regular Zotero items become papers',
      '1 item has no citation key; its key was derived from its Zotero item key or ID (KEY2)',
    ]);
  });
});
