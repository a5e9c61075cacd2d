/**
 * The paper model: one Paper per entry of a Better BibTeX export, whatever its format.
 * Field names are part of the CLI's JSON output (`list --json`), so they are stable.
 */
import { hashValue } from '../text/fingerprint';
import type { Annotation } from './annotation';

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
  /**
   * The Zotero collections (BBT JSON) or JabRef groups (a `.bib`'s groups comment) holding the paper, each as its
   * path from the top, names joined with `/` ("Methodology/Self-efficacy"); sorted. The hierarchy itself is in
   * `LibraryReadResult.collections`.
   */
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
  /**
   * For attachments Zotero stores (a path `…/storage/<KEY>/file.pdf`, or BBT JSON's attachment `uri`), the link that
   * opens them in Zotero's own reader, by attachment path: `zotero://open-pdf/library/items/<KEY>` (group
   * libraries: `zotero://open-pdf/groups/<ID>/items/<KEY>`). Linked files outside Zotero's storage have none.
   */
  attachmentLinks: Record<string, string>;
  /**
   * The user's own Zotero notes as Markdown (BBT JSON only): citations resolved to Pandoc `[@key, p. 3]`, headings
   * shifted so the top one is `###` (a note never brings an H1 into the literature note). A note Zotero made with
   * "Add Note from Annotations" and left as it was is not here: it is read into `annotations`.
   */
  notes: string[];
  /** The PDF annotations of the paper's annotation notes (BBT JSON only), in document order, one per annotation key. */
  annotations: Annotation[];
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

/** One Zotero collection (or JabRef group) of the export, in the hierarchy. */
export interface LibraryCollection {
  /** The collection's names from the top down: `["Methodology", "Self-efficacy"]`. */
  path: string[];
  /** The parent's path, or null for a top-level collection. */
  parent: string[] | null;
}

/** The result of reading one export. `papers.length + errors.length` equals the number of entries. */
export interface LibraryReadResult {
  format: ExportFormat;
  papers: Paper[];
  errors: LibraryError[];
  /** Things the user should know that are not per-entry failures (e.g. "no citation keys"). */
  warnings: string[];
  /**
   * Every collection of the export (BBT JSON collections, a `.bib`'s JabRef groups), parents before children, empty
   * ones included; [] for formats without collections. `Paper.collections` names them by `path.join('/')`. The
   * readers always set it (it is optional only for results made by hand before it existed).
   */
  collections?: LibraryCollection[];
  /**
   * Set when the export stops in the middle of an entry (Better BibTeX may still be writing it): what is cut. Such an
   * export must not be synced. Absent for a complete export.
   */
  truncated?: string;
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

/** Thrown for an export that is recognisably cut short (JSON or YAML that stops mid-document): BBT may be writing it. */
export class IncompleteExportError extends UnrecognizedExportError {
  constructor(message: string) {
    super(message);
    this.name = 'IncompleteExportError';
  }
}

/** The abs-page URL of an arXiv identifier. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
