/**
 * Whether a link may be written around [start, end) without changing how the Markdown around it renders. A link
 * starts with `[` and ends with `]` (or `)`), both punctuation to CommonMark, so:
 * - an emphasis delimiter run touching the mention may stop being left- or right-flanking: `存在**幻觉**问题` keeps its
 *   bold, `存在**[[Hallucination|幻觉]]**问题` shows literal asterisks, because `[` is punctuation next to a CJK
 *   letter. The flanking rules are evaluated before and after, in code (CommonMark 0.31, §6.2);
 * - a link directly before `(` reads as a Markdown link (`[[RL|强化学习]](RL)`) in GitHub, Hexo and Publish themes.
 * When a place is refused, the caller takes the concept's next mention instead.
 */

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /[\s\p{Zs}]/u;

type Kind = 'space' | 'punct' | 'other';

function kindOf(ch: string | undefined): Kind {
  if (ch === undefined || ch === '' || WHITESPACE.test(ch)) return 'space';
  return PUNCTUATION.test(ch) ? 'punct' : 'other';
}

/** The character before `i` and at `i`, as whole code points. */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  const high = text.charCodeAt(i);
  if (high >= 0xd800 && high <= 0xdbff) return text.slice(i, i + 2);
  return text[i];
}

/** CommonMark's left- and right-flanking of a delimiter run between the characters `before` and `after`. */
function flanking(before: Kind, after: Kind): { left: boolean; right: boolean } {
  return {
    left: after !== 'space' && (after !== 'punct' || before !== 'other'),
    right: before !== 'space' && (before !== 'punct' || after !== 'other'),
  };
}

const OPEN = 1;
const CLOSE = 2;

/** Whether a run of `ch` can open and close emphasis there (CommonMark §6.2, rules 1–8; `_` is stricter inside words). */
function abilities(ch: string, before: Kind, after: Kind): number {
  const { left, right } = flanking(before, after);
  const open = ch === '_' ? left && (!right || before === 'punct') : left;
  const close = ch === '_' ? right && (!left || after === 'punct') : right;
  return (open ? OPEN : 0) | (close ? CLOSE : 0);
}

const DELIMITERS = '*_~=';

/** Length of the run of delimiter `code` ending just before `i` (0 when none). */
function runBefore(text: string, i: number): number {
  const c = text[i - 1];
  if (c === undefined || !DELIMITERS.includes(c)) return 0;
  let k = i - 1;
  while (k > 0 && text[k - 1] === c) k--;
  return i - k;
}

function runAfter(text: string, i: number): number {
  const c = text[i];
  if (c === undefined || !DELIMITERS.includes(c)) return 0;
  let k = i;
  while (k < text.length && text[k] === c) k++;
  return k - i;
}

/** `~` (strikethrough) and `=` (Obsidian highlight) only delimit in pairs; `*` and `_` alone too. */
function isDelimiterRun(ch: string, length: number): boolean {
  return ch === '*' || ch === '_' || length >= 2;
}

/**
 * Whether linking [start, end) leaves the Markdown around it as it was: every delimiter run touching the mention keeps
 * its abilities to open and to close. Gaining one is not harmless either: a run that can both open and close falls
 * under the "rule of 3" and may stop pairing (`*CoT**`).
 */
export function linkPlaceIsSafe(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) === 0x28) return false;
  const before = runBefore(text, start);
  if (before > 0 && isDelimiterRun(text[start - 1], before)) {
    const ch = text[start - 1];
    const outer = kindOf(charBefore(text, start - before));
    const was = abilities(ch, outer, kindOf(charAt(text, start)));
    if (abilities(ch, outer, 'punct') !== was) return false;
  }
  const after = runAfter(text, end);
  if (after > 0 && isDelimiterRun(text[end], after)) {
    const ch = text[end];
    const outer = kindOf(charAt(text, end + after));
    const was = abilities(ch, kindOf(charBefore(text, end)), outer);
    if (abilities(ch, 'punct', outer) !== was) return false;
  }
  return true;
}
