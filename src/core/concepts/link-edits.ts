/**
 * The editor edits of a concept-linking run: one replacement per added link, so the user's cursor, selection and
 * undo history of everything else in the note stay (see src/core/text/text-edits.ts for the general diff).
 */
import { applyTextEdits, singleEdit, type TextEdit } from '../text/text-edits';
import { escapeTablePipes } from './link-writer';

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
