/**
 * Concepts mentioned by so many notes that linking them turns the graph into a hairball (Pretraining linked from 505
 * of 651 notes in a real vault). They are only suggested for switching off (`zcn-link: false`); nothing is switched
 * off without the user.
 */
import { DEFAULT_SETTINGS } from '../settings/settings';
import type { ConceptLinkState } from './link-state';

/** Below this many notes in scope, shares say little: no concept is called ubiquitous. */
export const MIN_NOTES_FOR_UBIQUITY = 20;

export interface UbiquitousConcept {
  /** The concept's name and note path. */
  concept: string;
  path: string;
  /** Notes (not concept notes) mentioning it, and their share of the notes in scope. */
  notes: number;
  share: number;
  /** Notes in scope (not concept notes). */
  total: number;
}

/** The linked concepts mentioned by more than `share` of the notes in scope, most mentioned first. */
export function findUbiquitousConcepts(state: ConceptLinkState, share: number = DEFAULT_SETTINGS.ubiquitousConceptShare): UbiquitousConcept[] {
  if (share >= 1) return [];
  let total = 0;
  for (const rec of state.notes.values()) if (!rec.isConcept) total++;
  if (total < MIN_NOTES_FOR_UBIQUITY) return [];
  const out: UbiquitousConcept[] = [];
  for (const [path, def] of state.conceptDefs) {
    if (def.linkable === false) continue;
    const set = state.mentionedBy.get(path);
    // The set also holds concept notes (a few hundred at most): only a set that could pass is counted exactly.
    if (!set || set.size <= share * total) continue;
    let notes = 0;
    for (const note of set) if (state.notes.get(note)?.isConcept === false) notes++;
    if (notes > share * total) out.push({ concept: def.name, path, notes, share: notes / total, total });
  }
  return out.sort((a, b) => b.notes - a.notes || (a.path < b.path ? -1 : 1));
}
