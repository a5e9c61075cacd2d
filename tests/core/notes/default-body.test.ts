import fc from 'fast-check';
import { arxivAbsUrl, zoteroSelectUri, type Paper } from '../../../src/core/library/paper';
import { renderDefaultBody } from '../../../src/core/notes/default-body';
import { DEFAULT_NOTE_TEMPLATE, DEFAULT_TEMPLATE_NAME } from '../../../src/core/notes/default-template';
import type { NoteLanguage } from '../../../src/core/notes/i18n';
import { compileTemplate } from '../../../src/core/notes/template';
import { buildTemplateContext, type TemplateContextOptions } from '../../../src/core/notes/template-context';
import { ANNOTATION_COLOR_NAMES, type Annotation } from '../../../src/core/library/annotation';
import { defaultSettings, type SummarySource } from '../../../src/core/settings/settings';
import { GOLDEN_PAPERS } from './golden-papers';

// The built-in template through Handlebars: what renderDefaultBody must give, byte for byte.
const handlebars = compileTemplate(DEFAULT_NOTE_TEMPLATE, DEFAULT_TEMPLATE_NAME);

function options(language: NoteLanguage, summarySource: SummarySource, labelled = false): TemplateContextOptions {
  const annotationColorLabels = labelled ? { red: 'Important', blue: '方法' } : {};
  return { settings: { ...defaultSettings(), summarySource, annotationColorLabels }, importDate: new Date(Date.UTC(2025, 8, 30, 21, 14, 40)), language };
}

/** The outcome of a render: its text and regions, or the error it threw. */
function outcome(render: () => unknown): unknown {
  try {
    return render();
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function expectSameAsHandlebars(paper: Paper, opts: TemplateContextOptions): void {
  const viaHandlebars = outcome(() => handlebars.renderWithRegions(buildTemplateContext(paper, opts)));
  expect(outcome(() => renderDefaultBody(paper, opts))).toEqual(viaHandlebars);
}

// Text full of what could trip a renderer: blank lines, edge whitespace, CRLF, percent signs (markers), links, CJK.
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\t', '\n', '\r\n', '\r', '%', '%%', '%% zcn:end summary %%', '[[x]]', '](y)', '#', ':', '-', '中', '文', '😀', '\u00a0'), maxLength: 14 });
const optionalText = fc.option(text, { nil: null });
const annotation: fc.Arbitrary<Annotation> = fc.record({
  type: fc.constantFrom('highlight', 'underline', 'image', 'note'),
  text,
  comment: text,
  color: fc.constantFrom('#ffd400', '#ff6666', '', '#123456'),
  colorName: fc.option(fc.constantFrom(...ANNOTATION_COLOR_NAMES), { nil: null }),
  page: fc.option(fc.constantFrom('3', 'iv', '%%', ''), { nil: null }),
  key: fc.constantFrom('ABCD2345', 'N1A2B3C4', 'KEY'),
  attachmentKey: fc.option(fc.constant('P3DHX7KQ'), { nil: null }),
  link: fc.option(fc.constantFrom('zotero://open-pdf/library/items/P3DHX7KQ?page=3&annotation=ABCD2345', 'zotero://open-pdf/groups/1/items/X (1)'), { nil: null }),
});

const randomPaper: fc.Arbitrary<Paper> = fc
  .record({
    citekey: fc.string({ unit: fc.constantFrom('a', 'b', '1', '_', ':', '%'), minLength: 1, maxLength: 8 }),
    title: text,
    authors: fc.array(fc.oneof(text, fc.constantFrom('Doe, Jane', '林, 秀贞', 'King, Jr., Martin', ', x')), { maxLength: 5 }),
    year: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }),
    venue: fc.oneof(optionalText, fc.constantFrom('arXiv', 'arXiv:1903.11114 [cs]')),
    abstract: optionalText,
    tags: fc.array(text, { maxLength: 4 }),
    arxiv: fc.option(fc.constantFrom('2503.06063', 'hep-th/9711200'), { nil: null }),
    doi: fc.option(fc.constantFrom('10.1/x', '10.1007/JHEP02(2016)087', '10.1/a b'), { nil: null }),
    attachments: fc.array(fc.constantFrom('/home/me/a b.pdf', 'C:\\Zotero\\x (1).pdf', 'https://example.org/landing page', '', 'notes.txt'), { maxLength: 3 }),
    notes: fc.array(text, { maxLength: 2 }),
    annotations: fc.array(annotation, { maxLength: 3 }),
    attachmentLinks: fc.constantFrom<Record<string, string>>({}, { '/home/me/a b.pdf': 'zotero://open-pdf/library/items/ABCD2345' }),
  })
  .map((f) => ({ ...f, date: null, type: 'article', collections: [], arxivUrl: f.arxiv ? arxivAbsUrl(f.arxiv) : null, url: null, zoteroUri: zoteroSelectUri(f.citekey) }));

describe('the built-in template rendered in code', () => {
  it('gives what the template gives through Handlebars for the golden papers', () => {
    for (const golden of Object.values(GOLDEN_PAPERS)) {
      for (const language of ['en', 'zh'] as const) {
        for (const source of ['abstract', 'first-note'] as const) expectSameAsHandlebars(golden().paper, options(language, source));
      }
    }
  });

  it('gives what the template gives through Handlebars for any paper', () => {
    fc.assert(
      fc.property(randomPaper, fc.constantFrom<NoteLanguage>('en', 'zh'), fc.constantFrom<SummarySource>('abstract', 'first-note'), fc.boolean(), (paper, language, source, labelled) => {
        expectSameAsHandlebars(paper, options(language, source, labelled));
      }),
      { numRuns: 1500 },
    );
  });
});
