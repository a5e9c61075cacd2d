/**
 * Rendering literature notes: a paper → its note (front matter, the built-in template or the user's Handlebars
 * template, a safe file name), and the survey-style summary entry. Heavy (Handlebars, yaml): reached through
 * `loadNoteRenderer()` in index.ts, never statically from the plugin's start-up path.
 */
export { renderNote, type RenderContext, type RenderedNote } from './render-note';
export { loadNoteTemplate } from './load-template';
export { compileTemplate, TemplateError, type CompiledTemplate } from './template';
export { DateFormatError, validateDateFormat } from './front-matter';
export { noteFileName, sanitizeFileName } from './file-name';
export { renderSummaryEntry, renderSummaryList, type SummaryEntryOptions } from './summary-entry';
export { CITATION_TEMPLATE_NAME, compileCitationTemplate, type CitationRenderer, type CitationTemplateOptions } from './citation-template';
