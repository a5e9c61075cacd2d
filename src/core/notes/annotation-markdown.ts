/**
 * One PDF annotation as a block of a literature note, and the variables templates see for it. The block is a
 * callout whose type names the colour (`zotero-red`, styled by the plugin's stylesheet and still plain Markdown
 * without it), titled with what the colour means to the user; inside, the highlighted text, the user's comment,
 * and the page link into Zotero's reader. A block id made from the annotation key follows on its own line, so
 * `[[note#^ann-KEY]]` links (or embeds) that one highlight from anywhere, and the sync can tell the blocks apart
 * (sync/region-items.ts).
 *
 *     > [!zotero-red] Important · Underline
 *     > chain-of-thought prompting is an emergent ability of model scale
 *     >
 *     > 关键结论：小模型用思维链反而更差。
 *     >
 *     > [p. 3](zotero://open-pdf/library/items/P3DHX7KQ?page=3&annotation=RED7U2NB)
 *
 *     ^ann-RED7U2NB
 */
import type { Annotation, AnnotationColorName } from '../library/annotation';
import type { Settings } from '../settings';
import { annotationWords, frozenHeadings, type NoteLanguage } from './i18n';
import { markdownUrl } from './paper-parts';

/** An annotation as templates see it: its fields, Zotero Integration's names for some, and the built-in block. */
export interface AnnotationVariables extends Annotation {
  /** Zotero Integration's name for `text`. */
  annotatedText: string;
  /** Zotero Integration's name for the colour: `Yellow`, `Red`… (English, capitalised), or null. */
  colorCategory: string | null;
  /** Zotero Integration's name for `page` (the page label). */
  pageLabel: string | null;
  /** Zotero Integration's name for `link`. */
  desktopURI: string | null;
  /** What the colour means to the user (the annotationColorLabels setting), else the colour's name; null without one. */
  colorLabel: string | null;
  /** The block id, without `^`: `ann-<key>`. */
  blockId: string;
  /** The annotation as the built-in template writes it (the callout, a blank line, `^ann-<key>`). */
  markdown: string;
}

export interface AnnotationOptions {
  language: NoteLanguage;
  settings: Pick<Settings, 'annotationColorLabels'>;
}

/** The block id of an annotation (without `^`). */
export function annotationBlockId(key: string): string {
  return `ann-${key}`;
}

function quoted(text: string): string[] {
  return text.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`));
}

function colorLabelOf(name: AnnotationColorName | null, options: AnnotationOptions): string | null {
  if (name === null) return null;
  return options.settings.annotationColorLabels?.[name] ?? annotationWords(options.language).colors[name];
}

/** The annotation's block in the built-in format (see the top of this file). */
export function annotationMarkdown(a: Annotation, options: AnnotationOptions): string {
  const words = annotationWords(options.language);
  const title = [colorLabelOf(a.colorName, options), a.type === 'highlight' ? null : words.types[a.type]].filter((t) => t !== null).join(' · ');
  const parts: string[][] = [];
  if (a.type === 'image') parts.push([`> ${words.image}`]);
  else if (a.text.trim() !== '') parts.push(quoted(a.text));
  if (a.comment.trim() !== '') parts.push(quoted(a.comment));
  const pageText = a.page === null ? null : words.page(a.page);
  if (a.link) parts.push([`> [${pageText ?? frozenHeadings(options.language).openInZotero}](${markdownUrl(a.link)})`]);
  else if (pageText) parts.push([`> ${pageText}`]);
  const body = parts.flatMap((lines, i) => (i === 0 ? lines : ['>', ...lines]));
  const head = `> [!zotero${a.colorName ? `-${a.colorName}` : a.type === 'note' ? '-note' : ''}]${title ? ` ${title}` : ''}`;
  return [head, ...body].join('\n') + `\n\n^${annotationBlockId(a.key)}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The variables of each annotation, in order. */
export function annotationVariables(annotations: readonly Annotation[], options: AnnotationOptions): AnnotationVariables[] {
  return annotations.map((a) => ({
    ...a,
    annotatedText: a.text,
    colorCategory: a.colorName ? capitalise(a.colorName) : null,
    pageLabel: a.page,
    desktopURI: a.link,
    colorLabel: colorLabelOf(a.colorName, options),
    blockId: annotationBlockId(a.key),
    markdown: annotationMarkdown(a, options),
  }));
}
