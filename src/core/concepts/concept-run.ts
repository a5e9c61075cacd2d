/**
 * What a concept run did, in the shape the plugin's notices and the CLI share, and how it is said to the user.
 */
import { listSome, plural } from '../text/counts';
import type { TextEdit } from '../text/text-edits';

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
}

export interface GlossaryOutcome {
  created: string[];
  /** Glossary entries left out (the note exists, or its term belongs to another concept note). */
  skipped: number;
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
  return lines.join('\n');
}

