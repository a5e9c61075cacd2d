/**
 * One paper as an entry of a "前沿文章摘要" list, as the survey note writes them:
 *
 *     1. Multi-Layer Visual Feature Fusion in Multimodal LLMs: … [https://arxiv.org/abs/2503.06063](https://arxiv.org/abs/2503.06063)
 *
 *        tags：特征融合
 *
 *        本文系统研究了…
 *
 * The survey note numbers the tags and summary lines as list items of their own (1., 2., 3. for one paper); here
 * they are indented paragraphs of the numbered title, so pasted entries number 1, 2, 3 per paper, which is what
 * that list means.
 */
import type { Paper } from '../library/paper';
import type { SummarySource } from '../settings/settings';
import { isWebUrl } from '../text/safe-link';
import { headingsFor, type NoteLanguage } from './i18n';
import { resolveSummary } from './paper-format';
import { defusePercents, markdownUrl, oneLine } from './paper-parts';

export interface SummaryEntryOptions {
  language: NoteLanguage;
  summarySource: SummarySource;
}

/** The link the title carries: the arXiv page, else the DOI, else the URL. */
function entryUrl(paper: Paper): string | null {
  if (paper.arxivUrl) return paper.arxivUrl;
  if (paper.doi) return `https://doi.org/${paper.doi}`;
  // Only a web address becomes a link: the export may come from a group library others write.
  return paper.url && isWebUrl(paper.url) ? paper.url.trim() : null;
}

// `%%` would open an Obsidian comment in the note the entry is pasted into.
const defuse = defusePercents;

/**
 * Render one entry with list number `number` (an integer ≥ 0). Ends with a line break; entries joined with a
 * blank line form a list.
 */
export function renderSummaryEntry(paper: Paper, number: number, options: SummaryEntryOptions): string {
  if (!Number.isInteger(number) || number < 0) throw new RangeError(`List number must be a whole number ≥ 0, got ${number}`);
  const headings = headingsFor(options.language);
  const marker = `${number}. `;
  const indent = ' '.repeat(marker.length);
  const url = entryUrl(paper);
  const title = defuse(oneLine(paper.title));
  const lines = [`${marker}${[title, url ? `[${url.replace(/[[\]]/g, '\\$&')}](${markdownUrl(url)})` : ''].filter((s) => s !== '').join(' ')}`];
  const tags = paper.tags.map(oneLine).filter((t) => t !== '');
  if (tags.length > 0) lines.push('', `${indent}${headings.tags}${headings.colon}${defuse(tags.join(headings.listSeparator))}`);
  const summary = resolveSummary(paper, options.summarySource);
  if (summary !== null) {
    lines.push('', ...defuse(summary).split('\n').map((line) => (line.trim() === '' ? '' : `${indent}${line}`)));
  }
  return `${lines.join('\n')}\n`;
}

/** Several entries numbered from `start` (default 1), separated by blank lines. */
export function renderSummaryList(papers: readonly Paper[], options: SummaryEntryOptions, start = 1): string {
  return papers.map((paper, i) => renderSummaryEntry(paper, start + i, options)).join('\n');
}
