/**
 * The library: the paper model every other domain works on (paper.ts), the cache the plugin keeps of the parsed
 * library, and the reader (a Better BibTeX export's text → `{ format, papers, errors, warnings }`), which is
 * imported on first use: it pulls in citation-js, which takes tens of milliseconds to evaluate, so nothing on
 * the plugin's start-up path may import it statically.
 */
import type { ReadLibrary } from './library-cache';

export {
  arxivAbsUrl,
  UnrecognizedExportError,
  zoteroSelectUri,
  type ExportFormat,
  type LibraryError,
  type LibraryReadResult,
  type Paper,
} from './paper';
export { openInZoteroLink, selectsByItemKey, type ZoteroLinkCandidates } from './zotero-uri';
export { foldForSearch, PaperSearchIndex, paperSearchIndex, type PaperMatch } from './paper-search';
export { LibraryCache, type LibraryCacheDeps, type LibraryState, type LoadedLibrary, type ReadLibrary } from './library-cache';

/** The reader's `readLibrary`, importing it on first use. */
export async function loadLibraryReader(): Promise<ReadLibrary> {
  return (await import('./read-library')).readLibrary;
}
