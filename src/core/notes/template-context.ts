/**
 * The variables a note template sees (docs/templates.md documents each one). The Citations plugin's names come
 * first, with its meanings, so its users can bring their templates; ours follow. Every variable is always present
 * (null when the paper has no value), which lets templates run in strict mode: a misspelt name is an error.
 * Text from the paper is defused as paper-parts.ts describes.
 */
import type { Paper } from '../library/paper';
import type { Settings } from '../settings/settings';
import { isWebUrl } from '../text/safe-link';
import { annotationVariables, type AnnotationVariables } from './annotation-markdown';
import { formatWithPattern } from './front-matter';
import { frozenHeadings, type Headings, type NoteLanguage } from './i18n';
import { toObsidianTags } from './obsidian-tags';
import { displayName, resolveSummary, type AttachmentLink } from './paper-format';
import { bylineOf, defusePaper, paperLinks, tagsLineOf, tagsOf, zoteroNotesText } from './paper-parts';

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
  /** The user's Zotero notes as one Markdown text, a rule between notes; null without notes. */
  zoteroNotes: string | null;
  /** The PDF annotations, in document order (docs/templates.md lists their fields). */
  annotations: AnnotationVariables[];
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
  settings: Pick<Settings, 'dateFormat' | 'summarySource' | 'annotationColorLabels'>;
  importDate: Date;
  language: NoteLanguage;
}

function splitName(author: string): CitationsAuthor {
  const i = author.indexOf(',');
  if (i < 0) return { given: null, family: author.trim() };
  return { given: author.slice(i + 1).trim() || null, family: author.slice(0, i).trim() || null };
}

// A sync renders every new note with the same import time: its ISO form is made once.
let lastIso: { time: number; iso: string } | null = null;
function isoOf(date: Date): string {
  if (lastIso?.time !== date.getTime()) lastIso = { time: date.getTime(), iso: date.toISOString() };
  return lastIso.iso;
}

/** All template variables for one paper. Deterministic for fixed inputs. */
export function buildTemplateContext(original: Paper, options: TemplateContextOptions): TemplateContext {
  const paper = defusePaper(original);
  const headings = frozenHeadings(options.language);
  const authors = paper.authors.map(displayName);
  const links = paperLinks(paper, headings);
  const year = paper.year === null ? null : String(paper.year);
  const authorString = authors.join(', ');
  const note = paper.notes.length > 0 ? paper.notes.join('\n\n') : null;
  const containerTitle = paper.venue ?? (paper.arxiv ? `arXiv:${paper.arxiv}` : null);
  const tags = tagsOf(paper);
  // A URL becomes a link in templates: only a web address may (an export of a group library is written by others).
  const url = paper.url !== null && isWebUrl(paper.url) ? paper.url : null;
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
    URL: url,
    year,
    zoteroSelectURI: paper.zoteroUri,
  };
  // The Citations plugin exposes the entry's fields at the top level too (its `type` and `files` are ours below).
  const { id: _id, type: _type, author: _author, files: _files, issuedDate: _issued, ...citationsFields } = entry;
  return {
    ...citationsFields,
    citekey: paper.citekey,
    entry,
    arxivId: paper.arxiv,
    arxivUrl: paper.arxivUrl,
    tags,
    obsidianTags: toObsidianTags(paper.tags),
    collections: [...paper.collections],
    importDate: formatWithPattern(options.importDate, options.settings.dateFormat),
    importDateIso: isoOf(options.importDate),
    attachments: links.attachments,
    pdf: links.pdf,
    notes: [...paper.notes],
    zoteroNotes: zoteroNotesText(paper),
    annotations: annotationVariables(paper.annotations, options),
    authors,
    venue: paper.venue,
    date: paper.date,
    doi: paper.doi,
    doiUrl: links.doiUrl,
    url,
    type: paper.type,
    summary: resolveSummary(paper, 'abstract'), // never a note: templates have `zoteroNotes` for those
    language: options.language,
    headings,
    arxivLink: links.arxivLink,
    doiLink: links.doiLink,
    zoteroLink: links.zoteroLink,
    pdfLink: links.pdfLink,
    byline: bylineOf(paper, headings, links),
    tagsLine: tagsLineOf(tags, headings),
  };
}
