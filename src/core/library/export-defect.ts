/**
 * Whether an export's content is whole. Better BibTeX rewrites its "keep updated" export in place, so a read can
 * catch it half written; importing that would flag most papers as removed. Judged from the content alone:
 *
 * - a defect (never import it): the file is empty or blank (`empty`); a JSON export (text starting with `{` or `[`)
 *   that does not parse, or a BibTeX/BibLaTeX export whose text does not end with the `}` (or `)`) closing its last
 *   entry, or whose last entry failed to parse (`truncated`); any other file the reader does not recognise
 *   (`unreadable`);
 * - complete (safe to read at once, without waiting for the file to settle): JSON that parses, Better CSL YAML
 *   ending with BBT's `...` document end marker, a `.bib` whose last entry closes at the end of the file.
 *
 * A `.bib` cut exactly between two entries, or a YAML file without the end marker cut between two items, reads as
 * a smaller library: its missing papers are only flagged (never deleted), and the sync's shrink check and the
 * settle wait stand guard.
 */
import { errorMessage } from '../text/error-message';
import type { LibraryReadResult } from './paper';

export type ExportDefectReason = 'empty' | 'truncated' | 'unreadable';

/** Why an export must not be imported as it is; `message` is one line for the user. */
export interface ExportDefect {
  reason: ExportDefectReason;
  message: string;
}

/** Whether the export text is JSON-shaped (CSL JSON, BBT JSON). */
export function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[';
}

/** The defect of a text before it is read: blank. */
export function blankExportDefect(text: string): ExportDefect | null {
  return text.trim() === '' ? { reason: 'empty', message: 'The export file is empty (Better BibTeX may be rewriting it); nothing was changed.' } : null;
}

/** The defect behind a reader failure: a JSON export that does not parse is taken as half written. */
export function readFailureDefect(text: string, err: unknown): ExportDefect {
  if (looksLikeJson(text)) {
    try {
      JSON.parse(text);
    } catch {
      return { reason: 'truncated', message: 'The export is not complete JSON (Better BibTeX may be rewriting it); nothing was changed.' };
    }
  }
  return { reason: 'unreadable', message: `The export could not be read: ${errorMessage(err)}` };
}

/** 1-based line of the last line that starts a BibTeX entry (`@type{`), or 0. */
function lastEntryLine(text: string): { line: number; key: string | null } {
  const re = /^@([a-zA-Z]+)\s*[{(]\s*([^,\s]*)/gm;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) last = m;
  if (!last) return { line: 0, key: null };
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < last.index; i = text.indexOf('\n', i + 1)) line++;
  return { line, key: last[2] || null };
}

/** The defect of a read export: a `.bib` cut inside its last entry. */
export function readExportDefect(text: string, result: LibraryReadResult): ExportDefect | null {
  if (result.format !== 'bibtex' && result.format !== 'biblatex') return null;
  const tail = text.trimEnd();
  const lastChar = tail[tail.length - 1];
  if (lastChar !== '}' && lastChar !== ')') {
    return { reason: 'truncated', message: 'The export ends in the middle of an entry (Better BibTeX may be rewriting it); nothing was changed.' };
  }
  if (result.errors.length === 0) return null;
  const last = lastEntryLine(text);
  const lastFailed = result.errors.some((e) => (e.line !== null && e.line >= last.line) || (e.line === null && e.citekey !== null && e.citekey === last.key));
  if (last.line > 0 && lastFailed) {
    return { reason: 'truncated', message: 'The last entry of the export could not be read (Better BibTeX may be rewriting the file); nothing was changed.' };
  }
  return null;
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
