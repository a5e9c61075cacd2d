/**
 * Whether an export's content is whole. Better BibTeX rewrites its "keep updated" export in place, so a read can
 * catch it half written; importing that would flag most papers as removed. Judged from the content alone:
 *
 * - a defect (never import it): the file is empty or blank (`empty`); a JSON export (text starting with `{` or `[`)
 *   that does not parse, a BibTeX/BibLaTeX export that stops inside its last entry, or a Better CSL YAML export
 *   without its `...` end marker (the reader's `truncated`, or its IncompleteExportError) (`truncated`); any other
 *   file the reader does not recognise (`unreadable`). An entry that is complete but unreadable (say, braces nested
 *   thousands deep) is an entry error, not a sign of a half-written file;
 * - complete (safe to read at once, without waiting for the file to settle): any export without a defect, except
 *   Better CSL YAML, which must end with BBT's `...` document end marker (YAML without markers cannot be told from
 *   one cut between items).
 *
 * A `.bib` cut exactly between two entries reads as a smaller library: its missing papers are only flagged (never
 * deleted), and the sync's shrink check and the settle wait stand guard.
 */
import { errorMessage } from '../text/error-message';
import { IncompleteExportError, type LibraryReadResult } from './paper';

export type ExportDefectReason = 'empty' | 'truncated' | 'unreadable';

/** Why an export must not be imported as it is; `message` is one line for the user. */
export interface ExportDefect {
  reason: ExportDefectReason;
  message: string;
}

const TRUNCATED = 'The export ends in the middle of an entry (Better BibTeX may be rewriting it); nothing was changed.';

/** Whether the export text is JSON-shaped (CSL JSON, BBT JSON). */
export function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[';
}

/** The defect of a text before it is read: blank. */
export function blankExportDefect(text: string): ExportDefect | null {
  return text.trim() === '' ? { reason: 'empty', message: 'The export file is empty (Better BibTeX may be rewriting it); nothing was changed.' } : null;
}

/** The defect behind a reader failure: a JSON export that does not parse, or a cut YAML export, is taken as half written. */
export function readFailureDefect(text: string, err: unknown): ExportDefect {
  if (err instanceof IncompleteExportError) return { reason: 'truncated', message: TRUNCATED };
  if (looksLikeJson(text)) {
    try {
      JSON.parse(text);
    } catch {
      return { reason: 'truncated', message: 'The export is not complete JSON (Better BibTeX may be rewriting it); nothing was changed.' };
    }
  }
  return { reason: 'unreadable', message: `The export could not be read: ${errorMessage(err)}` };
}

/** The defect of a read export: the reader found it cut short (see LibraryReadResult.truncated). */
export function readExportDefect(result: LibraryReadResult): ExportDefect | null {
  return result.truncated !== undefined ? { reason: 'truncated', message: TRUNCATED } : null;
}

/**
 * Whether a read export (without defect) is known to be complete from its content, so it may be imported without
 * waiting for the file to settle. YAML without BBT's end marker cannot be told from one cut between items.
 */
export function exportLooksComplete(text: string, result: LibraryReadResult): boolean {
  if (result.format !== 'csl-yaml') return true;
  const tail = text.trimEnd();
  return tail.endsWith('\n...') || tail === '...';
}
