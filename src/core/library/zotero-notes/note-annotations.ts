/**
 * One Zotero note's HTML → its PDF annotations and, when the user wrote something of their own in it, its Markdown.
 *
 * "Add Note from Annotations" (Zotero's EditorInstanceUtilities.serializeAnnotations, note schema 8–10) writes one
 * paragraph per annotation inside `<div data-schema-version="…">`, after an `<h1>` title:
 * - highlight / underline: `<p><span class="highlight|underline" data-annotation="…">“text”</span> <span class="citation" data-citation="…">(…, p. 3)</span> comment</p>`;
 * - image: `<p><img data-attachment-key="…" data-annotation="…"/><br/><span class="citation" …>…</span> comment</p>`;
 * - note (sticky note): `<p><span class="citation" …>(…, p. 3)</span> comment</p>`, without data-annotation.
 * `data-annotation` is URI-encoded JSON: attachmentURI, annotationKey, color, pageLabel, position.pageIndex.
 * A note is "annotations only" when nothing but those paragraphs and headings is in it; the user's notes (and
 * annotation notes the user wrote into) are also returned as Markdown, so nothing they wrote is lost.
 */
import { colorNameOf, type Annotation, type AnnotationType } from '../annotation';
import { openPdfLink, zoteroItemRef, type ZoteroItemRef } from '../fields/zotero-links';
import { headingShiftFor, htmlToMarkdown } from '../text/html-to-markdown';
import { attribute, hasClass, matchElements, tokenizeHtml, type HtmlToken } from '../text/html-tokens';
import { hashString } from '../../text/fingerprint';
import { citationItemsOf, pandocCitation, parseEncodedJson, type CitekeyLookup } from './note-citations';

export interface ReadNote {
  annotations: Annotation[];
  /** The note as Markdown, or null when it holds nothing but annotations (or nothing at all). */
  markdown: string | null;
}

const BLOCK_TAGS = new Set(['p', 'li', 'blockquote', 'div', 'td', 'th', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HEADING = /^h[1-6]$/;

/** An annotation element or a citation span found in the note. */
interface Anchor {
  kind: 'annotation' | 'citation';
  open: number;
  /** Index of the element's last token (its closing tag, or itself for an image). */
  close: number;
  /** Index of the innermost block element around it, or -1. */
  block: number;
  /** The parsed data-annotation JSON ({} for a citation, whose data-citation is read only when needed). */
  data: Record<string, unknown>;
}

/** Read one note. `lookup` resolves cited items to citation keys (see note-citations.ts). */
export function readZoteroNote(html: string, lookup: CitekeyLookup): ReadNote {
  const markdownOf = (fragment: string, headingShift = 0) =>
    htmlToMarkdown(fragment, { headingShift, citation: (data, readable) => pandocCitation(data, lookup) ?? readable });
  const whole = () => markdownOf(html, headingShiftFor(html)) || null;
  if (!html.includes('data-annotation')) return { annotations: [], markdown: whole() };
  const tokens = tokenizeHtml(html);
  const closeOf = matchElements(tokens);
  const anchors = findAnchors(tokens, closeOf);
  const covered = new Uint8Array(tokens.length);
  const annotations: Annotation[] = [];
  const refs = anchors.filter((a) => a.kind === 'annotation').map((a) => ({ at: a.open, ref: zoteroItemRef(a.data.attachmentURI) }));
  const blockEnd = (a: Anchor) => (a.block >= 0 ? closeOf[a.block] : tokens.length);
  const slice = (from: number, to: number) => (from < to ? html.slice(tokens[from].start, to < tokens.length ? tokens[to].start : html.length) : '');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    if (a.kind === 'annotation') {
      const next = anchors.slice(i + 1).find((b) => b.kind === 'annotation' && b.block === a.block);
      const citation = citationAfter(tokens, anchors, i);
      const commentStart = (citation ? citation.close : a.close) + 1;
      const commentEnd = next ? next.open : blockEnd(a);
      const type: AnnotationType = tokens[a.open].tag === 'img' ? 'image' : hasClass(tokens[a.open].raw, 'underline') ? 'underline' : 'highlight';
      const text = type === 'image' ? '' : unquote(markdownOf(slice(a.open + 1, a.close)));
      annotations.push(annotationOf(type, a.data, text, markdownOf(slice(commentStart, commentEnd))));
    } else if (isNoteAnnotation(a, tokens, closeOf)) {
      const citation = parseEncodedJson(attribute(tokens[a.open].raw, 'data-citation') ?? '');
      const comment = markdownOf(slice(a.close + 1, blockEnd(a)));
      if (comment === '' || citation === null) continue;
      annotations.push(noteAnnotation(citation, comment, nearestRef(refs, a.open)));
    } else continue;
    if (a.block >= 0) covered.fill(1, a.block, closeOf[a.block] + 1);
  }
  return { annotations, markdown: hasUserContent(tokens, covered) ? whole() : null };
}

function findAnchors(tokens: readonly HtmlToken[], closeOf: Int32Array): Anchor[] {
  const anchors: Anchor[] = [];
  const blocks: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    while (blocks.length > 0 && closeOf[blocks[blocks.length - 1]] < i) blocks.pop();
    const t = tokens[i];
    if (t.kind !== 'open') continue;
    const block = blocks.length > 0 ? blocks[blocks.length - 1] : -1;
    if (BLOCK_TAGS.has(t.tag) && closeOf[i] > i) blocks.push(i);
    const isImage = t.tag === 'img';
    if (isImage || t.tag === 'span') {
      const encoded = attribute(t.raw, 'data-annotation');
      const annotation = encoded !== undefined && (isImage || hasClass(t.raw, 'highlight') || hasClass(t.raw, 'underline')) ? parseEncodedJson(encoded) : null;
      if (annotation) {
        anchors.push({ kind: 'annotation', open: i, close: isImage ? i : Math.max(i, closeOf[i]), block, data: annotation });
        continue;
      }
      if (!isImage && hasClass(t.raw, 'citation')) anchors.push({ kind: 'citation', open: i, close: Math.max(i, closeOf[i]), block, data: {} });
    }
  }
  return anchors;
}

