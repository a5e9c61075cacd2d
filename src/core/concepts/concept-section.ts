/**
 * The managed section of a concept note (region `concept-links`): the notes that mention the concept, with their
 * titles, and the related concepts (mentioned by this one, mentioning it, appearing in the same notes, with counts).
 * Rendered from data only, so the same data always gives the same text and an unchanged section is never rewritten.
 */
import { CONCEPT_SECTION_ID, writeOwnedSection } from '../text/owned-sections';
import type { ConceptLanguage } from './glossary';
import { safeLinkText, type MakeLink } from './link-writer';

export interface SectionNote {
  path: string;
  /** The title, already safe as link text (see safeLinkText). */
  title: string;
  /** Lower-case title, for sorting. */
  sortKey: string;
  /** The link to the note, when already made (the planner makes them while pausing); else made when rendered. */
  link?: string;
}

export interface SectionConcept {
  path: string;
  name: string;
}

export interface SectionData {
  /** Notes (not concept notes) that mention the concept. */
  notes: SectionNote[];
  /** Concepts the concept's own note mentions. */
  mentions: SectionConcept[];
  /** Concept notes that mention this concept. */
  mentionedBy: SectionConcept[];
  /** Concepts mentioned in the same notes, with the number of notes, most frequent first (the first ones at least). */
  cooccurring: (SectionConcept & { count: number })[];
  /** How many concepts appear with this one, when `cooccurring` holds only the first MAX_COOCCURRING of them. */
  cooccurringCount?: number;
}

/** At most this many co-occurring concepts are listed (the rest is counted). */
export const MAX_COOCCURRING = 20;

const LABELS: Record<ConceptLanguage, Record<string, string>> = {
  en: {
    notes: 'Mentioned in',
    none: '*No note mentions this concept yet.*',
    related: 'Related concepts',
    mentions: 'Mentions',
    mentionedBy: 'Mentioned by',
    cooccurring: 'Appears with',
    noRelated: '*None yet.*',
    more: 'and {n} more',
  },
  zh: {
    notes: '提及本概念的笔记',
    none: '*暂无笔记提及本概念。*',
    related: '相关概念',
    mentions: '本概念提及',
    mentionedBy: '提及本概念',
    cooccurring: '共同出现',
    noRelated: '*暂无。*',
    more: '另有 {n} 个',
  },
};

export interface SectionRenderOptions {
  language: ConceptLanguage;
  makeLink: MakeLink;
  /** Path of the concept note the section is written into. */
  sourcePath: string;
}

/** The first part of the section: the notes that mention the concept. */
export function renderNotesPart(notes: readonly SectionNote[], options: SectionRenderOptions): string {
  return notesPartPieces(notes, options).join('');
}

/**
 * The first part as pieces to concatenate: each link stays a piece of its own (`'\n- '` between them), so a link
 * listed in many sections is copied into each, never made into a line first.
 */
export function notesPartPieces(notes: readonly SectionNote[], options: SectionRenderOptions): string[] {
  const l = LABELS[options.language];
  const pieces: string[] = [`## ${l.notes} (${notes.length})`, '\n'];
  if (notes.length === 0) pieces.push('\n', l.none);
  for (const n of notes) pieces.push('\n- ', n.link ?? options.makeLink(n.path, n.title, options.sourcePath));
  return pieces;
}

/** The second part: related concepts (mentioned, mentioning, appearing in the same notes, with counts). */
export function renderRelatedPart(data: Omit<SectionData, 'notes'>, options: SectionRenderOptions): string {
  const l = LABELS[options.language];
  const lines: string[] = [`## ${l.related}`, ''];
  const name = (c: SectionConcept) => options.makeLink(c.path, safeLinkText(c.name) || c.name, options.sourcePath);
  const list = (items: SectionConcept[]) => items.map(name).join(', ');
  if (data.mentions.length > 0) lines.push(`- ${l.mentions}: ${list(data.mentions)}`);
  if (data.mentionedBy.length > 0) lines.push(`- ${l.mentionedBy}: ${list(data.mentionedBy)}`);
  if (data.cooccurring.length > 0) {
    const shown = data.cooccurring.slice(0, MAX_COOCCURRING).map((c) => `${name(c)} (${c.count})`);
    const rest = (data.cooccurringCount ?? data.cooccurring.length) - MAX_COOCCURRING;
    if (rest > 0) shown.push(l.more.replace('{n}', String(rest)));
    lines.push(`- ${l.cooccurring}: ${shown.join(', ')}`);
  }
  if (data.mentions.length + data.mentionedBy.length + data.cooccurring.length === 0) lines.push(l.noRelated);
  return lines.join('\n');
}

/**
 * The section's content, `${list}\n\n${related}`, from its two parts (the list as pieces, or as rendered before),
 * joined once into a flat string, with the parts as slices of it: no copy of either part is kept besides.
 */
export function sectionContent(listPart: string | readonly string[], related: string): { content: string; list: string; related: string } {
  const content = (typeof listPart === 'string' ? [listPart] : listPart).concat('\n\n', related).join('');
  const listLength = content.length - related.length - 2;
  return { content, list: content.slice(0, listLength), related: content.slice(listLength + 2) };
}

/** Put `content` (LF) into the note's concept section (see writeOwnedSection). */
export function writeConceptSection(text: string, content: string): { text: string; contentStart: number } | { problem: string } {
  return writeOwnedSection(text, CONCEPT_SECTION_ID, content);
}
