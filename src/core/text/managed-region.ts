/**
 * Managed regions: the parts of a note the plugin owns, between marker comments that Obsidian hides in reading view:
 *
 *     %% zcn:begin summary %%
 *     …text the plugin rewrites…
 *     %% zcn:end summary %%
 *
 * Everything outside the markers belongs to the user and is never changed. Region ids are [a-z0-9-]+. The one
 * reader and writer of regions: the sync, the note templates and the concept sections all go through here. Region
 * content is LF inside the program and written in the note's own line ending (see line-endings.ts).
 */
import { toLf, withEol, type Eol } from './line-endings';

export interface ManagedRegion {
  id: string;
  /** Offset of the begin marker's first character. */
  start: number;
  /** Offset just after the end marker (its line break not included). */
  end: number;
  /**
   * Offsets of the content between the markers: after the begin marker's line break, before the end marker's one
   * (LF or CRLF).
   */
  contentStart: number;
  contentEnd: number;
  /** The content text, line endings turned to LF. */
  content: string;
}

const MARKER_START = '%% zcn:';

interface Marker {
  kind: 'begin' | 'end';
  id: string;
  start: number;
  end: number;
}

const isIdChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45; // [a-z0-9-]

/**
 * The first marker at or after `from`: what /%% zcn:(begin|end) ([a-z0-9-]+) %%/g would match next. Scanned with
 * indexOf, as every sync reads the regions of every note twice and the regex was a third of a render's time.
 */
function nextMarker(text: string, from: number): Marker | null {
  for (let at = text.indexOf(MARKER_START, from); at >= 0; at = text.indexOf(MARKER_START, at + 1)) {
    let i = at + MARKER_START.length;
    let kind: Marker['kind'];
    if (text.startsWith('begin ', i)) kind = 'begin';
    else if (text.startsWith('end ', i)) kind = 'end';
    else continue;
    i += kind.length + 1;
    const idStart = i;
    while (i < text.length && isIdChar(text.charCodeAt(i))) i++;
    if (i > idStart && text.startsWith(' %%', i)) return { kind, id: text.slice(idStart, i), start: at, end: i + 3 };
  }
  return null;
}

export function beginMarker(id: string): string {
  return `%% zcn:begin ${id} %%`;
}

export function endMarker(id: string): string {
  return `%% zcn:end ${id} %%`;
}

// A block id on its own line (`^ann-KEY`) names the block before it only when a blank line follows.
const ENDS_WITH_BLOCK_ID = /(?:^|\n)\^[A-Za-z0-9-]+$/;

/**
 * A whole region: content (LF, without a final line break) between its markers, one marker per line, in `eol` line
 * endings (the note's, when it goes into a note). Content ending with a block-id line gets a blank line before the
 * end marker, which Obsidian needs to see the id; the region's content then ends with that line break.
 */
export function wrapRegion(id: string, content: string, eol: Eol = '\n'): string {
  const body = withEol(content, eol);
  const blank = ENDS_WITH_BLOCK_ID.test(content) ? eol : '';
  return `${beginMarker(id)}${eol}${body}${body === '' ? '' : eol}${blank}${endMarker(id)}`;
}

/**
 * Every well-formed region at or after offset `from` (the body's start, so that a marker-like string in a
 * front-matter value counts for nothing), in order; offsets are in `text`. A begin without its end, an end without
 * a begin, nested or repeated ids make the region unusable: such ids are returned in `broken` and their text must be
 * left alone.
 */
export function findRegions(text: string, from = 0): { regions: ManagedRegion[]; broken: string[] } {
  const regions: ManagedRegion[] = [];
  const broken = new Set<string>();
  const seen = new Set<string>();
  let open: { id: string; start: number; afterMarker: number } | null = null;
  for (let m = nextMarker(text, from); m !== null; m = nextMarker(text, m.end)) {
    const { kind, id, start: at } = m;
    if (kind === 'begin') {
      if (open) broken.add(open.id);
      open = { id, start: at, afterMarker: m.end };
      continue;
    }
    if (!open || open.id !== id) {
      broken.add(id);
      if (open) broken.add(open.id);
      open = null;
      continue;
    }
    const contentStart = open.afterMarker + lineBreakAt(text, open.afterMarker);
    const contentEnd = Math.max(contentStart, at - lineBreakBefore(text, at));
    if (seen.has(id)) broken.add(id);
    seen.add(id);
    regions.push({ id, start: open.start, end: m.end, contentStart, contentEnd, content: toLf(text.slice(contentStart, contentEnd)) });
    open = null;
  }
  if (open) broken.add(open.id);
  return { regions: broken.size === 0 ? regions : regions.filter((r) => !broken.has(r.id)), broken: [...broken] };
}

/** Length of the line break (LF or CRLF) starting at `at`, or 0. */
function lineBreakAt(text: string, at: number): number {
  if (text.charCodeAt(at) === 0x0a) return 1;
  return text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? 2 : 0;
}

/** Length of the line break (LF or CRLF) ending just before `at`, or 0. */
function lineBreakBefore(text: string, at: number): number {
  if (text.charCodeAt(at - 1) !== 0x0a) return 0;
  return text.charCodeAt(at - 2) === 0x0d ? 2 : 1;
}
