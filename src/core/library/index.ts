/**
 * The library domain's front door: the paper model, collections and annotations, the cache the plugin keeps of the
 * parsed library, and the export readers. Shells (plugin, CLI) import the library only from here.
 *
 * The readers themselves (`readExport`, `readLibrary`) load citation-js, which takes tens of milliseconds to
 * evaluate; so they are reached through `loadLibraryReader()`, a dynamic import, and the plugin's start-up never
 * pays for them. Everything else here is light.
 */
export type { Annotation, AnnotationColorName, AnnotationType } from './annotation';
export { ANNOTATION_COLOR_NAMES, ZOTERO_COLORS, colorNameOf } from './annotation';
export type { ExportFormat, LibraryCollection, LibraryError, LibraryReadResult, Paper } from './paper';
export { IncompleteExportError, UnrecognizedExportError, arxivAbsUrl, zoteroSelectUri } from './paper';
export { collectionName, collectionScope, type CollectionScope } from './collections';
export { decodeExport, type DecodedExport, type ExportContent } from './decode-export';
export { openInZoteroLink, selectsByItemKey, type ZoteroLinkCandidates } from './zotero-uri';
export { foldForSearch, PaperSearchIndex, paperSearchIndex, type PaperMatch } from './paper-search';
export { LibraryCache, type LibraryCacheDeps, type LibraryState, type LoadedLibrary, type ReadLibrary } from './library-cache';

/** The export readers: `readExport(bytesOrText, name)` (decodes the bytes, then reads) and `readLibrary(text)`. */
export type LibraryReader = typeof import('./read-export');

/** The export readers, imported on first use (see above). */
export function loadLibraryReader(): Promise<LibraryReader> {
  return import('./read-export');
}
