/**
 * Concepts: linking the first mention of each concept in every note, the concept notes' lists, and concepts found in
 * the user's own library. Light and loaded at once: what a concept run returns and the words that describe it. The
 * engine (engine.ts says what it does) is imported on first use through `loadConceptEngine()`; its types are here.
 */
export { conceptPolicyLines, formatConceptRun, formatGlossaryOutcome, type ConceptLinkResult, type GlossaryOutcome, type TextLinkResult } from './concept-run';
export type * from './engine';

export type ConceptEngine = typeof import('./engine');

/** The concept engine, imported on first use. */
export function loadConceptEngine(): Promise<ConceptEngine> {
  return import('./engine');
}
