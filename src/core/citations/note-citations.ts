/**
 * The citations a note makes, as citekey → count: Pandoc citations and `[[@key]]` links outside what the note
 * protects (the same zones as concept mentions: front matter, code, math, comments, HTML, URLs, link destinations,
 * reference lists), and never inside the sections an engine writes ("Cited in" lists links, not citations).
 * Files that belong to another plugin (Excalidraw drawings, Kanban boards…) cite nothing.
 */
import { scanZones } from '../concepts/markdown-zones';
import { pluginFileOwner } from '../concepts/plugin-files';
import { findCitations } from './pandoc-citations';

export interface NoteCitations {
  /** Citations per citekey. */
  counts: ReadonlyMap<string, number>;
  /**
   * Keys cited only in the author-in-text form (`@key says`). Unknown ones are not reported: in prose, `@name` is as
   * often a handle as a citation; a bracketed citation or `[[@key]]` is unmistakable.
   */
  inTextOnly: ReadonlySet<string>;
}

export const NO_CITATIONS: NoteCitations = { counts: new Map(), inTextOnly: new Set() };

export function citationsInNote(path: string, text: string): NoteCitations {
  if (!text.includes('@') || pluginFileOwner(path, text) !== null) return NO_CITATIONS;
  const counts = new Map<string, number>();
  const marked = new Set<string>();
  for (const c of findCitations(text, scanZones(text))) {
    counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
    if (c.form !== 'in-text') marked.add(c.key);
  }
  if (counts.size === 0) return NO_CITATIONS;
  return { counts, inTextOnly: new Set([...counts.keys()].filter((k) => !marked.has(k))) };
}
