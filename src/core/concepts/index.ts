/**
 * Concepts: linking the first mention of each concept in every note, and the concept notes' lists. Light and loaded
 * at once: what a concept run returns and the words that describe it. The engine (how it works: engine.ts) is
 * imported on first use through `loadConceptEngine()`; its types are here.
 */
export { formatConceptRun, type ConceptLinkResult, type GlossaryOutcome, type TextLinkResult } from './concept-run';
export type {
  AddedLink,
  ConceptApplyOptions,
  ConceptApplyResult,
  ConceptDef,
  ConceptEntry,
  ConceptLanguage,
  ConceptLinkOptions,
  ConceptLinkPlan,
  ConceptLinkState,
  ConceptProblem,
  GlossaryEntry,
  GlossaryOptions,
  GlossaryResult,
  LinkTextOptions,
  LinkTextResult,
  MakeLink,
  NoteRecord,
  PlacedLink,
  PlannedNoteEdit,
  RejectedTerm,
  SkippedNote,
  TermConflict,
  TermIndex,
} from './engine';

export type ConceptEngine = typeof import('./engine');

/** The concept engine, imported on first use. */
export function loadConceptEngine(): Promise<ConceptEngine> {
  return import('./engine');
}
