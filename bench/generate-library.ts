/**
 * Deterministic synthetic Better BibTeX libraries for benchmarks: the same n items as Better BibLaTeX or as Better
 * CSL JSON. The mix follows a typical ML/NLP library: arXiv preprints, journal articles, conference papers, a share
 * of Chinese items (CJK titles, split CJK names), brace-protected acronyms, LaTeX accents, keywords, abstracts of
 * realistic length and attachment paths. Same n → same text, byte for byte. The BetterBibTeX JSON form can carry
 * annotation notes in Zotero's note HTML.
 */
import { annotationNoteHtml, itemUri } from '../tests/support/zotero-note-html';

interface Person {
  family: string;
  given: string;
  /** The family name as BibLaTeX writes it (LaTeX accents). */
  familyTex: string;
}

interface Item {
  key: string;
  kind: 'preprint' | 'article' | 'inproceedings' | 'cjk';
  title: string;
  /** Title with BBT brace protection and LaTeX escapes. */
  titleTex: string;
  authors: Person[];
  year: number;
  month: number;
  day: number;
  venue: string;
  arxiv: string | null;
  doi: string | null;
  abstract: string;
  keywords: string[];
  file: string;
  volume: number;
  pages: string;
}

/** mulberry32: a tiny seeded PRNG, so the libraries are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILIES: [string, string][] = [
  ['Vaswani', 'Vaswani'], ['Müller', 'M{\\"u}ller'], ['Brown', 'Brown'], ['Devlin', 'Devlin'], ['Radford', 'Radford'],
  ['Ouyang', 'Ouyang'], ['Wei', 'Wei'], ['Kojima', 'Kojima'], ['Touvron', 'Touvron'], ['Schölkopf', 'Sch{\\"o}lkopf'],
  ['García', 'Garc{\\\'i}a'], ['Nguyen', 'Nguyen'], ['Kaplan', 'Kaplan'], ['Hoffmann', 'Hoffmann'], ['Chowdhery', 'Chowdhery'],
  ['Zhang', 'Zhang'], ['Li', 'Li'], ['Wang', 'Wang'], ['Dvořák', 'Dvo{\\v r}{\\\'a}k'], ['Lévy', 'L{\\\'e}vy'],
];
const GIVENS = ['Ashish', 'Jacob', 'Tom B.', 'Alec', 'Long', 'Jason', 'Takeshi', 'Hugo', 'Bernhard', 'Ana', 'Minh', 'Jared', 'Jordan', 'Aakanksha', 'Yue', 'Wei', 'Xin', 'Petr', 'Zoé'];
const CJK_NAMES: [string, string][] = [['肖', '发民'], ['王', '小明'], ['李', '华'], ['张', '伟'], ['陈', '静'], ['刘', '洋']];
const TOPICS = ['In-Context Learning', 'Chain-of-Thought Prompting', 'Instruction Tuning', 'Reinforcement Learning from Human Feedback', 'Retrieval-Augmented Generation', 'Scaling Laws', 'Mixture of Experts', 'Sparse Attention', 'Tokenization', 'Preference Optimization'];
const ACRONYMS = ['LLM', 'BERT', 'GPT', 'RLHF', 'ICL', 'CoT', 'LoRA', 'RAG', 'MoE', 'PPO'];
const PATTERNS = ['Towards Robust {T} for {A} Models', 'On the Limits of {T}', 'A Survey of {T} in {A}', '{A}: Efficient {T} at Scale', 'Understanding {T} through the Lens of Optimization', 'Rethinking {T} \\& Evaluation for {A}'];
const CJK_TOPICS = ['指令微调', '上下文学习', '思维链推理', '人类反馈强化学习', '检索增强生成', '大语言模型'];
const JOURNALS = ['Journal of Machine Learning Research', 'Transactions of the Association for Computational Linguistics', 'Nature Machine Intelligence', 'Artificial Intelligence'];
const CONFERENCES = ['Advances in Neural Information Processing Systems', 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics', 'International Conference on Learning Representations', 'Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing'];
const CJK_JOURNALS = ['计算机学报', '中文信息学报', '软件学报'];
const KEYWORDS = ['Computer Science - Computation and Language', 'Computer Science - Machine Learning', 'Computer Science - Artificial Intelligence', 'LLM', 'alignment', 'reasoning', 'evaluation', '大语言模型', '指令微调', 'to-read'];
const WORDS = 'we propose a novel method that improves language model performance on reasoning benchmarks while reducing compute cost and our experiments show consistent gains across tasks datasets and model scales the approach relies on simple prompting strategies careful data curation and an analysis of failure modes which suggests directions for future work'.split(' ');
const CJK_SENTENCE = '本文提出一种新的方法，在多个推理基准上显著提升了大语言模型的性能，同时降低了计算成本。';

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function makeItem(i: number, rand: () => number): Item {
  const r = rand();
  const kind: Item['kind'] = r < 0.4 ? 'preprint' : r < 0.72 ? 'article' : r < 0.95 ? 'inproceedings' : 'cjk';
  const year = 2015 + Math.floor(rand() * 11);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const authorCount = 1 + Math.floor(rand() * 8);
  const authors: Person[] = [];
  for (let a = 0; a < authorCount; a++) {
    if (kind === 'cjk') {
      const [family, given] = pick(rand, CJK_NAMES);
      authors.push({ family, given, familyTex: family });
    } else {
      const [family, familyTex] = pick(rand, FAMILIES);
      authors.push({ family, given: pick(rand, GIVENS), familyTex });
    }
  }
  let title: string;
  let titleTex: string;
  if (kind === 'cjk') {
    title = `基于${pick(rand, CJK_TOPICS)}的${pick(rand, CJK_TOPICS)}研究`;
    titleTex = title;
  } else {
    const topic = pick(rand, TOPICS);
    const acronym = pick(rand, ACRONYMS);
    const pattern = pick(rand, PATTERNS);
    title = pattern.replace('{T}', topic).replace('{A}', acronym).replace('\\&', '&');
    titleTex = pattern.replace('{T}', topic.replace(/\b([A-Z][a-z]+)/g, '{{$1}}')).replace('{A}', `{{${acronym}}}`);
  }
  const abstractWords = 120 + Math.floor(rand() * 130);
  const words: string[] = [];
  for (let w = 0; w < abstractWords; w++) words.push(pick(rand, WORDS));
  const abstract = kind === 'cjk' ? CJK_SENTENCE.repeat(4) : words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  const keywords = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 5) }, () => pick(rand, KEYWORDS)))];
  const arxivNumber = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(10000 + ((i * 7919) % 89999)).padStart(5, '0')}`;
  const arxiv = kind === 'preprint' || (kind === 'article' && rand() < 0.3) ? arxivNumber : null;
  const venue = kind === 'article' ? pick(rand, JOURNALS) : kind === 'inproceedings' ? pick(rand, CONFERENCES) : kind === 'cjk' ? pick(rand, CJK_JOURNALS) : 'arXiv';
  const first = authors[0];
  const key = `${first.family.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'anon'}${title.split(' ')[0].replace(/[^A-Za-z]/g, '')}${year}_${i}`;
  return {
    key,
    kind,
    title,
    titleTex,
    authors,
    year,
    month,
    day,
    venue,
    arxiv,
    doi: kind === 'preprint' ? `10.48550/arXiv.${arxivNumber}` : `10.${1000 + (i % 9000)}/zcn.${year}.${i}`,
    abstract,
    keywords,
    file: `/Users/me/Zotero/storage/${(i * 2654435761 >>> 0).toString(36).toUpperCase().padStart(8, 'Q').slice(0, 8)}/${first.family} - ${year} - ${title.slice(0, 40)}.pdf`,
    volume: 1 + Math.floor(rand() * 40),
    pages: `${1 + Math.floor(rand() * 300)}--${301 + Math.floor(rand() * 300)}`,
  };
}

function items(n: number): Item[] {
  const rand = random(20240601);
  return Array.from({ length: n }, (_, i) => makeItem(i, rand));
}

const pad = (v: number) => String(v).padStart(2, '0');

function biblatexEntry(it: Item): string {
  const date = `${it.year}-${pad(it.month)}-${pad(it.day)}`;
  const lines = [`@${it.kind === 'preprint' ? 'online' : it.kind === 'inproceedings' ? 'inproceedings' : 'article'}{${it.key},`, `  title = {${it.titleTex}},`];
  lines.push(`  author = {${it.authors.map((a) => `${a.familyTex}, ${a.given}`).join(' and ')}},`);
  lines.push(`  date = {${date}},`);
  if (it.kind === 'article' || it.kind === 'cjk') lines.push(`  journaltitle = {${it.venue}},`, `  volume = {${it.volume}},`, `  pages = {${it.pages}},`);
  if (it.kind === 'inproceedings') lines.push(`  booktitle = {${it.venue}},`, `  pages = {${it.pages}},`, '  publisher = {Curran Associates, Inc.},');
  if (it.arxiv) lines.push(`  eprint = {${it.arxiv}},`, '  eprinttype = {arXiv},', '  eprintclass = {cs},');
  if (it.kind === 'preprint') lines.push('  pubstate = {prepublished},', `  url = {http://arxiv.org/abs/${it.arxiv ?? ''}},`);
  if (it.doi) lines.push(`  doi = {${it.doi}},`);
  lines.push(`  abstract = {${it.abstract}},`);
  if (it.kind === 'cjk') lines.push('  langid = {chinese},');
  lines.push(`  keywords = {${it.keywords.join(',')}},`);
  lines.push(`  file = {${it.file}}`);
  return lines.join('\n') + '\n}\n';
}

function cslItem(it: Item): string {
  const item: Record<string, unknown> = {
    id: it.key,
    'citation-key': it.key,
    type: it.kind === 'preprint' ? 'article' : it.kind === 'inproceedings' ? 'paper-conference' : 'article-journal',
    title: it.title,
    author: it.authors.map((a) => ({ family: a.family, given: a.given })),
    issued: { 'date-parts': [[it.year, it.month, it.day]] },
    'container-title': it.kind === 'preprint' ? undefined : it.venue,
    publisher: it.kind === 'preprint' ? 'arXiv' : undefined,
    number: it.arxiv && it.kind === 'preprint' ? `arXiv:${it.arxiv}` : undefined,
    volume: it.kind === 'article' ? String(it.volume) : undefined,
    page: it.kind === 'preprint' ? undefined : it.pages.replace('--', '-'),
    DOI: it.doi ?? undefined,
    URL: it.kind === 'preprint' ? `http://arxiv.org/abs/${it.arxiv ?? ''}` : undefined,
    abstract: it.abstract,
    keyword: it.keywords.join(', '),
    language: it.kind === 'cjk' ? 'zh-CN' : 'en',
  };
  return JSON.stringify(item);
}

/** A Better BibLaTeX export of `n` items. */
export function generateBiblatex(n: number): string {
  return items(n).map(biblatexEntry).join('\n');
}

