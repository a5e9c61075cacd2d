/**
 * Refuse to sync an export that looks half-written or wrong. Better BibTeX rewrites its "keep updated" export in
 * place, so a sync can catch the file truncated; importing it would flag most papers as removed. What counts:
 *
 * - `empty`: the file is empty or blank, or no entry could be read as a paper.
 * - `truncated`: a JSON export (text starting with `{` or `[`) that is not complete JSON; a BibTeX/BibLaTeX export
 *   whose text does not end with the `}` (or `)`) closing its last entry, or whose last entry failed to parse.
 * - `unreadable`: any other file the reader does not recognise.
 * - `too-few-papers`: fewer papers than `minExportRatio` × the papers of the last full sync (0 disables the check).
 *
 * A file cut exactly between two entries is indistinguishable from a smaller library: its missing papers are only
 * flagged (never deleted) and unflagged by the next complete sync.
 */
import { blankExportDefect, readExportDefect, readFailureDefect, type ExportDefect } from '../library/export-defect';
import type { LibraryReadResult } from '../library/paper';

export type SyncAbortReason = 'empty' | 'truncated' | 'unreadable' | 'too-few-papers';

/** The sync stopped before touching the vault. `message` is one line for the user. */
export class SyncAbortedError extends Error {
  constructor(readonly reason: SyncAbortReason, message: string) {
    super(message);
    this.name = 'SyncAbortedError';
  }
}

/** The error that stops a sync of an export with this defect. */
export function defectError(defect: ExportDefect): SyncAbortedError {
  return new SyncAbortedError(defect.reason, defect.message);
}

/** Checks on the raw text, before parsing. Throws SyncAbortedError. */
export function checkExportText(text: string): void {
  const defect = blankExportDefect(text);
  if (defect) throw defectError(defect);
}

/** The error for a reader failure: a JSON export that does not parse is taken as half-written. */
export function readFailure(text: string, err: unknown): SyncAbortedError {
  return defectError(readFailureDefect(text, err));
}
/**
 * Checks on the number of papers: none at all, or fewer than `minExportRatio` × `lastPaperCount` (the papers of the
 * last full sync; null: none). Throws SyncAbortedError.
 */
export function checkPaperCount(papers: number, errors: number, lastPaperCount: number | null, minExportRatio: number): void {
  if (papers === 0) {
    const why = errors > 0 ? `none of its ${errors} entries could be read` : 'it holds no entries';
    throw new SyncAbortedError('empty', `The export holds no papers (${why}); nothing was changed.`);
  }
  if (lastPaperCount !== null && minExportRatio > 0 && papers < minExportRatio * lastPaperCount) {
    throw new SyncAbortedError(
      'too-few-papers',
      `The export holds ${papers} papers, far fewer than the ${lastPaperCount} of the last sync ` +
        `(below ${Math.round(minExportRatio * 100)}%); nothing was changed. If this is intended, lower "minimum export ratio" in the settings.`,
    );
  }
}

/** Checks on what the reader returned (see the top of this file). Throws SyncAbortedError. */
export function checkLibrary(text: string, result: LibraryReadResult, lastPaperCount: number | null, minExportRatio: number): void {
  const defect = readExportDefect(text, result);
  if (defect) throw defectError(defect);
  checkPaperCount(result.papers.length, result.errors.length, lastPaperCount, minExportRatio);
}
