/** What each format's reader returns before citation keys are checked across the library (read-library.ts). */
import type { LibraryCollection, LibraryError, Paper } from './paper';

export interface LocatedPaper {
  paper: Paper;
  /** 1-based line of the entry (BibTeX) or null (JSON and YAML formats). */
  line: number | null;
}

export interface ReaderOutput {
  papers: LocatedPaper[];
  errors: LibraryError[];
  warnings: string[];
  /** The export's collection hierarchy (see LibraryReadResult.collections). */
  collections: LibraryCollection[];
  /** What is cut, when the export stops in the middle of an entry (see LibraryReadResult.truncated). */
  truncated?: string;
}
