/**
 * Person and organisation names → display strings "Family, Given" (", Suffix" when there is one).
 * - BibTeX name lists: `and`-separated at brace level 0; each name as "von Last, First", "von Last, Jr, First" or
 *   "First von Last" (von = the lowercase words); a name that is one braced group (`{Wiley InterScience}`,
 *   `{{东方不败}}`) or one word is kept whole.
 * - BibLaTeX's extended name format `family=Hakim, given=Tawfiq, prefix=al-, useprefix=true`.
 * - Particles stand before the family name ("van Gogh, Vincent", "al-Hakim, Tawfiq", "ten Kate, Warner"), whatever
 *   BibLaTeX's `useprefix` says (it only decides how BibLaTeX sorts the name): the Better BibTeX and CSL exports of
 *   the same item give the name that way, and the note must not depend on the export format.
 * - CJK names whose family and given parts are both CJK are written the CJK way, family then given without a
 *   separator ("肖, 发民" → "肖发民"): that is how Chinese, Japanese and Korean readers write and search them.
 */
import { latexToText } from '../text/latex-to-text';

/** A name in parts, as BibTeX, CSL and Zotero give them (all optional). */
export interface NameParts {
  family?: string;
  given?: string;
  /** Particles such as "van der", "de", "al-". */
  prefix?: string;
  suffix?: string;
  /** A name that is one unit (organisation, single-field name). */
  literal?: string;
}

const CJK_ONLY = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}々〆ー・·]+$/u;

/** The display string of a name: "Family, Given" (", Suffix"), a literal kept whole, CJK names joined. */
export function displayName(parts: NameParts): string {
  const literal = parts.literal?.trim();
  if (literal) return literal;
  const given = parts.given?.trim() ?? '';
  const suffix = parts.suffix?.trim() ?? '';
  let family = parts.family?.trim() ?? '';
  const prefix = parts.prefix?.trim() ?? '';
  if (prefix) family = /['’-]$/.test(prefix) || family === '' ? prefix + family : `${prefix} ${family}`;
  if (family === '') return [given, suffix].filter(Boolean).join(', ');
  if (given === '') return suffix ? `${family}, ${suffix}` : family;
  if (!suffix && family.charCodeAt(0) >= 0x2e80 && CJK_ONLY.test(family) && CJK_ONLY.test(given)) return family + given;
  return suffix ? `${family}, ${given}, ${suffix}` : `${family}, ${given}`;
}

/** Display names of a raw BibTeX name list (braces and LaTeX as in the file). */
export function bibtexNames(raw: string): string[] {
  const out: string[] = [];
  // Without braces there is no level to track: a plain split finds the same names, faster.
  const names = raw.includes('{') ? splitTopLevel(raw, isAndAt) : raw.split(/[ \t\n\r~]+and[ \t\n\r~]+/i);
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed === '') continue;
    const display = displayName(bibtexNameParts(trimmed));
    if (display !== '') out.push(display);
  }
  return out;
}

/** The parts of one raw BibTeX name. */
export function bibtexNameParts(raw: string): NameParts {
  const pieces = (raw.includes('{') ? splitTopLevel(raw, (text, i) => (text[i] === ',' ? 1 : 0)) : raw.split(',')).map((p) => p.trim());
  if (raw.includes('=') && pieces.every((p) => /^[a-z-]+\s*=/i.test(p))) return extendedNameParts(pieces);
  if (pieces.length === 1) return firstVonLast(pieces[0]);
  const [family, ...rest] = pieces.map((p) => latexToText(p));
  if (rest.length === 1) return { family, given: rest[0] };
  return { family, suffix: rest[0], given: rest.slice(1).join(', ') };
}

/** `family=…, given=…, prefix=…, suffix=…` (other keys, such as given-i and useprefix, are ignored). */
function extendedNameParts(pieces: string[]): NameParts {
  const parts: NameParts = {};
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    const key = piece.slice(0, eq).trim().toLowerCase();
    const value = latexToText(stripOuterBraces(piece.slice(eq + 1).trim()));
    if (key === 'family' || key === 'given' || key === 'prefix' || key === 'suffix') parts[key] = value;
  }
  return parts;
}

/** "First von Last" (no comma): von starts at the first lowercase word, Last is what follows it. */
function firstVonLast(raw: string): NameParts {
  const words = splitTopLevel(raw, (text, i) => (isSpaceAt(text, i) ? 1 : 0)).filter((w) => w !== '');
  if (words.length === 0) return {};
  if (words.length === 1) return { literal: latexToText(words[0]) };
  // The family part is the von part and Last together, so only where von starts matters.
  let vonStart = -1;
  for (let i = 0; i < words.length - 1 && vonStart < 0; i++) if (startsLowercase(words[i])) vonStart = i;
  const text = (ws: string[]) => latexToText(ws.join(' '));
  if (vonStart < 0) return { family: text(words.slice(-1)), given: text(words.slice(0, -1)) };
  return { given: text(words.slice(0, vonStart)), family: text(words.slice(vonStart)) };
}

/** BibTeX's case of a word: its first letter at brace level 0, or the letter after a `{\accent …}` special. */
function startsLowercase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === '{') {
      if (word[i + 1] !== '\\') return false; // a braced group: case-protected, counts as uppercase
      const inner = latexToText(word.slice(i));
      const letter = /\p{L}/u.exec(inner)?.[0];
      return letter !== undefined && letter === letter.toLowerCase() && letter !== letter.toUpperCase();
    }
    if (/\p{L}/u.test(ch)) return ch === ch.toLowerCase() && ch !== ch.toUpperCase();
  }
  return false;
}

function stripOuterBraces(value: string): string {
  return value.startsWith('{') && value.endsWith('}') ? value.slice(1, -1) : value;
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text[i];
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '~';
}

/** Length of " and " (any whitespace, any case) starting at i, or 0. */
function isAndAt(text: string, i: number): number {
  if (!isSpaceAt(text, i)) return 0;
  let j = i;
  while (j < text.length && isSpaceAt(text, j)) j++;
  if (text.slice(j, j + 3).toLowerCase() !== 'and') return 0;
  let k = j + 3;
  if (k >= text.length || !isSpaceAt(text, k)) return 0;
  while (k < text.length && isSpaceAt(text, k)) k++;
  return k - i;
}

/** Split at brace level 0 wherever `separatorAt` returns a separator length > 0. Backslash escapes are skipped. */
export function splitTopLevel(text: string, separatorAt: (text: string, i: number) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      if (depth > 0) depth--;
    } else if (depth === 0) {
      const length = separatorAt(text, i);
      if (length > 0) {
        parts.push(text.slice(start, i));
        start = i + length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}
