/**
 * Linking one text: the first linkable mention of each concept becomes a link keeping its surface text. Concepts the
 * text already links (by file name, path or alias, as a wikilink or a Markdown link) are left alone, and a concept
 * note never links itself. Nothing else changes: removing the added link syntax gives back the input exactly.
 */
import { defaultMakeLink, escapeTablePipes, type MakeLink } from './link-writer';
import { findMatches, rangeAt } from './matcher';
import { scanZones, type TextZones } from './markdown-zones';
import type { TermIndex } from './term-index';

export interface LinkTextOptions {
  /** Vault path of the note the text belongs to: passed to `makeLink`; a concept note is never linked to itself. */
  sourcePath?: string;
  /** How links are written (default: wikilinks). */
  makeLink?: MakeLink;
  /** Link inside headings too (default: headings only count as mentions). */
  linkInHeadings?: boolean;
  /**
   * Link inside the plugin's managed regions (`%% zcn:begin … %%`). The sync sets it when it renders a note; the
   * vault linker leaves it off, because the sync rewrites those regions and owns their text.
   */
  linkManagedRegions?: boolean;
  /** Concept note paths not to link (e.g. linked elsewhere in the note the caller is assembling). */
  skipConcepts?: Iterable<string>;
}

export interface AddedLink {
  /** The concept's name (its note's file name). */
  concept: string;
  /** Vault path of the concept note. */
  conceptPath: string;
  /** The text that became the link's visible text. */
  surface: string;
  /** 1-based line and 0-based offset of the mention in the input text. */
  line: number;
  offset: number;
}

export interface LinkTextResult {
  text: string;
  links: AddedLink[];
  /** Paths of every concept the text mentions or links (after linking), sorted; the note's own concept excluded. */
  mentions: string[];
}

function decodeTarget(target: string, markdown: boolean): string {
  if (!markdown) return target;
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** The concepts a text already links to (ids). */
export function linkedConcepts(zones: TextZones, index: TermIndex): Set<number> {
  const out = new Set<number>();
  for (const l of zones.links) {
    const id = index.resolveLinkTarget(decodeTarget(l.target, l.markdown));
    if (id >= 0) out.add(id);
  }
  return out;
}

/** Link the first mention of each concept in `text`. Pure: the same input gives the same output. */
export function linkText(text: string, index: TermIndex, options: LinkTextOptions = {}): LinkTextResult {
  const zones = scanZones(text, { linkInHeadings: options.linkInHeadings, linkManagedRegions: options.linkManagedRegions });
  const linked = linkedConcepts(zones, index);
  const self = options.sourcePath === undefined ? -1 : index.conceptId(options.sourcePath);
  const skip = new Set<number>();
  for (const path of options.skipConcepts ?? []) {
    const id = index.conceptId(path);
    if (id >= 0) skip.add(id);
  }
  const mentioned = new Set<number>(linked);
  const done = new Set<number>();
  const makeLink = options.makeLink ?? defaultMakeLink;
  const sourcePath = options.sourcePath ?? '';
  const links: AddedLink[] = [];
  let out = '';
  let last = 0;
  let line = 1;
  let counted = 0;
  for (const m of findMatches(text, index, zones)) {
    const id = m.term.concept;
    mentioned.add(id);
    if (m.soft || id === self || linked.has(id) || done.has(id) || skip.has(id)) continue;
    done.add(id);
    const concept = index.concepts[id];
    const surface = text.slice(m.start, m.end);
    let link = makeLink(concept.path, surface, sourcePath);
    if (zones.table.length > 0 && rangeAt(zones.table, m.start) >= 0) link = escapeTablePipes(link);
    for (let k = text.indexOf('\n', counted); k >= 0 && k < m.start; k = text.indexOf('\n', k + 1)) line++;
    counted = m.start;
    links.push({ concept: concept.name, conceptPath: concept.path, surface, line, offset: m.start });
    out += text.slice(last, m.start) + link;
    last = m.end;
  }
  mentioned.delete(self);
  const mentions = [...mentioned].map((id) => index.concepts[id].path).sort();
  return { text: links.length === 0 ? text : out + text.slice(last), links, mentions };
}
