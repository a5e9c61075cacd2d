/**
 * Zotero note HTML written the way Zotero writes it, for the example library and the benchmarks (the tests read a
 * literal export, tests/core/library/zotero-notes/fixtures). "Add Note from Annotations" (Zotero's
 * EditorInstanceUtilities.serializeAnnotations, note schema 9) writes, inside `<div data-citation-items
 * data-schema-version>`, an `<h1>` title and one paragraph per annotation with its default templates:
 * highlight/underline `{{highlight}} {{citation}} {{comment}}`, note `{{citation}} {{comment}}`, image
 * `{{image}}<br>{{citation}} {{comment}}`; attributes are URI-encoded JSON.
 */

export interface NoteAnnotation {
  type: 'highlight' | 'underline' | 'image' | 'note';
  /** Zotero's 8-character annotation key (note annotations have none in the HTML). */
  key: string;
  color: string;
  pageLabel: string;
  /** 0-based page index. */
  pageIndex: number;
  text?: string;
  comment?: string;
}

/** The item the annotations belong to: its library (`users/6131994` or `groups/4711`), keys and citation text. */
export interface NoteTarget {
  library: string;
  parentKey: string;
  attachmentKey: string;
  /** Zotero's formatted citation without the page: "Wei et al., 2022". */
  citation: string;
}

const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Zotero item URI. */
export function itemUri(library: string, key: string): string {
  return `http://zotero.org/${library}/items/${key}`;
}

/** A citation span as the note editor writes it. */
export function citationSpan(uri: string, locator: string | null, readable: string): string {
  const item: Record<string, unknown> = { uris: [uri] };
  if (locator !== null) item.locator = locator;
  return `<span class="citation" data-citation="${encode({ citationItems: [item], properties: {} })}">(<span class="citation-item">${escapeHtml(readable)}</span>)</span>`;
}

function paragraph(target: NoteTarget, a: NoteAnnotation): string {
  const parent = itemUri(target.library, target.parentKey);
  const citationItem = { uris: [parent], locator: a.pageLabel };
  const stored = {
    attachmentURI: itemUri(target.library, target.attachmentKey),
    annotationKey: a.key,
    color: a.color,
    pageLabel: a.pageLabel,
    position: { pageIndex: a.pageIndex, rects: [[72.024, 601.3, 539.91, 612.44]] },
    citationItem,
  };
  const citation = citationSpan(parent, a.pageLabel, `${target.citation}, p. ${a.pageLabel}`);
  const comment = a.comment ? ` ${escapeHtml(a.comment)}` : '';
  if (a.type === 'note') return `<p>${citation}${comment}</p>`;
  if (a.type === 'image') return `<p><img data-attachment-key="I${a.key.slice(1)}" width="402" height="187" data-annotation="${encode(stored)}"><br>${citation}${comment}</p>`;
  return `<p><span class="${a.type}" data-annotation="${encode(stored)}">“${escapeHtml(a.text ?? '')}”</span> ${citation}${comment}</p>`;
}

/** An "Add Note from Annotations" note. */
export function annotationNoteHtml(target: NoteTarget, annotations: readonly NoteAnnotation[], date = '10/1/2025, 9:03:12 PM'): string {
  const items = encode([{ uris: [itemUri(target.library, target.parentKey)] }]);
  const body = [`<h1>Annotations<br>(${date})</h1>`, ...annotations.map((a) => paragraph(target, a))].join('\n');
  return `<div data-citation-items="${items}" data-schema-version="9">${body}</div>`;
}

/** A note the user wrote: its HTML inside the note editor's container. */
export function userNoteHtml(innerHtml: string): string {
  return `<div data-schema-version="9">${innerHtml}</div>`;
}
