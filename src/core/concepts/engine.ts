/**
 * The concept engine (issues 4 and 11): everything but the run summary and its words. Heavy (the glossary, the term
 * index, the matcher, the suggester): reached through `loadConceptEngine()` in index.ts, never statically from the
 * plugin's start-up path.
 *
 * - `planConceptLinks` / `applyConceptPlan`: link the notes in scope and refresh the concept sections, as a full run
 *   or an incremental one (`changedPaths`). Keep one `ConceptLinkState` (from `createConceptLinkState`) between
 *   runs: with it one changed note costs a few milliseconds, and a change to a concept note's aliases re-links only
 *   the notes that mention an old alias or contain a new one.
 * - `linkText`: link one text; pure. The sync calls it on freshly rendered literature notes.
 * - `loadConceptIndex` / `buildTermIndex`: the term index (concept note names and front-matter aliases).
 * - `createGlossaryNotes` / `renderConceptNote` / `GLOSSARY`: the built-in bilingual glossary; notes of the user's
 *   named like a concept are adopted (`GlossaryResult.adopted`, saved in `settings.adoptedConcepts` via `withAdopted`).
 * - `suggestConceptsFromVault` / `acceptConceptSuggestions`: "Suggest concepts from library" (definition pairs found
 *   in the notes and papers; the chosen ones become concept notes, then everything is linked).
 * - Plans report `ubiquitous` concepts (suggested for `zcn-link: false`), `switchedOff` ones, `newRejected` terms
 *   and `otherPluginFiles` left alone.
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
export {
  createGlossaryNotes,
  renderConceptNote,
  withAdopted,
  type AdoptedNote,
  type ConceptLanguage,
  type GlossaryOptions,
  type GlossaryResult,
} from './glossary';
export { buildTermIndex, parseConceptNote, TermIndex, type ConceptDef, type ConceptEntry, type RejectedTerm, type TermConflict } from './term-index';
export { loadConceptIndex, type ConceptSourceSettings } from './load-index';
export { LINK_SWITCH_KEY } from './term-index';
export { findUbiquitousConcepts, MIN_NOTES_FOR_UBIQUITY, type UbiquitousConcept } from './ubiquity';
export { pluginFileOwner } from './plugin-files';
export { findDefinitionPairs, type DefinitionPair } from './suggest/definition-pairs';
export { DEFAULT_MIN_NOTES, suggestConcepts, type ConceptSuggestion, type SuggestionSource, type SuggestOptions } from './suggest/suggest-concepts';
export { noteText, paperSource, suggestConceptsFromVault, type SuggestionPaper, type VaultSuggestions } from './suggest/suggest-sources';
export { acceptConceptSuggestions, createSuggestedConceptNotes, type AcceptResult } from './suggest/accept-suggestions';
export { linkText, noteLinker, type AddedLink, type LinkTextOptions, type LinkTextResult } from './link-text';
export { defaultMakeLink, wikilinkMaker, type MakeLink } from './link-writer';
export { CONCEPT_SECTION_ID } from './markdown-zones';
export { createConceptLinkState, cloneConceptLinkState, type ConceptLinkState, type NoteRecord } from './link-state';
export { planConceptLinks } from './planner';
export { applyConceptPlan } from './plan-apply';
export { inScope, resolveScope } from './scope';
export { editsFromLinks, type PlacedLink } from './link-edits';
export { OverlayVault } from './overlay-vault';
export type {
  ConceptApplyOptions,
  ConceptApplyResult,
  ConceptLinkOptions,
  ConceptLinkPlan,
  ConceptProblem,
  ConceptSettings,
  PlannedNoteEdit,
  SkippedNote,
} from './plan-types';
