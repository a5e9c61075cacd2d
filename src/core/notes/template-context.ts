/**
 * The variables a note template sees (docs/templates.md documents each one). The Citations plugin's names come
 * first, with its meanings, so its users can bring their templates; ours follow. Every variable is always present
 * (null when the paper has no value), which lets templates run in strict mode: a misspelt name is an error.
 *
 * Text from the paper is used as is, except that `%%` becomes `%\u200B%` (a zero-width space between the signs):
 * `%%` starts an Obsidian comment and `%% zcn:… %%` is a region marker, so data must not be able to produce either.
 */
import type { Paper } from '../library/paper';
import type { Settings } from '../settings';
import { formatWithPattern } from './front-matter';
import { headingsFor, type Headings, type NoteLanguage } from './i18n';
import { toObsidianTags } from './obsidian-tags';
import { attachmentLinks, displayName, primaryAttachment, resolveSummary, shortAuthorList, type AttachmentLink } from './paper-format';

/** A name as the Citations plugin's `entry.author` holds it. */
export interface CitationsAuthor {
  given: string | null;
  family: string | null;
}

/** The Citations plugin's `entry` object, with the fields our Paper model can fill (others null). */
export interface CitationsEntry {
  id: string;
  type: string;
  abstract: string | null;
  author: CitationsAuthor[];
  authorString: string;
  containerTitle: string | null;
  DOI: string | null;
  eprint: string | null;
  eprinttype: string | null;
  eventPlace: null;
  files: string[];
  issuedDate: string | null;
  note: string | null;
  page: null;
  publisher: null;
  publisherPlace: null;
  title: string;
  titleShort: null;
  URL: string | null;
  year: string | null;
  zoteroSelectURI: string;
}

export interface TemplateContext extends Omit<CitationsEntry, 'id' | 'type' | 'author' | 'files' | 'issuedDate'> {
  citekey: string;
  entry: CitationsEntry;
  arxivId: string | null;
  arxivUrl: string | null;
  /** Zotero tags as written in Zotero. */
  tags: string[];
  /** The same tags made valid for Obsidian (as in the front matter), without `#`. */
  obsidianTags: string[];
  collections: string[];
  /** The import time, formatted with the `dateFormat` setting. */
  importDate: string;
  /** The import time as an ISO 8601 UTC string, for `{{formatDate importDateIso "…"}}`. */
  importDateIso: string;
  attachments: AttachmentLink[];
  /** The attachment the PDF link opens (first PDF, else first attachment), or null. */
  pdf: AttachmentLink | null;
  notes: string[];
  /** Display names ("Given Family"; CJK names as written). */
  authors: string[];
  venue: string | null;
  /** Publication date, ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string | null;
  doi: string | null;
  doiUrl: string | null;
  url: string | null;
  type: string;
  summary: string | null;
  language: NoteLanguage;
  headings: Headings;
  arxivLink: string | null;
  doiLink: string | null;
  zoteroLink: string;
  pdfLink: string | null;
  /** Authors (first three, then et al.), year, venue and the links, joined by " · ". */
  byline: string;
  /** `tags：a、b` (Chinese) / `tags: a, b` (English), or null without tags. */
  tagsLine: string | null;
}

/** What the context depends on besides the paper. */
export interface TemplateContextOptions {
  settings: Pick<Settings, 'dateFormat' | 'summarySource'>;
  importDate: Date;
  language: NoteLanguage;
}

