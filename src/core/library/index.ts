/**
 * The library: the paper model every other domain works on (paper.ts), the compact entries the plugin keeps of a
 * read library and the cache that holds them (library-index.ts, library-cache.ts), the parser interface and its
 * messages for the library worker (library-parser.ts), and the reader (a Better BibTeX export's text →
 * `{ format, papers, errors, warnings }`), which is imported on first use (loadLibraryReader,
 * loadLocalLibraryParser): it pulls in citation-js, which takes tens of milliseconds to evaluate, so nothing on the
 * plugin's start-up path may import it statically.
 */
import type { LibraryParser } from './library-parser';
import type { LibraryReadResult } from './paper';

export {
  arxivAbsUrl,
  paperHash,
  UnrecognizedExportError,
  zoteroSelectUri,
  type ExportFormat,
  type LibraryError,
  type LibraryReadResult,
  type Paper,
} from './paper';
export { LibraryCache, UnreadableExportError, type CacheTimers, type ExportSnapshot, type LibraryCacheDeps, type LibraryState } from './library-cache';
export { entryOf, LoadedLibrary, packEntries, unpackEntries, type ExportSummary, type IndexedExport, type PaperEntry, type PaperKey, type PaperSource } from './library-index';
export type { LibraryParser, LibraryWorkerRequest, LibraryWorkerResponse, ParsedExport } from './library-parser';
export type { ExportDefect, ExportDefectReason } from './export-defect';

/** The reader's `readLibrary`, importing it on first use. */
export async function loadLibraryReader(): Promise<(text: string) => LibraryReadResult> {
  return (await import('./read-library')).readLibrary;
}

/** A parser in this thread (where no Web Worker runs it), importing the reader on first use. */
export async function loadLocalLibraryParser(): Promise<LibraryParser> {
  return new (await import('./export-reader')).LocalLibraryParser();
}
