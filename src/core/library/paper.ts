/**
 * The paper model: one Paper per entry of a Better BibTeX export, whatever its format.
 * Field names are part of the CLI's JSON output (`list --json`), so they are stable.
 */
import { hashValue } from '../text/fingerprint';

export interface Paper {
  /** The citation key, exactly as BBT wrote it (case kept). */
  citekey: string;
  /** Title with LaTeX commands and brace protection removed, accents and `\&` decoded. */
  title: string;
  /** Display names: "Family, Given"; single-field names (张伟, corporate authors) kept whole. */
  authors: string[];
  year: number | null;
  /** ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the start of a range), or null. */
  date: string | null;
  /** The entry type as exported (BibTeX `article`, CSL `article-journal`, BBT JSON `journalArticle`). */
  type: string;
  /** Journal, proceedings or publisher that holds the work. */
  venue: string | null;
  abstract: string | null;
  /** Zotero tags (BibTeX `keywords` split on commas). */
  tags: string[];
  /** Zotero collection names (BBT JSON only). */
  collections: string[];
  /** Bare arXiv identifier without version, such as `2503.06063` or `hep-th/9711200`. */
  arxiv: string | null;
  /** `https://arxiv.org/abs/<arxiv>` when `arxiv` is set. */
  arxivUrl: string | null;
  doi: string | null;
  url: string | null;
  /** `zotero://select/items/@<citekey>`. */
  zoteroUri: string;
  /** Attachment file paths (or link URLs) as exported. */
  attachments: string[];
  /** Zotero notes as Markdown text (BBT JSON only). */
  notes: string[];
}

/** The export formats the reader recognises, detected from the content. */
export type ExportFormat = 'bibtex' | 'biblatex' | 'csl-json' | 'csl-yaml' | 'bbt-json' | 'zotero-csl-json';

/** One entry that could not be read. Every other entry is still read. */
export interface LibraryError {
  /** 1-based line of the entry's start in the export, when known. */
  line: number | null;
  /** The entry's citation key, when it could be found. */
  citekey: string | null;
  message: string;
}

/** The result of reading one export. `papers.length + errors.length` equals the number of entries. */
export interface LibraryReadResult {
  format: ExportFormat;
  papers: Paper[];
  errors: LibraryError[];
  /** Things the user should know that are not per-entry failures (e.g. "no citation keys"). */
  warnings: string[];
}

/** Thrown for a file that is not a recognisable export at all (the CLI exits with code 2). */
export class UnrecognizedExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecognizedExportError';
  }
}

/** The hash of a paper's data: same hash, same note (with the same renderer). The sync state records it. */
export function paperHash(paper: Paper): string {
  return hashValue(paper);
}

/** The Zotero link that selects an item by citation key (BBT resolves it). */
export function zoteroSelectUri(citekey: string): string {
  // Keys keep ":" and non-ASCII as BBT writes them; only what would break the URL is escaped.
  return `zotero://select/items/@${encodeURI(citekey).replace(/[#?]/g, (c) => encodeURIComponent(c))}`;
}

/** The abs-page URL of an arXiv identifier. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
