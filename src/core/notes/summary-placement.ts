/**
 * Where "Insert paper summary" puts an entry: its list number continues the numbered list just above the cursor
 * (so inserting three papers in a row gives 1., 2., 3.), and it starts on a line of its own, a blank line after
 * the previous paragraph, as the survey note's "前沿文章摘要" list is written. Pure: reads lines through a callback.
 */

/** How far up to look for the list the entry continues. */
const MAX_LINES_UP = 200;

export interface SummaryPlacement {
  /** The entry's list number. */
  number: number;
  /** Line breaks to insert before the entry. */
  prefix: string;
}

/**
 * `line(n)` gives the text of line `n` (0-based); the cursor is at `ch` on line `cursorLine`. The entry continues
 * a numbered list (`7. Title…`) found above, skipping blank lines and the indented lines of previous entries.
 */
export function summaryPlacement(line: (n: number) => string, cursorLine: number, ch: number): SummaryPlacement {
  const before = line(cursorLine).slice(0, ch);
  const midLine = before.trim() !== '';
  const prefix = midLine ? '\n\n' : cursorLine > 0 && line(cursorLine - 1).trim() !== '' ? '\n' : '';
  let number = 1;
  const first = midLine ? cursorLine : cursorLine - 1;
  for (let n = first; n >= 0 && n > first - MAX_LINES_UP; n--) {
    const text = n === cursorLine ? before : line(n);
    if (text.trim() === '' || /^\s/.test(text)) continue;
    const item = /^(\d{1,9})[.)]\s/.exec(text);
    if (item) number = Number(item[1]) + 1;
    break;
  }
  return { number, prefix };
}