const isBlank = (t: HtmlToken) => (t.kind === 'text' && t.raw.trim() === '') || (t.kind === 'open' && t.tag === 'br');

/** The citation that directly follows annotation `anchors[i]` (only blanks and a `<br>` between), or null. */
function citationAfter(tokens: readonly HtmlToken[], anchors: readonly Anchor[], i: number): Anchor | null {
  const a = anchors[i];
  const next = anchors[i + 1];
  if (!next || next.kind !== 'citation' || next.block !== a.block) return null;
  for (let t = a.close + 1; t < next.open; t++) if (!isBlank(tokens[t])) return null;
  return next;
}

/** A citation that opens a paragraph of its own and is followed by text: Zotero's form of a note annotation. */
function isNoteAnnotation(a: Anchor, tokens: readonly HtmlToken[], closeOf: Int32Array): boolean {
  if (a.block < 0 || HEADING.test(tokens[a.block].tag)) return false;
  for (let t = a.block + 1; t < a.open; t++) if (!isBlank(tokens[t])) return false;
  return closeOf[a.block] > a.close + 1;
}

function nearestRef(refs: readonly { at: number; ref: ZoteroItemRef | null }[], at: number): ZoteroItemRef | null {
  let found: ZoteroItemRef | null = null;
  for (const r of refs) {
    if (r.ref && (r.at < at || found === null)) found = r.ref;
    if (r.at > at && found) break;
  }
  return found;
}

/** Whether text (or an image) outside the annotation paragraphs and the headings is in the note. */
function hasUserContent(tokens: readonly HtmlToken[], covered: Uint8Array): boolean {
  let headings = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (HEADING.test(t.tag)) headings += t.kind === 'open' ? 1 : t.kind === 'close' && headings > 0 ? -1 : 0;
    if (covered[i] || headings > 0) continue;
    if (t.kind === 'text' && t.raw.replace(/&nbsp;|&#160;/g, ' ').trim() !== '') return true;
    if (t.kind === 'open' && t.tag === 'img') return true;
  }
  return false;
}

const QUOTES: Readonly<Record<string, string>> = { '“': '”', '„': '“', '«': '»', '‹': '›', '「': '」', '『': '』', '"': '"', '‘': '’', '‚': '‘' };

/** The highlighted text without the quotation marks Zotero puts around it. */
function unquote(text: string): string {
  const close = QUOTES[text[0]];
  if (close === undefined || text.length < 2 || !text.endsWith(close)) return text;
  return text.slice(1, -1).trim();
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
}

/** A key for an annotation that has none in the note: stable while what it is made from stays the same. */
function derivedKey(prefix: string, ...parts: (string | null)[]): string {
  return prefix + hashString(parts.map((p) => p ?? '').join('\u0000')).slice(0, 7).toUpperCase();
}

function annotationOf(type: AnnotationType, data: Record<string, unknown>, text: string, comment: string): Annotation {
  const ref = zoteroItemRef(data.attachmentURI);
  const page = str(data.pageLabel);
  const color = str(data.color)?.toLowerCase() ?? '';
  const position = data.position as { pageIndex?: unknown } | undefined;
  const pageIndex = typeof position?.pageIndex === 'number' && Number.isInteger(position.pageIndex) ? position.pageIndex : null;
  const given = str(data.annotationKey);
  const key = given !== null && /^[A-Za-z0-9]+$/.test(given) ? given : derivedKey('H', ref?.key ?? null, page, text);
  return {
    type,
    text,
    comment,
    color,
    colorName: colorNameOf(color),
    page,
    key,
    attachmentKey: ref?.key ?? null,
    link: ref ? openPdfLink(ref, pageIndex === null ? null : pageIndex + 1, key) : null,
  };
}

/** A note annotation: its page is the citation's locator; Zotero itself links such a page by its label. */
function noteAnnotation(citation: Record<string, unknown>, comment: string, ref: ZoteroItemRef | null): Annotation {
  const page = str(citationItemsOf(citation)[0]?.locator);
  const pageNumber = page !== null && /^\d+$/.test(page) ? Number(page) : null;
  return {
    type: 'note',
    text: '',
    comment,
    color: '',
    colorName: null,
    page,
    key: derivedKey('N', ref?.key ?? null, page, comment),
    attachmentKey: ref?.key ?? null,
    link: ref ? openPdfLink(ref, pageNumber) : null,
  };
}
