/**
 * Headings and labels of the built-in note template, in English and Chinese. The survey note the format follows
 * writes `tags：` with a full-width colon and separates list items with `、`; the English strings use ASCII.
 */
import type { HeadingsLanguage } from '../settings/settings';

/** A resolved headings language (the `auto` setting resolved against the app language). */
export type NoteLanguage = 'en' | 'zh';

/** The localised strings a template sees as `headings`. */
export interface Headings {
  summary: string;
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