/** The same `n` items as a Better CSL JSON export (BBT's current layout: one item per line). */
export function generateCslJson(n: number): string {
  return '[\n' + items(n).map(cslItem).join(',\n') + '\n]\n';
}

/** One BetterBibTeX JSON item of the same data (Zotero field names), with its annotation note when it has one. */
function bbtItem(it: Item, i: number, withNotes: boolean): Record<string, unknown> {
  const key = `K${String(i).padStart(7, '0')}`;
  const attachmentKey = `A${String(i).padStart(7, '0')}`;
  const item: Record<string, unknown> = {
    itemID: i + 1,
    key,
    uri: itemUri('users/6131994', key),
    itemType: it.kind === 'preprint' ? 'preprint' : it.kind === 'inproceedings' ? 'conferencePaper' : 'journalArticle',
    citationKey: it.key,
    title: it.title,
    creators: it.authors.map((a) => ({ creatorType: 'author', firstName: a.given, lastName: a.family })),
    date: `${it.year}-${pad(it.month)}-${pad(it.day)}`,
    [it.kind === 'inproceedings' ? 'proceedingsTitle' : it.kind === 'preprint' ? 'repository' : 'publicationTitle']: it.venue,
    DOI: it.doi,
    extra: it.arxiv ? `arXiv: ${it.arxiv}` : '',
    abstractNote: it.abstract,
    tags: it.keywords.map((tag) => ({ tag })),
    attachments: [{ itemType: 'attachment', title: 'Full Text PDF', path: it.file, uri: itemUri('users/6131994', attachmentKey) }],
    notes: [],
  };
  // Every fifth paper carries an "Add Note from Annotations" note of 30 annotations.
  if (withNotes && i % 5 === 0) {
    const target = { library: 'users/6131994', parentKey: key, attachmentKey, citation: `${it.authors[0].family} et al., ${it.year}` };
    const colors = ['#ffd400', '#ff6666', '#5fb236', '#2ea8e5', '#a28ae5'];
    const annotations = Array.from({ length: 30 }, (_, n) => ({
      type: n % 10 === 9 ? ('underline' as const) : ('highlight' as const),
      key: `${String(i).padStart(5, '0')}${String(n).padStart(3, '0')}`,
      color: colors[n % colors.length],
      pageLabel: String(1 + Math.floor(n / 3)),
      pageIndex: Math.floor(n / 3),
      text: it.abstract.slice((n * 37) % 200, ((n * 37) % 200) + 120),
      comment: n % 3 === 0 ? '这里的方法值得对比：reasoning gains depend on scale.' : undefined,
    }));
    item.notes = [{ itemType: 'note', key: `N${String(i).padStart(7, '0')}`, parentItem: key, note: annotationNoteHtml(target, annotations) }];
  }
  return item;
}

/** The same `n` items as a BetterBibTeX JSON export; with `withNotes`, 20% carry a 30-annotation note. */
export function generateBbtJson(n: number, withNotes: boolean): string {
  const all = items(n).map((it, i) => bbtItem(it, i, withNotes));
  return JSON.stringify({ config: { id: '36a3b0b5-bad0-4a04-b79b-441c7cef77db', label: 'BetterBibTeX JSON', localeDateOrder: 'ymd' }, collections: {}, items: all }, null, 2);
}
