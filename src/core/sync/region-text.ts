/**
 * Managed-region content as the sync compares and writes it: line-ending neutral, and blind to internal links, so
 * that concept links added into a region later (by the concept linker) do not count as a hand edit.
 */
import { hashString } from '../text/fingerprint';
import { beginMarker, endMarker, findRegions } from '../text/managed-region';

export interface RegionSpan {
  id: string;
  /** Offset of the begin marker. */
  start: number;
  /** Offset just after the end marker. */
  end: number;
  /** The content between the markers with line endings turned to LF, without the line breaks next to the markers. */
  content: string;
}

/** Wiki links (`[[target|shown]]`, `[[target]]`) and relative Markdown links keep only their shown text. */
export function stripInternalLinks(text: string): string {
  if (!text.includes('](') && !text.includes('[[')) return text;
  return text
    .replace(/(!?)\[\[([^\]|\n]+)(?:\|([^\]\n]*))?\]\]/g, (m: string, bang: string, target: string, shown: string | undefined) =>
      bang ? m : (shown ?? target),
    )
    .replace(/(!?)\[([^\]\n]*)\]\((<[^>\n]*>|[^)\s]*)\)/g, (m: string, bang: string, shown: string, target: string) =>
      bang || target.includes(':') ? m : shown,
    );
}

/** Line endings to LF. */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}

/** The fingerprint of region content, as stored in the sync state. */
export function regionHash(content: string): string {
  return hashString(stripInternalLinks(toLf(content)));
}

/** Whether two region contents are the same for the sync (line endings and internal links aside). */
export function sameRegionContent(a: string, b: string): boolean {
  const x = toLf(a);
  const y = toLf(b);
  return x === y || stripInternalLinks(x) === stripInternalLinks(y);
}

/**
 * The well-formed regions of `text` that start at or after `from` (the body), and the ids whose markers are broken.
 */
export function bodyRegions(text: string, from: number): { regions: RegionSpan[]; broken: string[] } {
  // Only the body is searched: a marker-like string in a front-matter value (a title) must not break a region.
  const body = from === 0 ? text : text.slice(from);
  const { regions, broken } = findRegions(body);
  const spans: RegionSpan[] = [];
  for (const r of regions) {
    let inner = body.slice(r.start + beginMarker(r.id).length, r.end - endMarker(r.id).length);
    if (inner.startsWith('\r\n')) inner = inner.slice(2);
    else if (inner.startsWith('\n')) inner = inner.slice(1);
    if (inner.endsWith('\r\n')) inner = inner.slice(0, -2);
    else if (inner.endsWith('\n')) inner = inner.slice(0, -1);
    spans.push({ id: r.id, start: r.start + from, end: r.end + from, content: toLf(inner) });
  }
  return { regions: spans, broken };
}

/** A whole region (markers included) with `content` in the note's line ending. */
export function regionText(id: string, content: string, eol: string): string {
  const body = eol === '\n' ? content : content.replace(/\n/g, eol);
  return `${beginMarker(id)}${eol}${body}${body === '' ? '' : eol}${endMarker(id)}`;
}
