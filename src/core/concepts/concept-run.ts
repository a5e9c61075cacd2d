/**
 * What a concept run did, in the shape the plugin's notices and the CLI share, and how it is said to the user.
 */
import { listSome, plural } from '../text/counts';
import type { TextEdit } from '../text/text-edits';
import type { AdoptedNote } from './glossary';
import type { RejectedTerm } from './term-index';
import type { UbiquitousConcept } from './ubiquity';

export interface ConceptLinkResult {
  /** Concepts known (concept notes in the concepts folder). */
  conceptCount: number;
  /** Notes rewritten. */
  updated: string[];
  /** Links added, per note path. */
  links: Record<string, string[]>;
  /** Terms two concept notes share (not linked), as sentences for the user; only those not reported before. */
  newConflicts: string[];
  /** Notes left alone because the user is typing in them (they are linked by a later run). */
  skipped: string[];
  /** Notes that could not be read or written. */
  failed: { path: string; message: string }[];
  /**
   * Concepts that most notes mention, suggested for `zcn-link: false` (never switched off by the plugin): all of them
   * after a run the user asked for, only those not reported before after an automatic one.
   */
  ubiquitous: UbiquitousConcept[];
  /** Terms of concept notes that are not linked (too common, too short), not reported before. */
  rejected: RejectedTerm[];
}

/** What creating concept notes did (from the glossary, or from the suggestions the user ticked). */
export interface GlossaryOutcome {
  created: string[];
  /** Entries left out (the note exists, or its term belongs to another concept note). */
  skipped: number;
  /** The user's own notes adopted as concept notes instead of creating a second note of that name. */
  adopted: AdoptedNote[];
  /** `settings.adoptedConcepts` with them added, to save; null when nothing was adopted. */
  adoptedConcepts: string[] | null;
  links: ConceptLinkResult;
}

/** Concept links for a text being edited: the minimal edits, and the concepts they link. */
export interface TextLinkResult {
  edits: TextEdit[];
  concepts: string[];
}

/**
 * "Concept links rebuilt: 12 links added, 5 notes updated." then the notes left alone (open in the editor), alias
 * conflicts and notes that could not be written.
 */
export function formatConceptRun(title: string, result: ConceptLinkResult): string {
  if (result.conceptCount === 0) return `${title}: there are no concept notes yet. Add notes to the concepts folder, or run "Create concept notes from glossary".`;
  const linkCount = Object.values(result.links).reduce((n, list) => n + list.length, 0);
  const lines = [`${title}: ${plural(linkCount, 'link')} added, ${plural(result.updated.length, 'note')} updated.`];
  if (result.skipped.length > 0) lines.push(`Left alone while open in the editor (linked later): ${listSome(result.skipped)}`);
  if (result.newConflicts.length > 0) lines.push(listSome(result.newConflicts, 3, '\n'));
  if (result.failed.length > 0) lines.push(`Not linked: ${listSome(result.failed.map((f) => `${f.path} (${f.message})`))}`);
  lines.push(...conceptPolicyLines(result));
  return lines.join('\n');
}

/**
 * What the user may want to switch off, and terms that are not linked, in words: concepts most notes mention, with
 * how to stop linking them (the plugin never does it for them), and refused aliases with the reason.
 */
export function conceptPolicyLines(result: Pick<ConceptLinkResult, 'ubiquitous' | 'rejected'>): string[] {
  const lines: string[] = [];
  if (result.ubiquitous.length > 0) {
    const named = result.ubiquitous.map((u) => `"${u.concept}" (${u.notes} of ${u.total} notes, ${Math.round(u.share * 100)} %)`);
    lines.push(`Mentioned by most notes: ${listSome(named)}. To stop linking a concept, add "zcn-link: false" to its note.`);
  }
  if (result.rejected.length > 0) {
    lines.push(`Terms not linked: ${listSome(result.rejected.map((r) => `"${r.term}" of ${r.concept} (${r.reason})`))}.`);
  }
  return lines;
}

/** "Created 3 concept notes." or why none was, then the user's notes adopted, then the concept run. */
export function formatGlossaryOutcome(outcome: GlossaryOutcome, none: string): string {
  const lines = [outcome.created.length === 0 ? none : `Created ${plural(outcome.created.length, 'concept note')}.`];
  for (const a of outcome.adopted.slice(0, 3)) lines.push(`Your note ${a.path} is now the concept ${a.name} (named "${a.matched}"; no second note made).`);
  if (outcome.adopted.length > 3) lines.push(`…and ${outcome.adopted.length - 3} more of your notes adopted as concepts.`);
  lines.push(formatConceptRun('Concept links', outcome.links));
  return lines.join('\n');
}

