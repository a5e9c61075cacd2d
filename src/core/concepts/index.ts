/**
 * The concept engine's public API (issue 4). The plugin and the sync import from here.
 *
 * - `planConceptLinks` / `applyConceptPlan`: link the notes in scope and refresh concept sections, full or incremental
 *   (keep one `ConceptLinkState` between runs).
 * - `linkText`: link one text (the sync calls it on freshly rendered literature notes).
 * - `loadConceptIndex` / `buildTermIndex`: the term index.
 * - `createGlossaryNotes` / `renderConceptNote` / `GLOSSARY`: the built-in bilingual glossary.
 */
export { GLOSSARY, type GlossaryEntry } from './glossary-data';
export { createGlossaryNotes, renderConceptNote, type ConceptLanguage, type GlossaryOptions, type GlossaryResult } from './glossary';
export { buildTermIndex, parseConceptNote, TermIndex, type ConceptDef, type ConceptEntry, type RejectedTerm, type TermConflict } from './term-index';
export { loadConceptIndex } from './load-index';
export { linkText, type AddedLink, type LinkTextOptions, type LinkTextResult } from './link-text';
export { defaultMakeLink, wikilinkMaker, type MakeLink } from './link-writer';
export { CONCEPT_SECTION_ID } from './markdown-zones';
export { createConceptLinkState, cloneConceptLinkState, type ConceptLinkState, type NoteRecord } from './link-state';
export { planConceptLinks } from './planner';
export { applyConceptPlan } from './plan-apply';
export { resolveScope } from './scope';
export { OverlayVault } from './overlay-vault';
export type {
  ConceptApplyOptions,
  ConceptApplyResult,
  ConceptLinkOptions,
  ConceptLinkPlan,
  ConceptProblem,
  PlannedNoteEdit,
  SkippedNote,
} from './plan-types';
