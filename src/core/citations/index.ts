/**
 * Citations: Pandoc citations (`[@key]`, `@key [p. 3]`, `[-@key]`, `[[@key]]`…) in the user's notes count as links to
 * the cited paper's literature note, whose "Cited in" section lists the citing notes. The engine is imported on
 * first use through `loadCitationEngine()`; its types are here, with what the `[@` suggester needs on each keystroke.
 */
export { citationRange, findCitationTrigger, splitCitationQuery, withLocator, type CitationTrigger } from './cite-while-writing';
export { formatCitedInRun, linkTextOf } from './cited-in-run';
export type * from './engine';

export type CitationEngine = typeof import('./engine');

/** The citation engine, imported on first use. */
export function loadCitationEngine(): Promise<CitationEngine> {
  return import('./engine');
}
