/**
 * The front matter of a literature note: the managed keys, their values for a paper, and their YAML text.
 *
 * Every value is written as the `yaml` library writes it, so any string (`: `, quotes, `#`, `---`, newlines, a
 * leading `@`…) reads back exactly. Strings that a YAML 1.1 reader (older Obsidian/Hexo parsers) would take for a
 * boolean, number or date (`yes`, `no`, `on`, `1:20`, `2020-01-01`) are double-quoted too, and so are strings with
 * line breaks. Only the `date` key keeps its plain timestamp form, which Hexo reads as a date, as in the survey note
 * (`date: 2025-09-30 21:14:40`).
 *
 * Omission rule: `year`, `venue`, `arxiv` and `doi` are left out when the paper has no value; every other managed
 * key is always written (lists may be empty: `tags: []`).
 */
import { format } from 'date-fns/format';
import { Document, isScalar, parse, visit } from 'yaml';
import type { Paper } from '../library/paper';
import type { Settings } from '../settings/settings';
import { displayName } from './paper-format';
import { toObsidianTags } from './obsidian-tags';
import { memoizeByString } from '../text/memo';
import { errorMessage } from '../text/error-message';

/** The front-matter keys the plugin owns, in the order they are written. */
export const MANAGED_KEYS = [
  'title',
  'date',
  'categories',
  'tags',
  'citekey',
  'authors',
  'year',
  'venue',
  'arxiv',
  'doi',
  'zotero',
  'aliases',
] as const;

export type ManagedKey = (typeof MANAGED_KEYS)[number];

/**
 * Managed keys that are set when a note is created and not rewritten by a later sync: `date` is the import time
 * and `categories` is the settings' default for new notes (the user files the note afterwards).
 */
export const CREATION_ONLY_KEYS: readonly ManagedKey[] = ['date', 'categories'];

/** Managed keys left out when the paper has no value for them. */
export const OPTIONAL_KEYS: readonly ManagedKey[] = ['year', 'venue', 'arxiv', 'doi'];

/** Thrown for a `dateFormat` setting date-fns cannot use. */
export class DateFormatError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`Invalid date format "${pattern}" (date-fns tokens, e.g. yyyy-MM-dd HH:mm:ss): ${reason}`);
    this.name = 'DateFormatError';
  }
}

// date-fns rejects these (after a console warning): week-numbering year and day of year, usually meant as
// moment.js's `YYYY-MM-DD`. Caught first, with the fix in the message.
const PROTECTED_TOKENS: Readonly<Record<string, string>> = { YYYY: 'yyyy', YY: 'yy', D: 'd', DD: 'dd' };

// A sync formats the same import time for every paper: remember the last result.
let lastFormat: { time: number; pattern: string; text: string } | null = null;

/** Format a date with a date-fns pattern, in the local time zone; throws DateFormatError for a bad pattern. */
export function formatWithPattern(date: Date, pattern: string): string {
  const time = date.getTime();
  if (lastFormat && lastFormat.time === time && lastFormat.pattern === pattern) return lastFormat.text;
  const text = formatUncached(date, pattern);
  lastFormat = { time, pattern, text };
  return text;
}

function formatUncached(date: Date, pattern: string): string {
  for (const run of pattern.replace(/'[^']*'/g, '').match(/([A-Za-z])\1*/g) ?? []) {
    const fix = PROTECTED_TOKENS[run];
    if (fix) throw new DateFormatError(pattern, `use ${fix} instead of ${run}`);
  }
  try {
    return format(date, pattern);
  } catch (e) {
    throw new DateFormatError(pattern, errorMessage(e));
  }
}

