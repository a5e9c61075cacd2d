/**
 * Headings and labels of the built-in note template, in English and Chinese. The survey note the format follows
 * writes `tags：` with a full-width colon and separates list items with `、`; the English strings use ASCII.
 */
import type { AnnotationColorName, AnnotationType } from '../library/annotation';
import type { HeadingsLanguage } from '../settings/settings';

/** A resolved headings language (the `auto` setting resolved against the app language). */
export type NoteLanguage = 'en' | 'zh';

/** The localised strings a template sees as `headings`. */
export interface Headings {
  summary: string;
  /** The section of PDF annotations. */
  annotations: string;
  /** The section of the user's Zotero notes. */
  zoteroNotes: string;
  notes: string;
  openInZotero: string;
  pdf: string;
  attachment: string;
  /** Label of the tags line, without the colon. */
  tags: string;
  /** The colon after a label: `：` in Chinese, `: ` in English. */
  colon: string;
  /** Separator between items of an inline list (tags). */
  listSeparator: string;
  /** Separator between parts of the byline (authors, year, venue, links). */
  bylineSeparator: string;
  /** Appended to a shortened author list. */
  etAl: string;
}

const HEADINGS: Readonly<Record<NoteLanguage, Readonly<Headings>>> = Object.freeze({
  en: Object.freeze({
    summary: 'Summary',
    annotations: 'Annotations',
    zoteroNotes: 'Zotero notes',
    notes: 'Notes',
    openInZotero: 'Open in Zotero',
    pdf: 'PDF',
    attachment: 'Attachment',
    tags: 'tags',
    colon: ': ',
    listSeparator: ', ',
    bylineSeparator: ' · ',
    etAl: 'et al.',
  }),
  zh: Object.freeze({
    summary: '摘要',
    annotations: '标注',
    zoteroNotes: 'Zotero 笔记',
    notes: '笔记',
    openInZotero: '在 Zotero 中打开',
    pdf: 'PDF',
    attachment: '附件',
    tags: 'tags',
    colon: '：',
    listSeparator: '、',
    bylineSeparator: ' · ',
    etAl: '等',
  }),
});

/** The words of an annotation block (see annotation-markdown.ts). */
export interface AnnotationWords {
  colors: Readonly<Record<AnnotationColorName, string>>;
  /** What a type is called in a block's title; a highlight is the default and is not named. */
  types: Readonly<Record<Exclude<AnnotationType, 'highlight'>, string>>;
  /** The page link's text for a page label. */
  page: (label: string) => string;
  /** Stands for an image annotation: the image itself is not in the export. */
  image: string;
}

const ANNOTATION_WORDS: Readonly<Record<NoteLanguage, AnnotationWords>> = Object.freeze({
  en: Object.freeze({
    colors: { yellow: 'Yellow', red: 'Red', green: 'Green', blue: 'Blue', purple: 'Purple', magenta: 'Magenta', orange: 'Orange', gray: 'Gray' },
    types: { underline: 'Underline', image: 'Image', note: 'Note' },
    page: (label: string) => `p. ${label}`,
    image: '*(An image annotation: open it in Zotero to see it.)*',
  }),
  zh: Object.freeze({
    colors: { yellow: '黄色', red: '红色', green: '绿色', blue: '蓝色', purple: '紫色', magenta: '品红', orange: '橙色', gray: '灰色' },
    types: { underline: '下划线', image: '图片', note: '笔记' },
    page: (label: string) => `第 ${label} 页`,
    image: '*（图片标注：请在 Zotero 中查看。）*',
  }),
});

/** The annotation words of a language. */
export function annotationWords(language: NoteLanguage): AnnotationWords {
  return ANNOTATION_WORDS[language];
}

/** The strings for a language, shared and frozen (templates only read them; a render needs no copy). */
export function frozenHeadings(language: NoteLanguage): Readonly<Headings> {
  return HEADINGS[language];
}

/** The strings for a language (a fresh copy, safe to hand to templates). */
export function headingsFor(language: NoteLanguage): Headings {
  return { ...HEADINGS[language] };
}

/**
 * Resolve the headings setting. `auto` follows the app language code (the plugin passes Obsidian's
 * `getLanguage()`, the CLI passes nothing): any Chinese code (`zh`, `zh-TW`, `zh_CN`…) gives Chinese, anything
 * else English.
 */
export function resolveNoteLanguage(setting: HeadingsLanguage, appLanguage?: string | null): NoteLanguage {
  if (setting === 'en' || setting === 'zh') return setting;
  const code = (appLanguage ?? '').trim().toLowerCase();
  return code === 'zh' || code.startsWith('zh-') || code.startsWith('zh_') ? 'zh' : 'en';
}
