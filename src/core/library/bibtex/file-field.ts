/**
 * Attachment paths from a BibTeX `file` field, in every shape exporters write:
 * - BBT: plain paths separated by `;` (`/home/me/a.pdf;/home/me/b.pdf`), Windows paths with doubled backslashes;
 * - JabRef / older BBT: `description:path:type` triples, with `\:` and `\;` escaped;
 * - Mendeley: `:path:pdf`, Windows drives written `C$\backslash$:`.
 */

/** The paths in a `file` field value (raw, as in the file). */
export function parseFileField(raw: string | undefined): string[] {
  if (!raw) return [];
  const text = raw.replace(/\$\\backslash\$/g, '\\');
  const paths: string[] = [];
  for (const part of splitUnescaped(text, ';')) {
    const path = unescapePath(pathOfPart(part.trim()));
    if (path !== '' && !paths.includes(path)) paths.push(path);
  }
  return paths;
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
