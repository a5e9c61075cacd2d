/**
 * Sections an engine writes whole, as managed regions appended to a note: the concept section of a concept note
 * (the notes that mention the concept) and "Cited in" of a literature note (the notes that cite the paper). What
 * is in them is the engine's output, so no engine reads it back: the concept linker neither links nor counts
 * mentions there, and the citation scanner does not count the links there as citations.
 */
import { findFrontMatter } from './front-matter-text';
import { detectEol, withEol } from './line-endings';
import { beginMarker, findRegions, wrapRegion } from './managed-region';

/** The concept section of each concept note. */
export const CONCEPT_SECTION_ID = 'concept-links';
/** "Cited in" of each literature note. */
export const CITED_IN_SECTION_ID = 'cited-in';

export const OWNED_SECTION_IDS: readonly string[] = [CONCEPT_SECTION_ID, CITED_IN_SECTION_ID];

/**
 * The ranges [start, end) of the owned sections in `text` (from `bodyStart`). A section with damaged markers is
 * still the engine's: it is protected from its first marker to its last one.
 */
export function ownedSectionRanges(text: string, bodyStart: number): [number, number][] {
  if (!text.includes('%% zcn:')) return [];
  const { regions, broken } = findRegions(text, bodyStart);
  const ranges: [number, number][] = regions.filter((r) => OWNED_SECTION_IDS.includes(r.id)).map((r) => [r.start, r.end]);
  for (const id of broken) {
    if (!OWNED_SECTION_IDS.includes(id)) continue;
    const begin = text.indexOf(`%% zcn:begin ${id} %%`, bodyStart);
    const endMarker = `%% zcn:end ${id} %%`;
    const last = text.lastIndexOf(endMarker);
    const from = begin < 0 ? last : begin;
    ranges.push([from, last > from ? last + endMarker.length : text.length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * Put `content` (LF) into the note's section `id`, in the note's line ending: replaced in place when the region
 * exists, appended at the end when it does not. Damaged markers (a begin without its end, a repeated region) are
 * reported and the note left alone. Markers are looked for in the body only. The text is made by one join (a flat
 * string); `contentStart` is where `content` starts in it, or -1 when its line endings were converted, so a caller
 * keeping the content can keep a slice of the text instead of a second copy.
 */
export function writeOwnedSection(text: string, id: string, content: string): { text: string; contentStart: number } | { problem: string } {
  const fm = findFrontMatter(text);
  const { regions, broken } = findRegions(text, fm ? fm.bodyStart : 0);
  if (broken.includes(id)) return { problem: `the "${id}" section markers are damaged (missing, repeated or nested); fix or delete them` };
  const eol = detectEol(text);
  const region = wrapRegion(id, content, eol);
  const current = regions.find((r) => r.id === id);
  const before = current ? text.slice(0, current.start) : text.trim() === '' ? text : `${text}${text.endsWith('\n') ? '' : eol}${eol}`;
  const contentStart = withEol(content, eol) === content ? before.length + beginMarker(id).length + eol.length : -1;
  return { text: [before, region, current ? text.slice(current.end) : eol].join(''), contentStart };
}
