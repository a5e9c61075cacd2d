import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplateContext } from '../../../src/core/notes/template-context';
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

  it('documents every variable in docs/templates.md, and nothing more', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/templates.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Variables'), doc.indexOf('## Helpers'));
    const documented = [...section.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(buildTemplateContext(senBV().paper, options)).sort());
    const entryRow = section.split('\n').find((l) => l.startsWith('| `entry` |'))!;
    for (const key of Object.keys(buildTemplateContext(senBV().paper, options).entry)) expect(entryRow).toContain(`\`${key}\``);
  });
});