/** A URL made safe as a Markdown link destination (spaces, `<>`, parentheses percent-encoded). */
export function markdownUrl(url: string): string {
  return url.replace(/[ <>()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function splitName(author: string): CitationsAuthor {
  const i = author.indexOf(',');
  if (i < 0) return { given: null, family: author.trim() };
  return { given: author.slice(i + 1).trim() || null, family: author.slice(0, i).trim() || null };
}

const defuseText = (s: string): string => (s.includes('%%') ? s.replace(/%%/g, '%\u200B%') : s);
const defuseOrNull = (s: string | null): string | null => (s === null ? null : defuseText(s));

const hasDoublePercent = (list: readonly (string | null)[]): boolean => list.some((s) => s !== null && s.includes('%%'));

/** The paper with `%%` defused in every text field: `%%` would open an Obsidian comment or forge a region marker. */
function defusePaper(p: Paper): Paper {
  const text = [p.citekey, p.title, p.venue, p.abstract, p.doi, p.url, p.zoteroUri];
  const lists = [p.authors, p.tags, p.collections, p.attachments, p.notes];
  if (!hasDoublePercent(text) && !lists.some(hasDoublePercent)) return p; // the usual case: no copy
  return {
    ...p,
    citekey: defuseText(p.citekey),
    title: defuseText(p.title),
    authors: p.authors.map(defuseText),
    venue: defuseOrNull(p.venue),
    abstract: defuseOrNull(p.abstract),
    tags: p.tags.map(defuseText),
    collections: p.collections.map(defuseText),
    doi: defuseOrNull(p.doi),
    url: defuseOrNull(p.url),
    zoteroUri: defuseText(p.zoteroUri),
    attachments: p.attachments.map(defuseText),
    notes: p.notes.map(defuseText),
  };
}

/** All template variables for one paper. Deterministic for fixed inputs. */
export function buildTemplateContext(original: Paper, options: TemplateContextOptions): TemplateContext {
  const paper = defusePaper(original);
  const headings = headingsFor(options.language);
  const authors = paper.authors.map(displayName);
  const attachments = attachmentLinks(paper);
  const pdf = primaryAttachment(attachments);
  const year = paper.year === null ? null : String(paper.year);
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const doiUrl = paper.doi ? markdownUrl(`https://doi.org/${paper.doi}`) : null;
  const arxivLink = paper.arxiv && paper.arxivUrl ? `[arXiv:${paper.arxiv}](${markdownUrl(paper.arxivUrl)})` : null;
  const doiLink = doiUrl ? `[DOI](${doiUrl})` : null;
  const zoteroLink = `[${headings.openInZotero}](${markdownUrl(paper.zoteroUri)})`;
  const pdfLink = pdf ? `[${pdf.isPdf ? headings.pdf : headings.attachment}](${pdf.url})` : null;
  const authorString = authors.join(', ');
  const note = paper.notes.length > 0 ? paper.notes.join('\n\n') : null;
  const containerTitle = paper.venue ?? (paper.arxiv ? `arXiv:${paper.arxiv}` : null);
  const tags = paper.tags.map(oneLine).filter((t) => t !== '');
  // "arXiv" (or "arXiv:1903.11114 [cs]") as the venue only repeats the arXiv link.
  const bylineVenue = paper.venue && !(arxivLink && /^arxiv\b/i.test(paper.venue)) ? oneLine(paper.venue) : null;
  const byline = [shortAuthorList(paper.authors, headings.etAl), year, bylineVenue, arxivLink, doiLink, zoteroLink, pdfLink]
    .filter((part): part is string => part !== null && part !== '')
    .join(headings.bylineSeparator);
  const entry: CitationsEntry = {
    id: paper.citekey,
    type: paper.type,
    abstract: paper.abstract,
    author: paper.authors.map(splitName),
    authorString,
    containerTitle,
    DOI: paper.doi,
    eprint: paper.arxiv,
    eprinttype: paper.arxiv ? 'arXiv' : null,
    eventPlace: null,
    files: [...paper.attachments],
    issuedDate: paper.date,
    note,
    page: null,
    publisher: null,
    publisherPlace: null,
    title: paper.title,
    titleShort: null,
    URL: paper.url,
    year,
    zoteroSelectURI: paper.zoteroUri,
  };
  return {
    citekey: paper.citekey,
    abstract: entry.abstract,
    authorString,
    containerTitle,
    DOI: entry.DOI,
    eprint: entry.eprint,
    eprinttype: entry.eprinttype,
    eventPlace: null,
    note,
    page: null,
    publisher: null,
    publisherPlace: null,
    title: paper.title,
    titleShort: null,
    URL: paper.url,
    year,
    zoteroSelectURI: paper.zoteroUri,
    entry,
    arxivId: paper.arxiv,
    arxivUrl: paper.arxivUrl,
    tags,
    obsidianTags: toObsidianTags(paper.tags),
    collections: [...paper.collections],
    importDate: formatWithPattern(options.importDate, options.settings.dateFormat),
    importDateIso: options.importDate.toISOString(),
    attachments,
    pdf,
    notes: [...paper.notes],
    authors,
    venue: paper.venue,
    date: paper.date,
    doi: paper.doi,
    doiUrl,
    url: paper.url,
    type: paper.type,
    summary: resolveSummary(paper, options.settings.summarySource),
    language: options.language,
    headings,
    arxivLink,
    doiLink,
    zoteroLink,
    pdfLink,
    byline,
    tagsLine: tags.length > 0 ? `${headings.tags}${headings.colon}${tags.join(headings.listSeparator)}` : null,
  };
}
