/**
 * Types several concept modules share, in a module of their own so that none of them imports another only for a
 * type (the glossary, the index loader and the plan types would otherwise form an import cycle).
 */

/** The language of a concept note's text (its definition and headings). */
export type ConceptLanguage = 'en' | 'zh';

/** A note the concept engine could not read or write, and why. */
export interface ConceptProblem {
  path: string;
  message: string;
}
