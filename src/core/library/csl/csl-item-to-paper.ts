/**
 * One CSL item (Better CSL JSON/YAML, or Zotero's own CSL JSON) → Paper.
 */
import { fromCslDate } from '../fields/dates';
import { arxivFromDoi, arxivFromEprint, arxivFromText, arxivFromUrl, firstArxiv, normalizeDoi } from '../fields/identifiers';
import { displayName } from '../fields/names';
import { arxivAbsUrl, type Paper } from '../paper';
import { pandocTitleToPlain, richTextToPlain } from '../text/rich-text';

export type CslItem = Record<string, unknown>;

export interface CslIdentity {
  citekey: string;
  zoteroUri: string;
}

/** Map a CSL item whose citation key and Zotero link are already decided. `markdown`: titles are pandoc Markdown (YAML). */
export function cslItemToPaper(item: CslItem, identity: CslIdentity, markdown: boolean): Paper {
  const plain = markdown ? pandocTitleToPlain : richTextToPlain;
  const doi = normalizeDoi(str(item.DOI));
  const url = str(item.URL) ?? null;
  const arxiv = cslArxiv(item, doi, url);
  const { year, date } = fromCslDate(item.issued);
  const abstract = str(item.abstract)?.trim();
  return {
    citekey: identity.citekey,
    title: plain(item.title),
    authors: cslAuthors(item),
    year,
    date,
    type: str(item.type) ?? '',
    venue: cslVenue(item, arxiv, plain),
    abstract: abstract ? abstract : null,
    tags: splitTags(str(item.keyword)),
    collections: [],
    arxiv,
    arxivUrl: arxiv ? arxivAbsUrl(arxiv) : null,
    doi,
    url,
    zoteroUri: identity.zoteroUri,
    attachments: [],
    attachmentLinks: {},
    notes: [],
    annotations: [],
  };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Authors, or for works without them the primary creators of films, music and edited volumes. */
function cslAuthors(item: CslItem): string[] {
  for (const role of ['author', 'director', 'composer', 'editor']) {
    const list = names(item[role]);
    if (list.length > 0) return list;
  }
  return [];
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const n of value) {
    if (typeof n === 'string') {
      if (n.trim()) out.push(n.trim());
      continue;
    }
    if (typeof n !== 'object' || n === null) continue;
    const o = n as Record<string, unknown>;
    const dropping = str(o['dropping-particle']);
    const nonDropping = str(o['non-dropping-particle']);
    const prefix = dropping && nonDropping ? `${dropping} ${nonDropping}` : (dropping ?? nonDropping);
    const display = displayName({ family: str(o.family), given: str(o.given), suffix: str(o.suffix), literal: str(o.literal), prefix });
    if (display) out.push(display);
  }
  return out;
}

function splitTags(keyword: string | undefined): string[] {
  if (!keyword) return [];
  const tags: string[] = [];
  for (const t of keyword.split(',')) {
    const tag = t.trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

const ARXIV_NAME = /^\s*arxiv\s*$/i;

function cslArxiv(item: CslItem, doi: string | null, url: string | null): string | null {
  const onArxiv = [item.publisher, item.archive, item['container-title']].some((v) => typeof v === 'string' && ARXIV_NAME.test(v));
  return firstArxiv(
    arxivFromText(str(item.number)),
    onArxiv ? arxivFromEprint(str(item.number)) : null,
    onArxiv ? arxivFromEprint(str(item.archive_location)) : null,
    arxivFromText(str(item['container-title'])),
    arxivFromText(str(item.note)),
    arxivFromDoi(doi),
    arxivFromUrl(url ?? undefined),
  );
}

const ARXIV_VENUE = /^\s*arxiv(?:\s+preprint)?(?:[:\s]|$)/i;

function cslVenue(item: CslItem, arxiv: string | null, plain: (v: unknown) => string): string | null {
  for (const field of ['container-title', 'event-title', 'event', 'publisher', 'authority']) {
    const v = plain(item[field]);
    if (v) return ARXIV_VENUE.test(v) ? 'arXiv' : v;
  }
  return arxiv ? 'arXiv' : null;
}
