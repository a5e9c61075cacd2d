/**
 * Turning "old text → new text" into the few replacements an editor transaction needs. Linking concepts only wraps
 * mentions in link syntax, so the edits are one per link; a sync or a concept run changes a few lines (front
 * matter, managed regions, links), so the edits are one per changed run of lines. Replacing just those ranges keeps
 * the cursor, the selection, folds and the undo history of everything else in the note. Pure: no Obsidian here.
 */

/** A replacement of `[from, to)` (offsets in the text it was computed from) by `text`. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** Apply edits (offsets in `text`, not overlapping) and return the result. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    if (e.from < last || e.to < e.from || e.to > text.length) throw new RangeError('Overlapping or out-of-range edits');
    out += text.slice(last, e.from) + e.text;
    last = e.to;
  }
  return out + text.slice(last);
}

/** One edit replacing what differs between `before` and `after` (their common start and end are kept). */
export function singleEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return [{ from: start, to: before.length - end, text: after.slice(start, after.length - end) }];
}

/** Cells of the line table above which `minimalEdits` settles for one edit over the changed span. */
const MAX_DIFF_CELLS = 2_000_000;

/** The lines of `text`, each with its "\n" (the last one without, when the text does not end in one). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * Few, small edits that turn `before` into `after`: a line diff (longest common subsequence of the lines that
 * differ), one edit per run of changed lines, each trimmed to the characters that really change. Lines kept are
 * never inside an edit, so a cursor on them stays where it is. Very large changes fall back to one edit.
 */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) return singleEdit(before, after);
  // lcs[i * (m + 1) + j]: common lines of a[start + i…endA) and b[start + j…endB).
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  let offset = 0; // of line a[start + i] in `before`
  for (let k = 0; k < start; k++) offset += a[k].length;
  const edits: TextEdit[] = [];
  let hunk: { from: number; oldText: string; newText: string } | null = null;
  const close = () => {
    if (!hunk) return;
    for (const e of singleEdit(hunk.oldText, hunk.newText)) edits.push({ from: hunk.from + e.from, to: hunk.from + e.to, text: e.text });
    hunk = null;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      close();
      offset += a[start + i].length;
      i++;
      j++;
      continue;
    }
    hunk ??= { from: offset, oldText: '', newText: '' };
    if (j < m && (i === n || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
      hunk.newText += b[start + j++];
    } else {
      hunk.oldText += a[start + i];
      offset += a[start + i++].length;
    }
  }
  close();
  return edits;
}
