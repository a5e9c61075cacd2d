/**
 * PDF annotations as the paper model holds them. They come from the note Zotero writes with "Add Note from
 * Annotations", which Better BibTeX JSON exports as Zotero's note HTML (see zotero-notes/note-annotations.ts), so
 * everything here works from the export alone, with Zotero closed.
 */

export type AnnotationType = 'highlight' | 'underline' | 'image' | 'note';

/** Zotero's annotation colours, in the order of its colour picker. */
export const ANNOTATION_COLOR_NAMES = ['yellow', 'red', 'green', 'blue', 'purple', 'magenta', 'orange', 'gray'] as const;

export type AnnotationColorName = (typeof ANNOTATION_COLOR_NAMES)[number];

/** The hex values of Zotero's palette (Zotero 6 had the first five, Zotero 7 added the last three). */
export const ZOTERO_COLORS: Readonly<Record<AnnotationColorName, string>> = Object.freeze({
  yellow: '#ffd400',
  red: '#ff6666',
  green: '#5fb236',
  blue: '#2ea8e5',
  purple: '#a28ae5',
  magenta: '#e56eee',
  orange: '#f19837',
  gray: '#aaaaaa',
});

/** One annotation. Field names are part of `list --json` and of the template variables (docs/templates.md). */
export interface Annotation {
  type: AnnotationType;
  /** The highlighted or underlined text as Markdown (Zotero's quotation marks removed); '' for image and note annotations. */
  text: string;
  /** The user's comment on it as Markdown ('' when none); citations in it resolved like those of notes. */
  comment: string;
  /** The colour as Zotero stores it, lowercase hex (`#ffd400`); '' when the note does not say. */
  color: string;
  /** The name of the colour: Zotero's palette name, or the nearest one for another hex; null without a colour. */
  colorName: AnnotationColorName | null;
  /** The page label Zotero shows (`"3"`, `"iv"`, `"e1023"`), or null. */
  page: string | null;
  /**
   * Zotero's annotation key (`"9BIHB675"`). A note ("sticky note") annotation carries no key in the note HTML: it
   * gets `N` + a fingerprint of its attachment, page and comment, stable while those stay the same.
   */
  key: string;
  /** The Zotero item key of the PDF the annotation is on, or null when the note does not say. */
  attachmentKey: string | null;
  /**
   * Opens the PDF at the annotation in Zotero's reader: `zotero://open-pdf/library/items/<attachmentKey>?page=<n>&annotation=<key>`
   * (`…/groups/<ID>/items/…` in a group library), `n` the 1-based page index; null without an attachment.
   */
  link: string | null;
}

function rgb(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

const PALETTE = ANNOTATION_COLOR_NAMES.map((name) => ({ name, rgb: rgb(ZOTERO_COLORS[name]) as [number, number, number] }));
// A library uses a handful of colours for thousands of annotations.
const known = new Map<string, AnnotationColorName | null>();

/** The palette name of a colour: exact for Zotero's own, else the nearest (a custom or older colour); null for no colour. */
export function colorNameOf(hex: string): AnnotationColorName | null {
  const cached = known.get(hex);
  if (cached !== undefined) return cached;
  const target = rgb(hex);
  let best: AnnotationColorName | null = null;
  let bestDistance = Infinity;
  for (const { name, rgb: [r, g, b] } of target ? PALETTE : []) {
    const distance = (r - target![0]) ** 2 + (g - target![1]) ** 2 + (b - target![2]) ** 2;
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  if (known.size < 1000) known.set(hex, best);
  return best;
}
