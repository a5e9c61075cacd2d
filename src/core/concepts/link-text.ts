/**
 * Linking one text: the first linkable mention of each concept becomes a link keeping its surface text. Concepts the
 * text already links (by file name, path or alias, as a wikilink or a Markdown link) are left alone, and a concept
 * note never links itself. Nothing else changes: removing the added link syntax gives back the input exactly. A link
 * is only placed where it leaves the Markdown around it intact (link-placement.ts), and other plugins' files (an
 * Excalidraw drawing, a Kanban board) are left alone.
 */
import { defaultMakeLink, escapeTablePipes, type MakeLink } from './link-writer';
import { linkPlaceIsSafe } from './link-placement';
import { findMatches, rangeAt } from './matcher';
import { scanZones } from './markdown-zones';
import { pluginFileOwner } from './plugin-files';
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
  /** The plugin whose file this is (an Excalidraw drawing, a Kanban board…): nothing was linked or counted. */
  ownedBy?: string;
}

function decodeTarget(target: string, markdown: boolean): string {
  if (!markdown) return target;
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

const MENTIONED = 1;
const LINKED_BEFORE = 2;
const LINKED_NOW = 4;
const SKIPPED = 8;

/**
 * Per-concept flags of one linkText call, cleared by bumping a stamp instead of reallocating: linkText runs once per
 * note, and per-note Sets were a visible share of a full rebuild's garbage. One instance is pooled; a nested call
 * (a `makeLink` that links text itself) gets its own.
 */
class ConceptFlags {
  private stamp = 0;
  private stampOf = new Int32Array(0);
  private flagsOf = new Uint8Array(0);
  mentioned: number[] = [];

  begin(conceptCount: number): void {
    if (this.stampOf.length < conceptCount || this.stamp > 0x3fffffff) {
      this.stampOf = new Int32Array(Math.max(64, conceptCount * 2));
      this.flagsOf = new Uint8Array(this.stampOf.length);
      this.stamp = 0;
    }
    this.stamp++;
    this.mentioned = [];
  }

  get(id: number): number {
    return this.stampOf[id] === this.stamp ? this.flagsOf[id] : 0;
  }

  set(id: number, bits: number): void {
    if (this.stampOf[id] !== this.stamp) {
      this.stampOf[id] = this.stamp;
      this.flagsOf[id] = 0;
    }
    if ((bits & MENTIONED) !== 0 && (this.flagsOf[id] & MENTIONED) === 0) this.mentioned.push(id);
    this.flagsOf[id] |= bits;
  }
}

let pooledFlags: ConceptFlags | null = new ConceptFlags();

/** Link the first mention of each concept in `text`. Pure: the same input gives the same output. */
export function linkText(text: string, index: TermIndex, options: LinkTextOptions = {}): LinkTextResult {
  const { pieces, ...result } = linkRope(text, index, options, false);
  return result;
}

/** A linked text and its pieces (unchanged text and links, alternately; null when nothing was linked). */
export interface LinkedPieces extends LinkTextResult {
  pieces: string[] | null;
}

/**
 * linkText for the vault linker, which keeps every note it links until the plan is written: the text is a rope of
 * its pieces (V8 concatenates them into ConsStrings over slices of the note, which is already in the old
 * generation), not a flat copy. In a full rebuild the flat copies (two-byte in Chinese notes: 39 MB for 5,000 notes)
 * were most of what the young-generation collections had to copy; a rope is flattened once, when the note is
 * written. Hash `pieces.join('')`: a copy that dies young, where hashing the rope would flatten it for good.
 * `rope: false` joins the pieces once instead (linkText): a flat string, cheap to read and to write.
 */
export function linkRope(text: string, index: TermIndex, options: LinkTextOptions = {}, rope = true): LinkedPieces {
  // The pooled flags; a nested call (a `makeLink` that links text itself) gets its own.
  const flags = pooledFlags ?? new ConceptFlags();
  pooledFlags = null;
  try {
    const result = linkWith(flags, text, index, options);
    if (result.pieces) result.text = rope ? result.pieces.reduce((all, piece) => all + piece) : result.pieces.join('');
    return result;
  } finally {
    pooledFlags = flags;
  }
}

function linkWith(flags: ConceptFlags, text: string, index: TermIndex, options: LinkTextOptions): LinkedPieces {
  const owner = pluginFileOwner(options.sourcePath ?? '', text);
  if (owner !== null) return { text, links: [], mentions: [], ownedBy: owner, pieces: null };
  const zones = scanZones(text, { linkInHeadings: options.linkInHeadings, linkManagedRegions: options.linkManagedRegions });
  flags.begin(index.concepts.length);
  for (const l of zones.links) {
    const id = index.resolveLinkTarget(decodeTarget(l.target, l.markdown));
    if (id >= 0) flags.set(id, LINKED_BEFORE | MENTIONED);
  }
  for (const path of options.skipConcepts ?? []) {
    const id = index.conceptId(path);
    if (id >= 0) flags.set(id, SKIPPED);
  }
  const self = options.sourcePath === undefined ? -1 : index.conceptId(options.sourcePath);
  if (self >= 0) flags.set(self, SKIPPED);
  const matches = findMatches(text, index, zones);
  const makeLink = options.makeLink ?? defaultMakeLink;
  const sourcePath = options.sourcePath ?? '';
  const links: AddedLink[] = [];
  const out: string[] = [];
  let last = 0;
  let line = 1;
  let counted = 0;
  for (const m of matches) {
    const id = m.term.concept;
    flags.set(id, MENTIONED);
    if (m.soft || (flags.get(id) & (LINKED_BEFORE | LINKED_NOW | SKIPPED)) !== 0) continue;
    if (!linkPlaceIsSafe(text, m.start, m.end)) continue; // the next mention gets the link
    flags.set(id, LINKED_NOW);
    const concept = index.concepts[id];
    // The term's own string when the mention is written as the term (acronyms, Chinese terms): a full rebuild keeps
    // every link until the plan is written, and 90,000 fresh slices held by older link objects were costly to collect.
    const term = m.term.text;
    const surface = m.end - m.start === term.length && text.startsWith(term, m.start) ? term : text.slice(m.start, m.end);
    let link = makeLink(concept.path, surface, sourcePath);
    if (zones.table.length > 0 && rangeAt(zones.table, m.start) >= 0) link = escapeTablePipes(link);
    for (let k = text.indexOf('\n', counted); k >= 0 && k < m.start; k = text.indexOf('\n', k + 1)) line++;
    counted = m.start;
    links.push({ concept: concept.name, conceptPath: concept.path, surface, line, offset: m.start });
    out.push(text.slice(last, m.start), link);
    last = m.end;
  }
  // Concept ids follow path order, so sorting ids sorts paths.
  const mentions = flags.mentioned.filter((id) => id !== self).sort((a, b) => a - b).map((id) => index.concepts[id].path);
  if (links.length > 0) out.push(text.slice(last));
  return { text, links, mentions, pieces: links.length === 0 ? null : out };
}

/**
 * The linker the sync runs over each note it renders (new or updated): managed regions included, since the sync
 * owns them; null when there are no concepts. The CLI and the plugin differ only in `makeLink`.
 */
export function noteLinker(index: TermIndex, options: { linkInHeadings: boolean; makeLink?: MakeLink }): ((text: string, path: string) => string) | undefined {
  if (index.concepts.length === 0) return undefined;
  const base: LinkTextOptions = { makeLink: options.makeLink, linkManagedRegions: true, linkInHeadings: options.linkInHeadings };
  return (text, path) => linkText(text, index, { ...base, sourcePath: path }).text;
}
