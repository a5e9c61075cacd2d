/**
 * Line endings. A note keeps the ones it has (LF, or CRLF from Windows tools and some sync services); the plugin's
 * own text (rendered notes, regions, front-matter values, concept sections) is built with LF and written into a note
 * in the note's line ending.
 */

export type Eol = '\n' | '\r\n';

/** The line ending a note uses: CRLF when it has any, else LF. */
export function detectEol(text: string): Eol {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** CRLF line endings turned to LF. */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}

/** Text written with `eol` line endings (whatever it had: LF or CRLF). */
export function withEol(text: string, eol: Eol): string {
  return eol === '\n' ? toLf(text) : text.replace(/\r?\n/g, eol);
}
