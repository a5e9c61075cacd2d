/**
 * Papers with the values of real fixture entries, built by hand, for unit tests that need stable inputs (the
 * golden-file tests read the fixtures through readLibrary instead; see `readPaper`). Long texts (abstracts) are
 * read from the fixture itself.
 */
import { readLibrary } from '../../../src/core/library/read-library';
import { arxivAbsUrl, zoteroSelectUri, type Paper } from '../../../src/core/library/paper';
import { readFixture } from '../../support/fixtures';

/** The paper `citekey` of a fixture, as the library reader reads it. */
export function readPaper(fixture: string, citekey: string): Paper {
  const result = readLibrary(readFixture(fixture));
  const paper = result.papers.find((p) => p.citekey === citekey);
  if (!paper) throw new Error(`${citekey} not read from ${fixture}: ${JSON.stringify(result.errors)}`);
  return paper;
}

export interface GoldenPaper {
  fixture: string;
  paper: Paper;
}

function paper(fields: Partial<Paper> & Pick<Paper, 'citekey' | 'title' | 'type'>): Paper {
  const arxiv = fields.arxiv ?? null;
  return {
    authors: [],
    year: null,
    date: null,
    venue: null,
    abstract: null,
    tags: [],
    collections: [],
    arxiv,
    arxivUrl: arxiv ? arxivAbsUrl(arxiv) : null,
    doi: null,
    url: null,
    zoteroUri: zoteroSelectUri(fields.citekey),
    attachments: [],
    attachmentLinks: {},
    notes: [],
    annotations: [],
    ...fields,
  };
}

/** The brace-delimited value of `field` in the BibTeX entry `citekey` (values without nested braces only). */
function bibField(fixture: string, citekey: string, field: string): string {
  const text = readFixture(fixture);
  const start = text.indexOf(`{${citekey},`);
  if (start < 0) throw new Error(`${citekey} not in ${fixture}`);
  const m = new RegExp(`\\n\\s*${field} = \\{([^{}]*)\\}`).exec(text.slice(start));
  if (!m) throw new Error(`${field} of ${citekey} not in ${fixture}`);
  return m[1];
}

function bbtJsonItem(fixture: string, citekey: string): Record<string, unknown> {
  const items = (JSON.parse(readFixture(fixture)) as { items: Record<string, unknown>[] }).items;
  const item = items.find((i) => i.citationKey === citekey);
  if (!item) throw new Error(`${citekey} not in ${fixture}`);
  return item;
}

const ARXIV_460 = 'bbt/arxiv-identifiers-460.biblatex.bib';
const PREPRINTS_2163 = 'bbt/arxiv-preprint-keys-2163.biblatex.bib';
const CSL_1179 = 'bbt/csl-26-items-1179.csl.json';
const NOTES_1768 = 'bbt/collections-notes-1768.bbt.json';
const ZH_2391 = 'bbt/chinese-zh-cn-googlebooks-2391.biblatex.bib';

/** BibLaTeX: published article with DOI and arXiv id, tags with punctuation. */
export function senBV(): GoldenPaper {
  return {
    fixture: ARXIV_460,
    paper: paper({
      citekey: 'Sen.2016.BV',
      title: 'BV Master Action for Heterotic and Type II String Field Theories',
      type: 'article',
      authors: ['Sen, Ashoke'],
      year: 2016,
      date: '2016-02',
      venue: 'Journal of High Energy Physics',
      abstract: bibField(ARXIV_460, 'Sen.2016.BV', 'abstract'),
      tags: ['_tablet', 'Batalin-Vilkoviski formalism', 'covariant string field theory', 'futur: 3', 'note: 4', 'printed', 'superstring field theory'],
      arxiv: '1508.05387',
      doi: '10.1007/JHEP02(2016)087',
      url: 'http://arxiv.org/abs/1508.05387',
    }),
  };
}

/** BibLaTeX: nine authors (byline shortened), Unicode name. */
export function ronnow2014(): GoldenPaper {
  return {
    fixture: ARXIV_460,
    paper: paper({
      citekey: 'Ronnow.2014.Defining',
      title: 'Defining and Detecting Quantum Speedup',
      type: 'article',
      authors: ['Rønnow, Troels F.', 'Wang, Zhihui', 'Job, Joshua', 'Boixo, Sergio', 'Isakov, Sergei V.', 'Wecker, David', 'Martinis, John M.', 'Lidar, Daniel A.', 'Troyer, Matthias'],
      year: 2014,
      date: '2014-07-25',
      venue: 'Science',
      abstract: bibField(ARXIV_460, 'Ronnow.2014.Defining', 'abstract'),
      tags: ['Quantum Physics'],
      arxiv: '1401.2910',
      doi: '10.1126/science.1252319',
      url: 'http://arxiv.org/abs/1401.2910',
    }),
  };
}

