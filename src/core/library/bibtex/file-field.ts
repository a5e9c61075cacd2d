/**
 * Attachment paths from a BibTeX `file` field, in every shape exporters write:
 * - BBT: plain paths separated by `;` (`/home/me/a.pdf;/home/me/b.pdf`), Windows paths with doubled backslashes;
 * - JabRef / older BBT: `description:path:type` triples, with `\:` and `\;` escaped;
 * - Mendeley: `:path:pdf`, Windows drives written `C$\backslash$:`.
 * BBT does not escape a `;` inside a file name, so a plain path list is split only where the next piece starts
 * like an absolute path (`/`, `~/`, `C:\`, `\\server`): `/a/x;y.pdf;/b/z.pdf` is two files, not three.
 */

/** The paths in a `file` field value (raw, as in the file). */
export function parseFileField(raw: string | undefined): string[] {
  if (!raw) return [];
  const text = raw.replace(/\$\\backslash\$/g, '\\');
  const paths: string[] = [];
  for (const part of joinNameSemicolons(splitUnescaped(text, ';'))) {
    const path = unescapePath(pathOfPart(part.trim()));
    if (path !== '' && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

const ABSOLUTE = /^\s*(?:\/|~[\\/]|[A-Za-z]:[\\/]|\\\\|[a-z][a-z0-9+.-]*:\/\/)/i;

/** Pieces of a plain path list put back together where a `;` was part of a file name. */
function joinNameSemicolons(pieces: string[]): string[] {
  if (pieces.length < 2 || !ABSOLUTE.test(pieces[0]) || pieces.some((p) => isTriple(p))) return pieces;
  const out: string[] = [];
  for (const piece of pieces) {
    if (out.length > 0 && !ABSOLUTE.test(piece) && piece.trim() !== '') out[out.length - 1] += `;${piece}`;
    else out.push(piece);
  }
  return out;
}

function isTriple(part: string): boolean {
  const pieces = splitUnescaped(part.trim(), ':');
  return pieces.length === 3 && /^[\w./+-]*$/.test(pieces[2]) && !/^[A-Za-z]$/.test(pieces[0]);
}

/** `desc:path:type` → path; anything else is a path itself (a Windows `C:\…` or a path with one colon). */
function pathOfPart(part: string): string {
  const pieces = splitUnescaped(part, ':');
  if (pieces.length === 3 && /^[\w./+-]*$/.test(pieces[2])) return pieces[1];
  return part;
}

function unescapePath(path: string): string {
  return path.replace(/\\([\\:;{}_%&#$~])/g, '$1').trim();
}

/** Split on `sep` not preceded by a backslash escape. */
function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
