/**
 * Managed regions: the parts of a note the plugin owns, between marker comments that Obsidian hides in reading view:
 *
 *     %% zcn:begin summary %%
 *     …text the plugin rewrites…
 *     %% zcn:end summary %%
 *
 * Everything outside the markers belongs to the user and is never changed. Region ids are [a-z0-9-]+.
 */

export interface ManagedRegion {
  id: string;
  /** Offset of the begin marker's first character. */
  start: number;
  /** Offset just after the end marker (its line break not included). */
  end: number;
  /** Offsets of the content between the markers (after the begin marker's line, before the end marker's line). */
  contentStart: number;
  contentEnd: number;
  /** The content text. */
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

/** Wrap content (without trailing newline) in region markers, one marker per line. */
export function wrapRegion(id: string, content: string): string {
  return `${beginMarker(id)}\n${content}${content === '' ? '' : '\n'}${endMarker(id)}`;
}

/**
 * Every well-formed region, in order. A begin without its end, an end without a begin, nested or repeated ids make
 * the region unusable: such ids are returned in `broken` and their text must be left alone.
 */
export function findRegions(text: string): { regions: ManagedRegion[]; broken: string[] } {
  const regions: ManagedRegion[] = [];
  const broken = new Set<string>();
  const seen = new Set<string>();
  let open: { id: string; start: number; afterMarker: number } | null = null;
  for (let m = nextMarker(text, 0); m !== null; m = nextMarker(text, m.end)) {
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
    const contentStart = text.startsWith('\n', open.afterMarker) ? open.afterMarker + 1 : open.afterMarker;
    const contentEnd = at > contentStart && text[at - 1] === '\n' ? at - 1 : at;
    if (seen.has(id)) broken.add(id);
    seen.add(id);
    regions.push({ id, start: open.start, end: m.end, contentStart, contentEnd, content: text.slice(contentStart, Math.max(contentStart, contentEnd)) });
    open = null;
  }
  if (open) broken.add(open.id);
  return { regions: broken.size === 0 ? regions : regions.filter((r) => !broken.has(r.id)), broken: [...broken] };
}

/** Replace the content of region `id`; returns null when the region is missing or broken. */
export function replaceRegionContent(text: string, id: string, content: string): string | null {
  const region = findRegions(text).regions.find((r) => r.id === id);
  if (!region) return null;
  return text.slice(0, region.start) + wrapRegion(id, content) + text.slice(region.end);
}