/** Null when `pattern` is a usable date-fns format, else the reason (for the settings tab). */
export function validateDateFormat(pattern: string): string | null {
  if (pattern.trim() === '') return 'The date format is empty.';
  try {
    formatWithPattern(new Date(0), pattern);
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}

/** What the front matter depends on besides the paper. */
export interface FrontMatterContext {
  settings: Pick<Settings, 'dateFormat' | 'categories'>;
  importDate: Date;
}

/** The managed front-matter values of a paper, in MANAGED_KEYS order, optional keys without a value left out. */
export function frontMatterValues(paper: Paper, ctx: FrontMatterContext): Record<string, unknown> {
  const values: Record<ManagedKey, unknown> = {
    title: paper.title,
    date: formatWithPattern(ctx.importDate, ctx.settings.dateFormat),
    categories: [...ctx.settings.categories],
    tags: toObsidianTags(paper.tags),
    citekey: paper.citekey,
    authors: paper.authors.map(displayName),
    year: paper.year,
    venue: paper.venue,
    arxiv: paper.arxivUrl,
    doi: paper.doi,
    zotero: paper.zoteroUri,
    aliases: paper.title.trim() === '' ? [] : [paper.title],
  };
  const out: Record<string, unknown> = {};
  for (const key of MANAGED_KEYS) {
    const value = values[key];
    if ((value === null || value === undefined || value === '') && OPTIONAL.has(key)) continue;
    out[key] = value;
  }
  return out;
}

const OPTIONAL: ReadonlySet<string> = new Set(OPTIONAL_KEYS);

// Only strings starting like a number/date (`e1` too: the yaml library's 1.1 float pattern takes it), the merge key
// or a YAML 1.1 boolean/null can change type under YAML 1.1.
const MAYBE_TYPED_IN_YAML_1_1 = /^(?:[-+.~0-9]|e[-+]?[0-9]|<<|(?:y|n|yes|no|on|off|true|false|null)$)/i;

const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

function changesTypeInYaml11(value: string): boolean {
  if (!MAYBE_TYPED_IN_YAML_1_1.test(value)) return false;
  try {
    return parse(value, { version: '1.1', logLevel: 'silent' }) !== value;
  } catch {
    return true;
  }
}

/**
 * One front-matter entry as a top-level YAML block, ending with a line break: `title: "A: b"\n`,
 * `categories:\n  - NOVA\n`, `tags: []\n`. The sync replaces managed keys one at a time with this.
 */
export function serializeFrontMatterEntry(key: string, value: unknown): string {
  return plainEntry(key, value) ?? serializeWithYamlLibrary(key, value);
}

/**
 * serializeFrontMatterEntry through the `yaml` library only. serializeFrontMatterEntry takes a shortcut for
 * values that are plain text anyway (most titles, names, tags) and gives the same text; tests compare the two.
 */
export function serializeWithYamlLibrary(key: string, value: unknown): string {
  const doc = new Document({ [key]: value === undefined ? null : value });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !isScalar(node)) return;
      if (key === 'date' && typeof value === 'string') return;
      // Block scalars (`|+`) lose whitespace-only lines in the yaml library; escapes in double quotes do not.
      if (LINE_BREAK.test(node.value) || changesTypeInYaml11(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  return text.endsWith('\n') ? text : `${text}\n`;
}

// The shortcut (the library costs ~30 µs per value, a sync writes a dozen per paper). A conservative subset of the
// plain scalars the library writes unquoted: starts with a letter or `_` (or is digits with a `/`), no control,
// format or unpaired-surrogate characters, no tab, no `: `, ` #`, trailing `:` or space, not a YAML 1.1/1.2 keyword.
// Anything else goes through the library.
const PLAIN_START = /^[\p{L}_]/u;
// No YAML number, date or boolean contains a `/`: digit-led text with one (a DOI) stays text.
const DIGITS_WITH_SLASH = /^[0-9][^/]*\//;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/;
const PLAIN_BREAKERS = /[\p{Cc}\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}|: | #|[: ]$/u;
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

function isPlain(text: string): boolean {
  if (PLAIN_BREAKERS.test(text)) return false;
  return (PLAIN_START.test(text) && !MAYBE_TYPED_IN_YAML_1_1.test(text)) || DIGITS_WITH_SLASH.test(text);
}

// The yaml library's own test for text it cannot write plain (an indicator first, `: `, ` #`, a trailing `:`…):
// it double-quotes such text, and without `"`, `\` or control characters the quoted form is the text in quotes.
const NOT_PLAIN_FOR_YAML = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const NEEDS_ESCAPES = /["\\\p{Cc}\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;

/** A string value's YAML text when it is sure to equal the library's, else null. */
function scalarText(key: string, text: string): string | null {
  if (isPlain(text) || (key === 'date' && DATE_TIME.test(text))) return text;
  if (NOT_PLAIN_FOR_YAML.test(text) && !NEEDS_ESCAPES.test(text)) return `"${text}"`;
  return null;
}

const plainKey = memoizeByString((key) => PLAIN_KEY.test(key) && !MAYBE_TYPED_IN_YAML_1_1.test(key));
// List items (author names, tags, categories) repeat across a library.
const listItemText = memoizeByString((item) => scalarText('', item));

/** The entry's text for plain values (text, safe integers, null, lists of text), else null. */
function plainEntry(key: string, value: unknown): string | null {
  if (!plainKey(key)) return null;
  if (value === null || value === undefined) return `${key}: null\n`;
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? `${key}: ${value}\n` : null;
  if (typeof value === 'string') {
    const text = scalarText(key, value);
    return text === null ? null : `${key}: ${text}\n`;
  }
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return `${key}: []\n`;
  let out = `${key}:\n`;
  for (const item of value) {
    const text = typeof item === 'string' ? listItemText(item) : null;
    if (text === null) return null;
    out += `  - ${text}\n`;
  }
  return out;
}

/** A whole front-matter block: `---\n` + one entry per key, in the object's order + `---\n`. */
export function serializeFrontMatter(values: Record<string, unknown>): string {
  return `---\n${Object.entries(values).map(([k, v]) => serializeFrontMatterEntry(k, v)).join('')}---\n`;
}
