/**
 * The library domain's front door: the paper model, reading a Better BibTeX export, collections and annotations.
 * Shells (plugin, CLI) import the library only from here.
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

/** The export readers: `readExport(bytesOrText, name)` (decodes the bytes, then reads) and `readLibrary(text)`. */
export type LibraryReader = typeof import('./read-export');

let loading: Promise<LibraryReader> | null = null;

/** The export readers, loaded on first use (see above). */
export function loadLibraryReader(): Promise<LibraryReader> {
  loading ??= import('./read-export').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