/** An arXiv preprint (@unpublished, no venue); `\%` in the abstract decoded as the reader does. */
export function he2015(): GoldenPaper {
  const key = '_preprinthe_delving_deep_into_rectifiers_2015';
  return {
    fixture: PREPRINTS_2163,
    paper: paper({
      citekey: key,
      title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
      type: 'unpublished',
      authors: ['He, Kaiming', 'Zhang, Xiangyu', 'Ren, Shaoqing', 'Sun, Jian'],
      year: 2015,
      date: '2015-02-06',
      abstract: bibField(PREPRINTS_2163, key, 'abstract').replace(/\\%/g, '%'),
      tags: ['Computer Science - Artificial Intelligence', 'Computer Science - Computer Vision and Pattern Recognition', 'Computer Science - Machine Learning'],
      arxiv: '1502.01852',
      url: 'http://arxiv.org/abs/1502.01852',
    }),
  };
}

/** CSL JSON: short DOI, URL, no abstract, no tags. */
export function brown2014(): GoldenPaper {
  const item = (JSON.parse(readFixture(CSL_1179)) as Record<string, unknown>[]).find((i) => i.id === 'brown2014');
  if (!item) throw new Error('brown2014 not in fixture');
  return {
    fixture: CSL_1179,
    paper: paper({
      citekey: 'brown2014',
      title: item.title as string,
      type: 'article-journal',
      authors: ['Brown, Robyn Lewis'],
      year: 2014,
      date: '2014',
      venue: item['container-title'] as string,
      doi: item.DOI as string,
      url: item.URL as string,
    }),
  };
}

/** BBT JSON: collections, a Zotero note (HTML converted to Markdown), arXiv id from `extra`. */
export function riese20(): GoldenPaper {
  const item = bbtJsonItem(NOTES_1768, 'riese20');
  return {
    fixture: NOTES_1768,
    paper: paper({
      citekey: 'riese20',
      title: item.title as string,
      type: 'journalArticle',
      authors: ['Riese, Felix M.', 'Keller, Sina'],
      year: 2020,
      date: '2020-01-08',
      venue: item.publicationTitle as string,
      abstract: item.abstractNote as string,
      tags: ['Computer Science - Computer Vision and Pattern Recognition', 'Computer Science - Machine Learning', 'Nuovo', 'Statistics - Machine Learning'],
      collections: ['Classification'],
      arxiv: '1903.11114',
      url: item.url as string,
      notes: ['Comment: An extended and peer-reviewed version exists at doi:10.3390/rs12010007'],
    }),
  };
}

/** CJK: Chinese title, split Chinese name, Chinese publisher and abstract. */
export function fayixue2003(): GoldenPaper {
  return {
    fixture: ZH_2391,
    paper: paper({
      citekey: 'FayixueTiedaoSunshangTupu',
      title: '法医学铁道损伤图谱',
      type: 'book',
      authors: ['肖, 发民'],
      year: 2003,
      date: '2003',
      venue: '郑州大学出版社',
      abstract: bibField(ZH_2391, 'FayixueTiedaoSunshangTupu', 'abstract'),
    }),
  };
}

const RANGES_747 = 'bbt/date-ranges-747-746.biblatex.bib';

/** BibLaTeX: title starting "746: " (YAML syntax), seven authors, a PDF attachment (path as BBT's tests write it). */
export function adams2015(): GoldenPaper {
  return {
    fixture: RANGES_747,
    paper: paper({
      citekey: 'Adams2015',
      title: '746: The Physical Volcanology of the 1600 Eruption of Huaynaputina, Southern Peru',
      type: 'article',
      authors: ['Adams, Nancy K', 'DeSilva, Shanaka L', 'Self, Steven', 'Salas, Guido', 'Schubring, Steven', 'Permenter, Jason L', 'Arbesman, Kendra'],
      year: 2015,
      date: '2015-06-22',
      venue: 'Bulletin of Volcanology',
      tags: ['breadcrust', 'plinian', 'Vulcanian eruptions'],
      attachments: [bibField(RANGES_747, 'Adams2015', 'file')],
    }),
  };
}

/** Every golden paper, for checks that run over all of them. */
export const GOLDEN_PAPERS: Record<string, () => GoldenPaper> = { senBV, ronnow2014, he2015, brown2014, riese20, fayixue2003, adams2015 };
