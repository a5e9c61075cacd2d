import { parse } from 'yaml';
import { renderNote, type RenderContext } from '../../../src/core/notes/render-note';
import { defaultSettings, type Settings } from '../../../src/core/settings/settings';
import type { Paper } from '../../../src/core/library/paper';
import { annotatedPaper } from '../library/zotero-notes/annotation-fixture';
import { expectGolden } from './golden';
import { readPaper } from './golden-papers';

// 2025-09-30 21:14:40 in UTC (jest runs with TZ=UTC), the survey note's date.
const IMPORT = new Date(Date.UTC(2025, 8, 30, 21, 14, 40));

function ctx(language: 'en' | 'zh', settings: Partial<Settings> = {}): RenderContext {
  return { settings: { ...defaultSettings(), ...settings }, importDate: IMPORT, language };
}

// Golden file, fixture, citekey, render context: real exports read by readLibrary, rendered with the built-in template.
const cases: [string, string, string, RenderContext][] = [
  ['biblatex-sen2016.zh.md', 'bbt/arxiv-identifiers-460.biblatex.bib', 'Sen.2016.BV', ctx('zh', { categories: ['NOVA'] })],
  ['biblatex-ronnow2014.en.md', 'bbt/arxiv-identifiers-460.biblatex.bib', 'Ronnow.2014.Defining', ctx('en')],
  ['biblatex-arxiv-preprint-he2015.en.md', 'bbt/arxiv-preprint-keys-2163.biblatex.bib', '_preprinthe_delving_deep_into_rectifiers_2015', ctx('en')],
  ['csl-json-brown2014.en.md', 'bbt/csl-26-items-1179.csl.json', 'brown2014', ctx('en')],
  ['bbt-json-riese20-abstract-with-notes.zh.md', 'bbt/collections-notes-1768.bbt.json', 'riese20', ctx('zh', { summarySource: 'first-note' })], // the setting leaves the note's Summary alone
  ['cjk-fayixue2003.zh.md', 'bbt/chinese-zh-cn-googlebooks-2391.biblatex.bib', 'FayixueTiedaoSunshangTupu', ctx('zh')],
  ['cjk-split-name-lin.zh.md', 'bbt/cjk-names-split-2624.biblatex.bib', 'Lin.ZhSplitField', ctx('zh')],
  ['biblatex-attachment-adams2015.en.md', 'bbt/date-ranges-747-746.biblatex.bib', 'Adams2015', ctx('en')],
  ['bibtex-windows-path-wainwright2007.en.md', 'bbt/file-windows-path-1939.bibtex.bib', 'wainwright-2007-GraphicalModelsExponential', ctx('en')],
];

describe('rendered notes (golden files)', () => {
  it.each(cases)('%s', (name, fixture, citekey, context) => {
    const note = renderNote(readPaper(fixture, citekey), context);
    expectGolden(name, note.text);
    // The text is the serialised front matter followed by the body, and the front matter reads back as the values.
    const m = /^---\n([\s\S]*?)---\n/.exec(note.text);
    expect(m).not.toBeNull();
    expect(parse(m![1])).toEqual(note.frontMatter);
    expect(note.text.slice(m![0].length)).toBe(note.body);
    expect(note.regions.map((r) => r.id).slice(0, 2)).toEqual(['header', 'summary']);
  });

  // Our own BBT JSON fixture with Zotero note HTML: the annotations and Zotero notes sections.
  const annotated: [string, () => Paper, RenderContext, string[]][] = [
    ['annotations-wei2022.zh.md', () => annotatedPaper('weiChainofthoughtPromptingElicits2022'), ctx('zh'), ['header', 'summary', 'annotations', 'zotero-notes']],
    [
      'annotations-wei2022-labels.en.md',
      () => annotatedPaper('weiChainofthoughtPromptingElicits2022'),
      ctx('en', { annotationColorLabels: { red: 'Important', green: 'Method' } }),
      ['header', 'summary', 'annotations', 'zotero-notes'],
    ],
    ['annotations-group-lewis2020.en.md', () => annotatedPaper('lewisRetrievalaugmentedGeneration2020'), ctx('en'), ['header', 'summary', 'annotations', 'zotero-notes']],
  ];

  it.each(annotated)('%s', (name, paper, context, regions) => {
    const note = renderNote(paper(), context);
    expectGolden(name, note.text);
    expect(note.regions.map((r) => r.id)).toEqual(regions);
  });

  it('is deterministic', () => {
    const paper = readPaper('bbt/collections-notes-1768.bbt.json', 'riese20');
    expect(renderNote(paper, ctx('zh')).text).toBe(renderNote(structuredClone(paper), ctx('zh')).text);
  });
});
