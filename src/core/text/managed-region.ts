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

const MARKER = /%% zcn:(begin|end) ([a-z0-9-]+) %%/g;

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
  for (const m of text.matchAll(MARKER)) {
    const [, kind, id] = m;
    const at = m.index;
    if (kind === 'begin') {
      if (open) broken.add(open.id);
      open = { id, start: at, afterMarker: at + m[0].length };
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
    regions.push({ id, start: open.start, end: at + m[0].length, contentStart, contentEnd, content: text.slice(contentStart, Math.max(contentStart, contentEnd)) });
    open = null;
  }
  if (open) broken.add(open.id);
  return { regions: regions.filter((r) => !broken.has(r.id)), broken: [...broken] };
}

/** Replace the content of region `id`; returns null when the region is missing or broken. */
export function replaceRegionContent(text: string, id: string, content: string): string | null {
  const region = findRegions(text).regions.find((r) => r.id === id);
  if (!region) return null;
  return text.slice(0, region.start) + wrapRegion(id, content) + text.slice(region.end);
}
