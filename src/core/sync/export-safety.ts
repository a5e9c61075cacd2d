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
 *
 * A file cut exactly between two entries is indistinguishable from a smaller library: its missing papers are only
 * flagged (never deleted) and unflagged by the next complete sync.
 */
import { IncompleteExportError, type LibraryReadResult } from '../library/paper';
import { errorMessage } from '../text/error-message';

export type SyncAbortReason = 'empty' | 'truncated' | 'unreadable' | 'too-few-papers' | 'hidden-notes-folder';

/** The sync stopped before touching the vault. `message` is one line for the user. */
export class SyncAbortedError extends Error {
  constructor(readonly reason: SyncAbortReason, message: string) {
    super(message);
    this.name = 'SyncAbortedError';
  }
}

/** Whether the export text is JSON-shaped (CSL JSON, BBT JSON). */
export function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[';
}

/** Checks on the raw text, before parsing. Throws SyncAbortedError. */
export function checkExportText(text: string): void {
  if (text.trim() === '') throw new SyncAbortedError('empty', 'The export file is empty (Better BibTeX may be rewriting it); nothing was changed.');
}

const TRUNCATED = 'The export ends in the middle of an entry (Better BibTeX may be rewriting it); nothing was changed.';

/** The error for a reader failure: a JSON export that does not parse, or a cut YAML export, is taken as half-written. */
export function readFailure(text: string, err: unknown): SyncAbortedError {
  if (err instanceof IncompleteExportError) return new SyncAbortedError('truncated', TRUNCATED);
  const detail = errorMessage(err);
  if (looksLikeJson(text)) {
    try {
      JSON.parse(text);
    } catch {
      return new SyncAbortedError('truncated', 'The export is not complete JSON (Better BibTeX may be rewriting it); nothing was changed.');
    }
  }
  return new SyncAbortedError('unreadable', `The export could not be read: ${detail}`);
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

/** Checks on what the reader returned (see the top of this file). Throws SyncAbortedError. */
export function checkLibrary(result: LibraryReadResult, lastPaperCount: number | null, minExportRatio: number): void {
  if (result.truncated !== undefined) throw new SyncAbortedError('truncated', TRUNCATED);
  checkPaperCount(result.papers.length, result.errors.length, lastPaperCount, minExportRatio);
}
