/**
 * Refuse to sync an export that looks half-written or wrong. Better BibTeX rewrites its "keep updated" export in
 * place, so a sync can catch the file truncated; importing it would flag most papers as removed. What counts:
 *
 * - `empty`: the file is empty or blank, or no entry could be read as a paper.
 * - `truncated`: a JSON export (text starting with `{` or `[`) that is not complete JSON; a BibTeX/BibLaTeX export
 *   that stops inside its last entry; a Better CSL YAML export without its `...` end marker (see the reader's
 *   `truncated`). An entry that is complete but unreadable (say, braces nested thousands deep) is an entry error,
 *   not a sign of a half-written file.
 * - `unreadable`: any other file the reader does not recognise.
 * - `too-few-papers`: fewer papers than `minExportRatio` × the papers of the last full sync (0 disables the check).
 * - `unknown-collections` (sync-scope.ts): the sync is limited to collections, and the export has none of them.
 *
 * A file cut exactly between two entries is indistinguishable from a smaller library: its missing papers are only
 * flagged (never deleted) and unflagged by the next complete sync.
 *
 * The verdict on the content (empty, truncated, unreadable) is reached where the export is read, in
 * library/export-defect.ts (the plugin reads it in its library worker); here a defect becomes the error that stops
 * the sync, and the paper count is checked.
 */
import type { ExportDefect } from '../library/export-defect';

export type SyncAbortReason = 'empty' | 'truncated' | 'unreadable' | 'too-few-papers' | 'hidden-notes-folder' | 'unknown-collections';

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
        `(below ${Math.round(minExportRatio * 100)}%); nothing was changed. If this is intended, lower "Stop when the export shrinks" ` +
        'in the plugin settings (or pass --min-export-ratio to the command line).',
    );
  }
}
