/**
 * The citation engine (issue 12): Pandoc citations found in every note, and the "Cited in" section they give each
 * literature note. Reached through `loadCitationEngine()` in index.ts (it uses the concept engine's zone scanner),
 * never statically from the plugin's start-up path.
 */
export { findCitations, readCitationKey, type Citation, type CitationForm, type CitationZones } from './pandoc-citations';
export { citationsInNote, type NoteCitations } from './note-citations';
export { createCitationState, type CitationState } from './citation-state';
export { renderCitedIn, type CitingNote } from './cited-in-section';
export { updateCitedIn, type CitedInOptions, type CitedInResult } from './update-cited-in';
export { wikilinkMaker, type MakeLink } from '../concepts/link-writer';
