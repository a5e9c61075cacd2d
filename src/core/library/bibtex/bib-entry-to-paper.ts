/**
 * One raw BibTeX/BibLaTeX entry → Paper. Reads BibLaTeX and BibTeX field names alike (`date` or `year`+`month`,
 * `journaltitle` or `journal`, `eprinttype` or `archiveprefix`), since real files mix them.
 */
import { fromYearMonth, parseEdtf, type PaperDate } from '../fields/dates';
import { arxivFromDoi, arxivFromEprint, arxivFromText, arxivFromUrl, firstArxiv, normalizeDoi } from '../fields/identifiers';
import { bibtexNames, splitTopLevel } from '../fields/names';
import { attachmentLinksOf } from '../fields/zotero-links';
import { arxivAbsUrl, zoteroSelectUri, type Paper } from '../paper';
import { latexToText } from '../text/latex-to-text';
import type { RawBibEntry } from './citation-js-parse';
import { parseFileField } from './file-field';

/** eprint types whose ids are not arXiv ids (an `eprint` of these is never read as arXiv). */
const OTHER_EPRINT_TYPES = new Set(['pubmed', 'jstor', 'googlebooks', 'hdl', 'handle', 'pmc', 'pmcid', 'doi', 'ssrn']);

/** Map one raw entry to the paper model. */
export function bibEntryToPaper(entry: RawBibEntry): Paper {
  const f = entry.fields;
  const doiField = f.doi === undefined ? undefined : unescapeVerbatim(f.doi);
  const doi = normalizeDoi(doiField);
  let url = f.url === undefined ? null : unescapeVerbatim(f.url) || null;
  if (url === null && doi === null && doiField && /^https?:\/\//i.test(doiField)) url = doiField.trim();
  // Better BibTeX's default (bibtexURL off) writes a web page's only link as `howpublished`.
  url ??= howpublishedUrl(f.howpublished);
  const arxiv = bibArxiv(f, doi, url);
  const { year, date } = bibDate(f);
  const title = joinTitle(text(f.title), text(f.subtitle));
  const attachments = parseFileField(f.file ?? f.pdf);
  return {
    citekey: entry.key,
    title,
    authors: f.author !== undefined ? bibtexNames(f.author) : f.editor !== undefined ? bibtexNames(f.editor) : [],
    year,
    date,
    type: entry.type,
    venue: bibVenue(entry.type, f, arxiv),
    abstract: f.abstract === undefined ? null : latexToText(f.abstract, { block: true }) || null,
    tags: f.keywords === undefined ? [] : splitKeywords(f.keywords),
    collections: [],
    arxiv,
    arxivUrl: arxiv ? arxivAbsUrl(arxiv) : null,
    doi,
    url,
    zoteroUri: zoteroSelectUri(entry.key),
    attachments,
    attachmentLinks: attachmentLinksOf(attachments),
    notes: [],
    annotations: [],
  };
}

/** The URL of a `howpublished` that is nothing but a link (`{https://…}` or `{\url{https://…}}`), else null. */
function howpublishedUrl(raw: string | undefined): string | null {
  const m = raw === undefined ? null : /^\s*(?:\\url\s*\{\s*)?(https?:\/\/[^\s{}]+?)\s*\}?\s*$/i.exec(raw);
  return m ? unescapeVerbatim(m[1]) : null;
}

function text(raw: string | undefined): string {
  return raw === undefined ? '' : latexToText(raw);
}

function joinTitle(title: string, subtitle: string): string {
  if (!subtitle) return title;
  return /[:.?!]$/.test(title) ? `${title} ${subtitle}` : `${title}: ${subtitle}`;
}

/** Verbatim fields (url, doi) sometimes carry LaTeX escapes or braces from other exporters. */
function unescapeVerbatim(raw: string): string {
  return raw.replace(/\\([_%&#$~])/g, '$1').replace(/[{}]/g, '').trim();
}

function bibDate(f: Record<string, string>): PaperDate {
  if (f.date !== undefined) {
    const d = parseEdtf(f.date);
    if (d.year !== null || f.year === undefined) return d;
  }
  return fromYearMonth(f.year, f.month, f.day);
}

function bibArxiv(f: Record<string, string>, doi: string | null, url: string | null): string | null {
  const eprintType = (f.eprinttype ?? f.archiveprefix ?? '').trim().toLowerCase();
  const fromEprint = OTHER_EPRINT_TYPES.has(eprintType) ? null : arxivFromEprint(f.eprint);
  return firstArxiv(
    fromEprint,
    arxivFromEprint(f.arxivid),
    arxivFromText(f.number),
    arxivFromText(f.journaltitle ?? f.journal),
    arxivFromText(f.howpublished),
    arxivFromText(f.note),
    arxivFromDoi(doi),
    arxivFromUrl(url ?? undefined),
  );
}

const ARXIV_VENUE = /^\s*arxiv(?:\s+preprint)?(?:[:\s]|$)/i;

/** The container of the work; a journal that only says "arXiv:…" is reported as "arXiv". */
function bibVenue(type: string, f: Record<string, string>, arxiv: string | null): string | null {
  const byType =
    type === 'thesis' || type === 'phdthesis' || type === 'mastersthesis'
      ? (f.school ?? f.institution)
      : type === 'report' || type === 'techreport'
        ? (f.institution ?? f.publisher)
        : undefined;
  const howpublished = f.howpublished !== undefined && !/\\url|^\s*https?:/.test(f.howpublished) ? f.howpublished : undefined;
  const raw = f.journaltitle ?? f.journal ?? f.booktitle ?? f.eventtitle ?? byType ?? f.publisher ?? f.institution ?? f.school ?? f.organization ?? howpublished;
  const venue = raw === undefined ? '' : latexToText(raw);
  if (ARXIV_VENUE.test(venue)) return 'arXiv';
  if (venue === '' && arxiv !== null) return 'arXiv';
  return venue || null;
}

/** A LaTeX command or accent: only then is a keyword decoded (see splitKeywords). */
const KEYWORD_LATEX = /\\(?:[A-Za-z]+|['`^"~=.&%_#$])/;

/**
 * `keywords` split on top-level commas (a braced `{a, b}` stays one tag), trimmed, deduplicated. BBT writes tags
 * verbatim (`--`, `~`, `$`, a lone `\` are the user's characters), so a keyword is LaTeX-decoded only when it
 * holds a LaTeX command or accent (other exporters write `R{\'e}sum{\'e}`); otherwise only braces go.
 */
export function splitKeywords(raw: string): string[] {
  const tags: string[] = [];
  const parts = raw.includes('{') ? splitTopLevel(raw, (t, i) => (t[i] === ',' ? 1 : 0)) : raw.split(',');
  for (const part of parts) {
    const tag = KEYWORD_LATEX.test(part) ? latexToText(part) : part.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
