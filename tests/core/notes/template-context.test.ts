import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplateContext } from '../../../src/core/notes/template-context';
import { annotatedPaper } from '../library/zotero-notes/annotation-fixture';
import { defaultSettings } from '../../../src/core/settings/settings';
import { adams2015, he2015, senBV } from './golden-papers';

const IMPORT = new Date(Date.UTC(2025, 8, 30, 21, 14, 40));
const options = { settings: defaultSettings(), importDate: IMPORT, language: 'zh' as const };

describe('template context', () => {
  it('fills the Citations plugin variables with their meanings', () => {
    const c = buildTemplateContext(senBV().paper, options);
    expect({
      citekey: c.citekey,
      authorString: c.authorString,
      containerTitle: c.containerTitle,
      DOI: c.DOI,
      eprint: c.eprint,
      eprinttype: c.eprinttype,
      year: c.year,
      URL: c.URL,
      zoteroSelectURI: c.zoteroSelectURI,
      page: c.page,
      note: c.note,
    }).toEqual({
      citekey: 'Sen.2016.BV',
      authorString: 'Ashoke Sen',
      containerTitle: 'Journal of High Energy Physics',
      DOI: '10.1007/JHEP02(2016)087',
      eprint: '1508.05387',
      eprinttype: 'arXiv',
      year: '2016',
      URL: 'http://arxiv.org/abs/1508.05387',
      zoteroSelectURI: 'zotero://select/items/@Sen.2016.BV',
      page: null,
      note: null,
    });
    expect(c.entry.author).toEqual([{ given: 'Ashoke', family: 'Sen' }]);
    expect(c.entry.id).toBe('Sen.2016.BV');
    expect(c.entry.issuedDate).toBe('2016-02');
  });

  it('gives a preprint the arXiv container title and our links', () => {
    const c = buildTemplateContext(he2015().paper, { ...options, language: 'en' });
    expect(c.containerTitle).toBe('arXiv:1502.01852');
    expect(c.venue).toBeNull();
    expect(c.arxivLink).toBe('[arXiv:1502.01852](https://arxiv.org/abs/1502.01852)');
    expect(c.byline).toBe(
      'Kaiming He, Xiangyu Zhang, Shaoqing Ren et al. · 2015 · [arXiv:1502.01852](https://arxiv.org/abs/1502.01852) · [Open in Zotero](zotero://select/items/@_preprinthe_delving_deep_into_rectifiers_2015)',
    );
    expect(c.tagsLine).toBe('tags: Computer Science - Artificial Intelligence, Computer Science - Computer Vision and Pattern Recognition, Computer Science - Machine Learning');
    expect(c.importDate).toBe('2025-09-30 21:14:40');
    expect(c.importDateIso).toBe('2025-09-30T21:14:40.000Z');
  });

  it('links the PDF attachment', () => {
    const c = buildTemplateContext({ ...adams2015().paper, attachments: ['https://example.org/landing', '/home/me/Zotero/storage/X1/Adams 2015.pdf'] }, options);
    expect(c.pdf?.name).toBe('Adams 2015.pdf');
    expect(c.pdfLink).toBe('[PDF](file:///home/me/Zotero/storage/X1/Adams%202015.pdf)');
    expect(c.attachments.map((a) => a.isPdf)).toEqual([false, true]);
    expect(c.tagsLine).toBe('tags：breadcrust、plinian、Vulcanian eruptions');
  });

  it('opens a PDF Zotero stores in Zotero’s reader, and never links a file on another computer or a non-web URL', () => {
    const stored = '/home/me/Zotero/storage/X1Y2Z3W4/Adams 2015.pdf';
    const c = buildTemplateContext({ ...adams2015().paper, attachments: [stored], attachmentLinks: { [stored]: 'zotero://open-pdf/library/items/X1Y2Z3W4' } }, options);
    expect(c.pdfLink).toBe('[PDF](zotero://open-pdf/library/items/X1Y2Z3W4)');
    expect(c.pdf?.url).toBe('file:///home/me/Zotero/storage/X1Y2Z3W4/Adams%202015.pdf');
    const remote = buildTemplateContext({ ...adams2015().paper, attachments: ['\\\\attacker.example\\share\\paper.pdf'], url: 'javascript:alert(1)' }, options);
    expect([remote.pdf, remote.pdfLink, remote.attachments[0].url, remote.url, remote.URL]).toEqual([null, null, null, null, null]);
  });

  it('gives templates the annotations with Zotero Integration’s names and the Zotero notes', () => {
    const c = buildTemplateContext(annotatedPaper('weiChainofthoughtPromptingElicits2022'), { ...options, settings: { ...defaultSettings(), annotationColorLabels: { red: '重要' } } });
    expect(c.annotations[1]).toMatchObject({
      annotatedText: 'chain-of-thought prompting is an emergent ability of model scale',
      colorCategory: 'Red',
      colorLabel: '重要',
      pageLabel: '3',
      desktopURI: 'zotero://open-pdf/library/items/P3DHX7KQ?page=3&annotation=RED7U2NB',
      blockId: 'ann-RED7U2NB',
    });
    expect(c.annotations[1].markdown.split('\n')[0]).toBe('> [!zotero-red] 重要 · 下划线');
    expect(c.zoteroNotes).toBe(c.notes[0]);
    expect(c.summary).toBeNull(); // no abstract, and the summary is never a note
  });

  it('documents every variable in docs/templates.md, and nothing more', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/templates.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Variables'), doc.indexOf('## Helpers'));
    const documented = [...section.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(buildTemplateContext(senBV().paper, options)).sort());
    const entryRow = section.split('\n').find((l) => l.startsWith('| `entry` |'))!;
    for (const key of Object.keys(buildTemplateContext(senBV().paper, options).entry)) expect(entryRow).toContain(`\`${key}\``);
    const fields = doc.slice(doc.indexOf('## Annotation fields'), doc.indexOf('## File names'));
    const documentedFields = [...fields.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]);
    const paper = annotatedPaper('weiChainofthoughtPromptingElicits2022');
    expect(documentedFields.sort()).toEqual(Object.keys(buildTemplateContext(paper, options).annotations[0]).sort());
  });
});
