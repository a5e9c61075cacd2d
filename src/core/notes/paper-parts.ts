/**
 * Pieces of a note built from a paper that the template context and the built-in body (default-body.ts) share:
 * the defused paper, the links, the byline and the tags line.
 *
 * Text from the paper is used as is, except that a zero-width space goes between any two adjacent `%` signs (`%%`
 * → `%\u200B%`, `%%%` → `%\u200B%\u200B%`): `%%` starts an Obsidian comment and `%% zcn:… %%` is a region marker,
 * so data must not be able to produce either.
 */
import type { Paper } from '../library/paper';
import type { Headings } from './i18n';
import { memoizeByString } from '../text/memo';
import { attachmentLinks, primaryAttachment, shortAuthorList, type AttachmentLink } from './paper-format';

const URL_UNSAFE = /[ <>()]/;

/** A URL made safe as a Markdown link destination (spaces, `<>`, parentheses percent-encoded). */
export function markdownUrl(url: string): string {
  if (!URL_UNSAFE.test(url)) return url; // the usual case, without the replace's callback machinery
  return url.replace(/[ <>()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Line breaks and runs of whitespace collapsed to one space, ends trimmed. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

// Tags repeat across a library.
const oneLineTag = memoizeByString(oneLine);

/** `s` with a zero-width space between adjacent `%` signs, so it contains no `%%` at all. */
export const defusePercents = (s: string): string => (s.includes('%%') ? s.replace(/%(?=%)/g, '%\u200B') : s);
const defuseText = defusePercents;
const defuseOrNull = (s: string | null): string | null => (s === null ? null : defuseText(s));

function anyDoublePercent(list: readonly string[]): boolean {
  for (const s of list) if (s.includes('%%')) return true;
  return false;
}

function hasDoublePercent(p: Paper): boolean {
  for (const s of [p.citekey, p.title, p.venue, p.abstract, p.doi, p.url, p.zoteroUri]) if (s !== null && s.includes('%%')) return true;
  if (p.annotations.some((a) => a.text.includes('%%') || a.comment.includes('%%') || (a.page ?? '').includes('%%'))) return true;
  return anyDoublePercent(p.authors) || anyDoublePercent(p.tags) || anyDoublePercent(p.collections) || anyDoublePercent(p.attachments) || anyDoublePercent(p.notes);
}

/** The paper with `%%` defused in every text field: `%%` would open an Obsidian comment or forge a region marker. */
export function defusePaper(p: Paper): Paper {
  if (!hasDoublePercent(p)) return p; // the usual case: no copy
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
    annotations: p.annotations.map((a) => ({ ...a, text: defuseText(a.text), comment: defuseText(a.comment), page: defuseOrNull(a.page) })),
  };
}

/** The user's Zotero notes as one Markdown text (a rule between notes), or null without notes. */
export function zoteroNotesText(paper: Pick<Paper, 'notes'>): string | null {
  const notes = paper.notes.map((n) => n.trim()).filter((n) => n !== '');
  return notes.length === 0 ? null : notes.join('\n\n---\n\n');
}

/** The links of a (defused) paper as Markdown, and the attachments they come from. */
export interface PaperLinks {
  attachments: AttachmentLink[];
  pdf: AttachmentLink | null;
  doiUrl: string | null;
  arxivLink: string | null;
  doiLink: string | null;
  zoteroLink: string;
  pdfLink: string | null;
}

export function paperLinks(paper: Paper, headings: Headings): PaperLinks {
  const attachments = attachmentLinks(paper);
  const pdf = primaryAttachment(attachments);
  const doiUrl = paper.doi ? markdownUrl(`https://doi.org/${paper.doi}`) : null;
  return {
    attachments,
    pdf,
    doiUrl,
    arxivLink: paper.arxiv && paper.arxivUrl ? `[arXiv:${paper.arxiv}](${markdownUrl(paper.arxivUrl)})` : null,
    doiLink: doiUrl ? `[DOI](${doiUrl})` : null,
    zoteroLink: `[${headings.openInZotero}](${markdownUrl(paper.zoteroUri)})`,
    // Zotero's reader, where the annotations are, when Zotero stores the file; the file itself otherwise.
    pdfLink: pdf ? `[${pdf.isPdf ? headings.pdf : headings.attachment}](${pdf.zoteroUrl ?? pdf.url})` : null,
  };
}

// Venues repeat across a library.
const oneLineVenue = memoizeByString(oneLine);

/** Authors (first three, then et al.), year, venue and the links, joined by " · ". */
export function bylineOf(paper: Paper, headings: Headings, links: PaperLinks): string {
  const parts: string[] = [];
  const add = (part: string | null): void => {
    if (part !== null && part !== '') parts.push(part);
  };
  add(shortAuthorList(paper.authors, headings.etAl));
  add(paper.year === null ? null : String(paper.year));
  // "arXiv" (or "arXiv:1903.11114 [cs]") as the venue only repeats the arXiv link.
  add(paper.venue && !(links.arxivLink && /^arxiv\b/i.test(paper.venue)) ? oneLineVenue(paper.venue) : null);
  add(links.arxivLink);
  add(links.doiLink);
  add(links.zoteroLink);
  add(links.pdfLink);
  return parts.join(headings.bylineSeparator);
}

/** The Zotero tags on one line each, empty ones left out. */
export function tagsOf(paper: Paper): string[] {
  const tags: string[] = [];
  for (const tag of paper.tags) {
    const line = oneLineTag(tag);
    if (line !== '') tags.push(line);
  }
  return tags;
}

/** `tags：a、b` (Chinese) / `tags: a, b` (English), or null without tags. */
export function tagsLineOf(tags: readonly string[], headings: Headings): string | null {
  return tags.length > 0 ? `${headings.tags}${headings.colon}${tags.join(headings.listSeparator)}` : null;
}
