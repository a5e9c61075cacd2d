/**
 * Literature notes. Light and loaded at once: the headings language and where "Insert paper summary" puts its
 * entry. The renderer (Handlebars, yaml) is imported on first use through `loadNoteRenderer()`.
 */
export { headingsFor, resolveNoteLanguage, type Headings, type NoteLanguage } from './i18n';
export { summaryPlacement, type SummaryPlacement } from './summary-placement';
export type { CitationRenderer, CompiledTemplate, RenderContext, RenderedNote, SummaryEntryOptions } from './renderer';

export type NoteRenderer = typeof import('./renderer');

/** The note renderer, imported on first use. */
export function loadNoteRenderer(): Promise<NoteRenderer> {
  return import('./renderer');
}
