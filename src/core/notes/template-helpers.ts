/**
 * The Handlebars helpers note templates can use (docs/templates.md lists them). Each receives Handlebars' options
 * object last; errors are thrown as Handlebars exceptions carrying the call's location, so a TemplateError can name
 * the line.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { stringify } from 'yaml';
import { wrapRegion } from '../text/managed-region';
import { formatWithPattern } from './front-matter';
import { errorMessage } from '../text/error-message';
import { oneLine } from './paper-parts';

/** Region ids as managed-region.ts accepts them. */
export const REGION_ID = /^[a-z0-9-]+$/;

/** Thrown by a helper; `loc` is the helper call's location in the template. */
export class HelperError extends Error {
  constructor(message: string, readonly loc: { start: { line: number; column: number } } | undefined) {
    super(message);
    this.name = 'HelperError';
  }
}

type Loc = HelperError['loc'];

function optionsOf(args: unknown[]): HelperOptions & { loc?: Loc } {
  return args[args.length - 1] as HelperOptions & { loc?: Loc };
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return isValid(value) ? value : null;
  if (typeof value === 'number') return new Date(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const d = parseISO(value.trim());
  return isValid(d) ? d : null;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? '';
}

/** A managed block's text as its region holds it: leading blank lines and trailing whitespace removed. */
export function managedContent(blockText: string): string {
  // trimEnd() removes what /\s+$/ would, without that regex's scan of every run of spaces in a long abstract.
  return blockText.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/**
 * `{{#managed "id"}}…{{/managed}}`: the block's text between region markers, edge blank lines trimmed. The block
 * stands for whole lines: its output ends with a line break, like the `{{/managed}}` line it replaces.
 */
const managed: HelperDelegate = function (this: unknown, ...args: unknown[]) {
  const options = optionsOf(args);
  const id = args.length > 1 ? args[0] : undefined;
  if (typeof id !== 'string' || !REGION_ID.test(id)) {
    throw new HelperError('managed needs a region id of lowercase letters, digits and "-", in quotes', options.loc);
  }
  return `${wrapRegion(id, managedContent(options.fn(this)))}\n`;
};

/** `{{join list ", "}}`: the non-empty items joined (default separator ", "). */
const join: HelperDelegate = (...args: unknown[]) => {
  const list = args.length > 1 ? args[0] : undefined;
  const sep = args.length > 2 && typeof args[1] === 'string' ? args[1] : ', ';
  if (!Array.isArray(list)) return textOf(list);
  return list.map(textOf).filter((s) => s !== '').join(sep);
};

/** `{{formatDate date "yyyy-MM-dd"}}`: a Date or ISO string formatted with date-fns; empty when there is no date. */
const formatDate: HelperDelegate = (...args: unknown[]) => {
  const options = optionsOf(args);
  const date = toDate(args.length > 1 ? args[0] : undefined);
  const pattern = args.length > 2 ? args[1] : undefined;
  if (typeof pattern !== 'string' || pattern === '') throw new HelperError('formatDate needs a date-fns pattern, e.g. "yyyy-MM-dd"', options.loc);
  if (date === null) return '';
  try {
    return formatWithPattern(date, pattern);
  } catch (e) {
    throw new HelperError(errorMessage(e), options.loc);
  }
};

/** `{{yaml value}}`: the value as one-line YAML (strings double-quoted, lists in flow style), for front matter. */
const yaml: HelperDelegate = (...args: unknown[]) => {
  const value = args.length > 1 ? args[0] : null;
  return stringify(value ?? null, { collectionStyle: 'flow', defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 }).trimEnd();
};

/** `{{oneLine text}}`: line breaks and runs of whitespace collapsed to one space (for headings, list items). */
const oneLineHelper: HelperDelegate = (...args: unknown[]) => oneLine(textOf(args.length > 1 ? args[0] : ''));

/** `{{#if (eq type "book")}}`: strict equality. */
const eq: HelperDelegate = (...args: unknown[]) => args.length > 2 && args[0] === args[1];

/** `{{default venue "n.d."}}`: the value, or the fallback when it is empty. */
const fallback: HelperDelegate = (...args: unknown[]) => {
  const value = args.length > 1 ? args[0] : undefined;
  const alt = args.length > 2 ? args[1] : '';
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? alt : value;
};

/** Our helpers by name. */
export const NOTE_HELPERS: Readonly<Record<string, HelperDelegate>> = Object.freeze({
  managed,
  join,
  formatDate,
  yaml,
  oneLine: oneLineHelper,
  eq,
  default: fallback,
});

/** Helpers Handlebars itself provides, allowed in templates. */
export const BUILTIN_HELPERS: readonly string[] = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
