/** What each format's reader returns before citation keys are checked across the library (read-library.ts). */
import type { LibraryError, Paper } from './paper';

export interface LocatedPaper {
  paper: Paper;
  /** 1-based line of the entry (BibTeX) or null (JSON and YAML formats). */
  line: number | null;
}

export interface ReaderOutput {
  papers: LocatedPaper[];
  errors: LibraryError[];
  warnings: string[];
}
