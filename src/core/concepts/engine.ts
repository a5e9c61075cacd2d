/**
 * The concept engine (issue 4): everything but the run summary and its words. Heavy (the glossary, the term index,
 * the matcher): reached through `loadConceptEngine()` in index.ts, never statically from the plugin's start-up path.
 *
 * - `planConceptLinks` / `applyConceptPlan`: link the notes in scope and refresh the concept sections, as a full run
 *   or an incremental one (`changedPaths`). Keep one `ConceptLinkState` (from `createConceptLinkState`) between
 *   runs: with it one changed note costs a few milliseconds, and a change to a concept note's aliases re-links only
 *   the notes that mention an old alias or contain a new one.
 * - `linkText`: link one text; pure. The sync calls it on freshly rendered literature notes.
 * - `loadConceptIndex` / `buildTermIndex`: the term index (concept note names and front-matter aliases).
 * - `createGlossaryNotes` / `renderConceptNote` / `GLOSSARY`: the built-in bilingual glossary.
 *
 * Who links inside the plugin's managed regions (`%% zcn:begin id %%` … `%% zcn:end id %%`): the sync owns and
 * rewrites their text, and keeps a hash of what it wrote to detect hand edits, so a link the vault linker put there
 * would either be lost on the next sync or be mistaken for a user edit. The sync therefore links that text itself
 * when it renders it (`linkText(…, { linkManagedRegions: true })`), and the vault linker never edits inside a
 * region: mentions there count (for "first mention" and for the concept sections), links there count as existing
 * links, and the marker comments are protected like every `%%` comment. The concept section of a concept note
 * (region `concept-links`) is the engine's own output and is ignored entirely when reading mentions.
 */
export { GLOSSARY, type GlossaryEntry } from './glossary-data';
export { createGlossaryNotes, renderConceptNote, type ConceptLanguage, type GlossaryOptions, type GlossaryResult } from './glossary';
export { buildTermIndex, parseConceptNote, TermIndex, type ConceptDef, type ConceptEntry, type RejectedTerm, type TermConflict } from './term-index';
export { loadConceptIndex } from './load-index';
export { linkText, noteLinker, type AddedLink, type LinkTextOptions, type LinkTextResult } from './link-text';
export { defaultMakeLink, wikilinkMaker, type MakeLink } from './link-writer';
export { CONCEPT_SECTION_ID } from './markdown-zones';
export { createConceptLinkState, cloneConceptLinkState, type ConceptLinkState, type NoteRecord } from './link-state';
export { planConceptLinks } from './planner';
export { applyConceptPlan } from './plan-apply';
export { OverlayVault } from './overlay-vault';
export { inScope, resolveScope } from './scope';
export { editsFromLinks, type PlacedLink } from './link-edits';
export type {
  ConceptApplyOptions,
  ConceptApplyResult,
  ConceptLinkOptions,
  ConceptLinkPlan,
  ConceptProblem,
  PlannedNoteEdit,
  SkippedNote,
} from './plan-types';
