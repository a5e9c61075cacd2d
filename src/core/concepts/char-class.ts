/**
 * Character tables shared by the term index and the matcher. Built once, indexed by UTF-16 code unit, so the hot
 * loop never calls toLowerCase or a Unicode regex. Every mapping is one code unit to one code unit: offsets in the
 * folded view always equal offsets in the user's text (nothing is ever normalised in place).
 */

/** The code every separator (space, tab, no-break space, ideographic space, hyphens) folds to. */
export const SEP = 0x20;

/** Case- and width-folded code unit: ASCII and full-width letters to lower case, separators to SEP. */
export const FOLD = new Uint16Array(0x10000);
/** Width-folded only (full-width ASCII to ASCII): for case-sensitive comparisons. */
export const WIDTH = new Uint16Array(0x10000);
/** 1 for a letter or digit of an alphabetic script (Latin, Greek, Cyrillic, full-width Latin); 0 for CJK and the rest. */
export const WORD = new Uint8Array(0x10000);
/** 1 for the hyphens that join on the left ("M-CoT"). */
export const HYPHEN = new Uint8Array(0x10000);

const HYPHENS = [0x2d, 0x2010, 0x2011, 0xff0d];
const SPACES = [0x20, 0x09, 0xa0, 0x3000];

function buildTables(): void {
  const letterOrDigit = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) {
    let w = c;
    if (c >= 0xff01 && c <= 0xff5e) w = c - 0xfee0;
    WIDTH[c] = w;
    let f = w;
    // Alphabetic scripts only: below Armenian, plus Latin Extended Additional and Greek Extended.
    const alphabetic = w < 0x0530 || (w >= 0x1e00 && w <= 0x1fff);
    if (alphabetic && !(w >= 0xd800 && w <= 0xdfff)) {
      const ch = String.fromCharCode(w);
      const lower = ch.toLowerCase();
      if (lower.length === 1) f = lower.charCodeAt(0);
      if (letterOrDigit.test(ch)) WORD[c] = 1;
    }
    FOLD[c] = f;
  }
  for (const h of HYPHENS) {
    HYPHEN[h] = 1;
    FOLD[h] = SEP;
    WORD[h] = 0;
  }
  for (const s of SPACES) FOLD[s] = SEP;
}
buildTables();

/** Whether a code unit is a Han, Kana or Hangul character (or a surrogate, i.e. a rare ideograph). */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Whether a string is only whitespace. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
