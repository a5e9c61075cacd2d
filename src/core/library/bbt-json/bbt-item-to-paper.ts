/**
 * One BetterBibTeX JSON item (Zotero's own field names) → Paper.
 */
import { arxivFromDoi, arxivFromEprint, arxivFromText, arxivFromUrl, firstArxiv, normalizeDoi } from '../fields/identifiers';
import { displayName } from '../fields/names';
import { attachmentLinksOf } from '../fields/zotero-links';
import { parseZoteroDate, type DateOrder } from '../fields/zotero-date';
import { arxivAbsUrl, type Paper } from '../paper';
import { richTextToPlain } from '../text/rich-text';
import type { CitekeyLookup } from '../zotero-notes/note-citations';
import { readItemNotes } from '../zotero-notes/item-notes';

export type BbtItem = Record<string, unknown>;

export interface BbtIdentity {
  citekey: string;
  zoteroUri: string;
}

/** Zotero creator types exported as BibTeX `author`. */
const PRIMARY_CREATORS = new Set([
  'author', 'inventor', 'programmer', 'artist', 'director', 'presenter', 'podcaster', 'cartographer', 'composer',
  'performer', 'sponsor', 'interviewee', 'originalCreator',
]);

/** Zotero fields naming what contains the item, in order of preference. */
const VENUE_FIELDS = [
  'publicationTitle', 'proceedingsTitle', 'bookTitle', 'conferenceName', 'encyclopediaTitle', 'dictionaryTitle',
  'websiteTitle', 'blogTitle', 'forumTitle', 'programTitle', 'meetingName', 'repository', 'publisher', 'university',
  'institution', 'court', 'label', 'studio', 'network', 'distributor', 'company',
];

/** What mapping an item needs from the rest of the export. */
export interface BbtExportContext {
  /** The item's collection paths. */
  collections: string[];
  /** The export's numeric date order. */
  order: DateOrder;
  /** Citation keys of the items cited in notes. */
  citekeyOf: CitekeyLookup;
}

/** Map one item. */
export function bbtItemToPaper(item: BbtItem, identity: BbtIdentity, context: BbtExportContext): Paper {
  const extra = extraLines(item.extra);
  const doi = normalizeDoi(str(item.DOI) ?? extraField(extra, 'DOI'));
  const url = str(item.url) || null;
  const arxiv = bbtArxiv(item, extra, doi, url);
  const { year, date } = typeof item.date === 'string' ? parseZoteroDate(item.date, context.order) : { year: null, date: null };
  const abstract = str(item.abstractNote)?.trim();
  const files = attachments(item.attachments);
  const { notes, annotations } = readItemNotes(item.notes, context.citekeyOf);
  return {
    citekey: identity.citekey,
    title: richTextToPlain(item.title),
    authors: creators(item.creators),
    year,
    date,
    type: str(item.itemType) ?? '',
    venue: bbtVenue(item, arxiv),
    abstract: abstract ? abstract : null,
    tags: tags(item.tags),
    collections: context.collections,
    arxiv,
    arxivUrl: arxiv ? arxivAbsUrl(arxiv) : null,
    doi,
    url,
    zoteroUri: identity.zoteroUri,
    attachments: files.map((f) => f.path),
    attachmentLinks: attachmentLinksOf(files.filter((f) => f.stored)),
    notes,
    annotations,
  };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Zotero's Extra field: a string, or an array of lines in BBT's test fixtures. */
export function extraLines(extra: unknown): string[] {
  if (typeof extra === 'string') return extra.split(/\r?\n/);
  if (Array.isArray(extra)) return extra.filter((l): l is string => typeof l === 'string').flatMap((l) => l.split(/\r?\n/));
  return [];
}

/** The value of a `Name: value` line of Extra (case-insensitive name). */
export function extraField(lines: string[], name: string): string | undefined {
  const prefix = name.toLowerCase() + ':';
  for (const line of lines) if (line.toLowerCase().startsWith(prefix)) return line.slice(prefix.length).trim();
  return undefined;
}

function creators(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const authors: string[] = [];
  const editors: string[] = [];
  for (const c of value) {
    if (typeof c !== 'object' || c === null) continue;
    const o = c as Record<string, unknown>;
    const single = str(o.name) ?? (o.fieldMode === 1 ? str(o.lastName) : undefined);
    const display = displayName(single !== undefined ? { literal: single } : { family: str(o.lastName), given: str(o.firstName) });
    if (!display) continue;
    const type = str(o.creatorType) ?? 'author';
    if (PRIMARY_CREATORS.has(type)) authors.push(display);
    else if (type === 'editor') editors.push(display);
  }
  return authors.length > 0 ? authors : editors;
}

function tags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const t of value) {
    const tag = (typeof t === 'string' ? t : str((t as Record<string, unknown> | null)?.tag))?.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** Attachments: files (`path`) and web links (`url`); `stored` files are Zotero attachment items with a `uri`. */
function attachments(value: unknown): { path: string; uri: unknown; stored: boolean }[] {
  if (!Array.isArray(value)) return [];
  const out: { path: string; uri: unknown; stored: boolean }[] = [];
  for (const a of value) {
    if (typeof a !== 'object' || a === null) continue;
    const o = a as Record<string, unknown>;
    const file = str(o.path) || str(o.localPath);
    const path = file || str(o.url);
    if (path && !out.some((f) => f.path === path)) out.push({ path, uri: o.uri, stored: Boolean(file) });
  }
  return out;
}

function bbtArxiv(item: BbtItem, extra: string[], doi: string | null, url: string | null): string | null {
  const onArxiv = [item.repository, item.publisher, item.libraryCatalog].some((v) => typeof v === 'string' && /^\s*arxiv(?:\.org)?\s*$/i.test(v));
  return firstArxiv(
    arxivFromText(str(item.archiveID)),
    arxivFromText(extra.join('\n')),
    arxivFromText(str(item.number)),
    onArxiv ? arxivFromEprint(str(item.number)) : null,
    arxivFromText(str(item.publicationTitle)),
    arxivFromDoi(doi),
    arxivFromUrl(url ?? undefined),
  );
}

const ARXIV_VENUE = /^\s*arxiv(?:\s+preprint)?(?:[:\s]|$)/i;

function bbtVenue(item: BbtItem, arxiv: string | null): string | null {
  for (const field of VENUE_FIELDS) {
    const v = richTextToPlain(item[field]);
    if (v) return ARXIV_VENUE.test(v) ? 'arXiv' : v;
  }
  return arxiv ? 'arXiv' : null;
}
