/**
 * The second half of "Suggest concepts from library": the suggestions the user ticked become concept notes (their
 * long forms as aliases), then the notes in scope are linked to them. Creation goes through the glossary's path, so a
 * chosen term never overwrites a note, never duplicates a concept note's term, and adopts the user's own note of
 * that name instead of making a second one.
 */
import type { VaultPort } from '../../vault/vault-port';
import { createGlossaryNotes, type GlossaryResult } from '../glossary';
import type { GlossaryEntry } from '../glossary-data';
import { applyConceptPlan } from '../plan-apply';
import type { ConceptApplyResult, ConceptLinkOptions, ConceptLinkPlan } from '../plan-types';
import { planConceptLinks } from '../planner';
import type { ConceptSuggestion } from './suggest-concepts';

/** A file name for a term: characters no OS allows in a name become "-" (the term stays an alias then). */
export function conceptFileName(term: string): string {
  return term.replace(/[\\/:*?"<>|]/g, '-').replace(/^\.+/, '').trim();
}

/** Glossary entries for the chosen suggestions (no definitions: the note's body is the user's to write). */
export function suggestionEntries(chosen: readonly Pick<ConceptSuggestion, 'term' | 'aliases'>[]): GlossaryEntry[] {
  return chosen.map((s) => {
    const name = conceptFileName(s.term);
    const aliases = name === s.term ? [...s.aliases] : [s.term, ...s.aliases];
    return { name, aliases, en: '', zh: '' };
  });
}

/** Create the concept notes of the chosen suggestions (nothing else). */
export function createSuggestedConceptNotes(
  vault: VaultPort,
  options: Pick<ConceptLinkOptions, 'settings' | 'language'>,
  chosen: readonly Pick<ConceptSuggestion, 'term' | 'aliases'>[],
): Promise<GlossaryResult> {
  return createGlossaryNotes(vault, options.settings, { language: options.language, entries: suggestionEntries(chosen) });
}

export interface AcceptResult {
  notes: GlossaryResult;
  plan: ConceptLinkPlan;
  applied: ConceptApplyResult;
}

/**
 * Create the chosen concept notes, then link. With `options.state` (the plugin's kept state) the run is incremental
 * over the new concept notes; without it, a full run. The caller adds `notes.adopted` to its settings (withAdopted)
 * and passes them in `options.settings` for the next runs.
 */
export async function acceptConceptSuggestions(vault: VaultPort, options: ConceptLinkOptions, chosen: readonly Pick<ConceptSuggestion, 'term' | 'aliases'>[]): Promise<AcceptResult> {
  const notes = await createSuggestedConceptNotes(vault, options, chosen);
  const changed = [...notes.created, ...notes.adopted.map((a) => a.path)];
  const settings = { ...options.settings, adoptedConcepts: [...(options.settings.adoptedConcepts ?? []), ...notes.adopted.map((a) => a.path)] };
  const plan = await planConceptLinks(vault, { ...options, settings, changedPaths: options.state ? changed : undefined });
  const applied = await applyConceptPlan(vault, plan, { skipPaths: options.skipPaths, onProgress: options.onProgress });
  return { notes, plan, applied };
}
