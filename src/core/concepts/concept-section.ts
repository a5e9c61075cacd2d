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
  /** Concepts mentioned in the same notes, with the number of notes, most frequent first. */
  cooccurring: (SectionConcept & { count: number })[];
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
  const l = LABELS[options.language];
  const lines: string[] = [`## ${l.notes} (${notes.length})`, ''];
  if (notes.length === 0) lines.push(l.none);
  for (const n of notes) lines.push(`- ${n.link ?? options.makeLink(n.path, n.title, options.sourcePath)}`);
  return lines.join('\n');
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
    const rest = data.cooccurring.length - MAX_COOCCURRING;
    if (rest > 0) shown.push(l.more.replace('{n}', String(rest)));
    lines.push(`- ${l.cooccurring}: ${shown.join(', ')}`);
  }
  if (data.mentions.length + data.mentionedBy.length + data.cooccurring.length === 0) lines.push(l.noRelated);
  return lines.join('\n');
}

/** Put `content` (LF) into the note's concept section (see writeOwnedSection). */
export function writeConceptSection(text: string, content: string): { text: string } | { problem: string } {
  return writeOwnedSection(text, CONCEPT_SECTION_ID, content);
}
