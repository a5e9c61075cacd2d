/**
 * Rendering literature notes: renderNote (yaml front matter + Handlebars body) for 10,000 papers, beside a
 * baseline that builds a note of the same shape by plain string concatenation (no YAML library, no template
 * engine). The ratio is the price of correct quoting and user templates.
 */
import { arxivAbsUrl, zoteroSelectUri, type Paper } from '../src/core/library/paper';
import { allocateNotePaths } from '../src/core/notes/file-name';
import { renderNote } from '../src/core/notes/render-note';
import { defaultSettings } from '../src/core/settings/settings';
import type { BenchCase, BenchGoal } from './harness';

const COUNT = 10000;
const IMPORT = new Date(Date.UTC(2025, 8, 30, 21, 14, 40));

/** Deterministic papers with the field sizes of a real library (titles with `: `, four authors, an abstract). */
function papers(): Paper[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const citekey = `author${i}${i % 7 === 0 ? 'Multimodal' : ''}`;
    const arxiv = i % 2 === 0 ? `2503.${String(10000 + i).slice(1)}` : null;
    return {
      citekey,
      title: `Paper ${i}: Multi-Layer Visual Feature Fusion in Multimodal LLMs, Part ${i % 13}`,
      authors: ['Lin, Xiuzhen', 'Smith, John A.', '肖, 发民', 'Doe, Jane'],
      year: 2000 + (i % 25),
      date: `${2000 + (i % 25)}-05-01`,
      type: 'article',
      venue: i % 3 === 0 ? null : 'Journal of Machine Learning Research',
      abstract: 'We study how visual features from several layers can be fused. '.repeat(12),
      tags: ['Multimodal', 'Feature fusion', '特征融合'],
      collections: [],
      arxiv,
      arxivUrl: arxiv ? arxivAbsUrl(arxiv) : null,
      doi: i % 2 === 1 ? `10.1000/jmlr.${i}` : null,
      url: null,
      zoteroUri: zoteroSelectUri(citekey),
      attachments: [`/home/me/Zotero/storage/K${i}/Paper ${i}.pdf`],
      notes: [],
    attachmentLinks: {},
    annotations: [],
    };
  });
}

function concatenated(p: Paper): string {
  const fm = [`title: "${p.title}"`, `date: 2025-09-30 21:14:40`, `categories:\n  - Papers`, `tags:\n${p.tags.map((t) => `  - ${t}`).join('\n')}`, `citekey: ${p.citekey}`, `authors:\n${p.authors.map((a) => `  - ${a}`).join('\n')}`, `year: ${p.year}`, `zotero: ${p.zoteroUri}`, `aliases:\n  - "${p.title}"`];
  const header = `# ${p.title}\n\n${p.authors.join(', ')} · ${p.year} · [Open in Zotero](${p.zoteroUri})\n\ntags: ${p.tags.join(', ')}`;
  return `---\n${fm.join('\n')}\n---\n%% zcn:begin header %%\n${header}\n%% zcn:end header %%\n\n%% zcn:begin summary %%\n## Summary\n\n${p.abstract}\n%% zcn:end summary %%\n\n## Notes\n\n`;
}

const GROUP = 'notes: render 10,000 literature notes';

export const CASES: BenchCase[] = [
  {
    id: 'notes-render-concat',
    group: GROUP,
    label: 'string concatenation',
    baseline: true,
    setup: () => Promise.resolve(papers()),
    run: (prepared) => {
      let bytes = 0;
      for (const p of prepared as Paper[]) bytes += concatenated(p).length;
      return Promise.resolve(`${(bytes / 1e6).toFixed(1)} MB of text`);
    },
    repeat: 3,
  },
  {
    id: 'notes-render-ours',
    group: GROUP,
    label: 'renderNote + allocateNotePaths',
    setup: () => Promise.resolve(papers()),
    run: (prepared) => {
      const list = prepared as Paper[];
      const ctx = { settings: defaultSettings(), importDate: IMPORT, language: 'en' as const };
      let bytes = 0;
      for (const p of list) bytes += renderNote(p, ctx).text.length;
      const paths = allocateNotePaths(list, [], ctx);
      return Promise.resolve(`${(bytes / 1e6).toFixed(1)} MB of text, ${new Set(paths).size} paths`);
    },
    repeat: 3,
  },
];

export const GOALS: BenchGoal[] = [
  {
    group: GROUP,
    check: (results) => {
      const ours = results.get('notes-render-ours');
      if (!ours) return 'goal render 10,000 notes < 2 s: not measured';
      return `goal render 10,000 notes < 2 s: ${(ours.ms / 1000).toFixed(2)} s (${ours.ms < 2000 ? 'met' : 'MISSED'})`;
    },
  },
];
