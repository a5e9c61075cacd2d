/**
 * Turning "old text → new text" into the few replacements an editor transaction needs. Linking concepts only wraps
 * mentions in link syntax, so the edits are one per link; replacing just those ranges keeps the cursor, the
 * selection, folds and the undo history of everything else in the note. Pure: no Obsidian here.
 */
import { escapeTablePipes } from '../core/concepts/link-writer';
import type { TextEdit } from './plugin-services';

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

/** A link as linkText reports it: where its visible text was in the input. */
export interface PlacedLink {
  offset: number;
  surface: string;
}

/**
 * The edits that turn `before` into `after`, given the links linkText added (in text order) and the link text
 * `makeLink` returned for each (in the same order). A link inside a table has its pipes escaped after `makeLink`;
 * both forms are tried. Anything unexpected falls back to one edit over the changed span, so the result always
 * turns `before` into `after` exactly.
 */
export function editsFromLinks(before: string, after: string, links: readonly PlacedLink[], made: readonly string[]): TextEdit[] {
  if (before === after) return [];
  const edits: TextEdit[] = [];
  let shift = 0;
  if (links.length === made.length) {
    for (let i = 0; i < links.length; i++) {
      const { offset, surface } = links[i];
      const at = offset + shift;
      const candidates = [made[i], escapeTablePipes(made[i])];
      const link = candidates.find((c) => after.startsWith(c, at));
      if (link === undefined || before.slice(offset, offset + surface.length) !== surface) return singleEdit(before, after);
      edits.push({ from: offset, to: offset + surface.length, text: link });
      shift += link.length - surface.length;
    }
    if (applyTextEdits(before, edits) === after) return edits;
  }
  return singleEdit(before, after);
}
