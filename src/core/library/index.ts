/**
 * The library domain's front door: the paper model, collections and annotations, the compact entries the plugin
 * keeps of a read library and the cache that holds them (library-index.ts, library-cache.ts), the parser interface
 * and its messages for the library worker (library-parser.ts), the library search, and the export readers. Shells
 * (plugin, CLI) import the library only from here.
 *
 * The readers themselves (`readExport`, `readLibrary`, the parser of export-reader.ts) load citation-js, which
 * takes tens of milliseconds to evaluate; so they are reached through `loadLibraryReader()` and
 * `loadLocalLibraryParser()`, dynamic imports, and the plugin's start-up never pays for them. Everything else here
 * is light.
 */
import type { LibraryParser } from './library-parser';

export type { Annotation, AnnotationColorName, AnnotationType } from './annotation';
export { ANNOTATION_COLOR_NAMES, ZOTERO_COLORS, colorNameOf } from './annotation';
export type { ExportFormat, LibraryCollection, LibraryError, LibraryReadResult, Paper } from './paper';
export { IncompleteExportError, UnrecognizedExportError, arxivAbsUrl, paperHash, zoteroSelectUri } from './paper';
export { collectionName, collectionScope, type CollectionScope } from './collections';
export { decodeExport, type DecodedExport, type ExportContent } from './decode-export';
export { openInZoteroLink, selectsByItemKey, type ZoteroLinkCandidates } from './zotero-uri';
export { foldForSearch, PaperSearchIndex, paperSearchIndex, type PaperMatch, type SearchablePaper } from './paper-search';
export { LibraryCache, UnreadableExportError, type CacheTimers, type ExportSnapshot, type LibraryCacheDeps, type LibraryState } from './library-cache';
export { LibraryShelf, type LibraryShelfDeps, type ShelfExport, type ShelfSnapshot } from './library-shelf';
export { ShelfLibrary, type ShelfPart } from './shelf-library';
export {
  entryOf,
  entryZoteroUri,
  LoadedLibrary,
  mapWholePapers,
  packEntries,
  unpackEntries,
  type ExportSummary,
  type IndexedExport,
  type PaperEntry,
  type PaperKey,
  type PaperSource,
} from './library-index';
export type { LibraryParser, LibraryWorkerRequest, LibraryWorkerResponse, ParsedExport } from './library-parser';
export type { ExportDefect, ExportDefectReason } from './export-defect';

/** The export readers: `readExport(bytesOrText, name)` (decodes the bytes, then reads) and `readLibrary(text)`. */
export type LibraryReader = typeof import('./read-export');

/** The export readers, imported on first use (see above). */
export function loadLibraryReader(): Promise<LibraryReader> {
  return import('./read-export');
}

/** A parser in this thread (where no Web Worker runs it), importing the reader on first use. */
export async function loadLocalLibraryParser(): Promise<LibraryParser> {
  return new (await import('./export-reader')).LocalLibraryParser();
}
