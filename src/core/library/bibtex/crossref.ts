/**
 * BibTeX `crossref` inheritance: a child entry (an @inproceedings) takes the fields it lacks from its parent (the
 * @proceedings or @book in the same file), the parent's title becoming the child's `booktitle`. Identity fields
 * (title, ids, links, files, keywords, notes) are never inherited. A parent missing from the file changes nothing.
 */
import type { RawBibEntry } from './citation-js-parse';

const NOT_INHERITED = new Set([
  'title', 'shorttitle', 'subtitle', 'titleaddon', 'ids', 'crossref', 'xref', 'keywords', 'abstract', 'file', 'url',
  'doi', 'eprint', 'eprinttype', 'eprintclass', 'archiveprefix', 'primaryclass', 'arxivid', 'note', 'annotation',
  'annote', 'pages', 'urldate', 'entryset', 'related',
]);

/** Fill each child's missing fields from its crossref parent, in place. */
export function applyCrossrefs(entries: RawBibEntry[]): void {
  let byKey: Map<string, RawBibEntry> | null = null;
  for (const child of entries) {
    const parentKey = child.fields.crossref;
    if (!parentKey) continue;
    byKey ??= new Map(entries.map((e) => [e.key, e]));
    const parent = byKey.get(parentKey.trim());
    if (!parent || parent === child) continue;
    const f = child.fields;
    if (f.booktitle === undefined && parent.fields.title !== undefined) f.booktitle = parent.fields.title;
    for (const [name, value] of Object.entries(parent.fields)) {
      if (!NOT_INHERITED.has(name) && f[name] === undefined) f[name] = value;
    }
  }
}
