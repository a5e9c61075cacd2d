/** Literature-note rendering: the public API the sync, the plugin and the CLI use. */
export { DEFAULT_NOTE_TEMPLATE, DEFAULT_TEMPLATE_NAME, defaultNoteTemplate } from './default-template';
export { allocateNotePaths, FALLBACK_FILE_NAME, MAX_FILE_NAME_BYTES, noteFileName, pathKey, sanitizeFileName, type FileNameContext } from './file-name';
export {
  CREATION_ONLY_KEYS,
  DateFormatError,
  formatWithPattern,
  frontMatterValues,
  MANAGED_KEYS,
  OPTIONAL_KEYS,
  serializeFrontMatter,
  serializeFrontMatterEntry,
  validateDateFormat,
  type FrontMatterContext,
  type ManagedKey,
} from './front-matter';
export { headingsFor, resolveNoteLanguage, type Headings, type NoteLanguage } from './i18n';
export { loadNoteTemplate } from './load-template';
export { toObsidianTag, toObsidianTags } from './obsidian-tags';
export { attachmentUrl, displayName, resolveSummary } from './paper-format';
export { renderNote, type FrontMatterEntry, type RenderContext, type RenderedNote } from './render-note';
export { renderSummaryEntry, renderSummaryList, type SummaryEntryOptions } from './summary-entry';
export { compileTemplate, TemplateError, type CompiledTemplate } from './template';
export { buildTemplateContext, type TemplateContext, type TemplateContextOptions } from './template-context';
