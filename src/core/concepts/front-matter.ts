/**
 * Reading the few front-matter fields the concept engine needs (`title`, `aliases`). The `yaml` library is the
 * reference; a small reader handles the common simple shapes first because yaml.parse costs 0.12–0.17 ms per note
 * (measured: 5,000 literature-note front matters, 0.6–0.9 s), which alone would break the 1 s full-rebuild budget.
 * The fast reader only accepts lines it fully understands and hands anything else to yaml.parse.
 */
import { parse as parseYaml } from 'yaml';
import { findFrontMatter } from '../text/front-matter-text';

export type FieldValue = string | string[] | null;

export interface FrontMatterFields {
  values: Map<string, FieldValue>;
  /** A YAML error message when the block could not be parsed (the note is still linked; its fields are ignored). */
  error?: string;
}

const INDICATOR = /^[[\]{}&*!|>%@`,?:-]/;
const KEY_LINE = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/;
const ITEM_LINE = /^[ \t]*-[ \t]+(.*)$/;

/** A scalar written in one of the simple styles, or undefined when it needs the real parser. */
function simpleScalar(raw: string): string | null | undefined {
  let v = raw.trim();
  if (v === '' || v === '~' || v === 'null') return null;
  if (v.startsWith('"')) {
    if (v.length < 2 || !v.endsWith('"')) return undefined;
    const body = v.slice(1, -1);
    if (/(^|[^\\])(\\\\)*"/.test(body)) return undefined;
    let ok = true;
    const out = body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, e: string) => {
      const simple: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };
      if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
      if (simple[e] !== undefined) return simple[e];
      ok = false;
      return '';
    });
    return ok ? out : undefined;
  }
  if (v.startsWith("'")) {
    if (v.length < 2 || !v.endsWith("'")) return undefined;
    const body = v.slice(1, -1);
    if (body.replace(/''/g, '').includes("'")) return undefined;
    return body.replace(/''/g, "'");
  }
  const comment = v.search(/[ \t]#/);
  if (comment >= 0) v = v.slice(0, comment).trimEnd();
  if (INDICATOR.test(v) || v.includes(': ') || v.endsWith(':')) return undefined;
  return v;
}

/** A flow sequence of simple scalars, e.g. `[ICL, "in-context learning"]`. */
function simpleFlowList(raw: string): string[] | undefined {
  const v = raw.trim();
  if (!v.startsWith('[') || !v.endsWith(']')) return undefined;
  const inner = v.slice(1, -1);
  if (inner.trim() === '') return [];
  if (/["'[\]{}]/.test(inner)) return undefined;
  const items = inner.split(',').map((s) => simpleScalar(s));
  if (items.some((x) => x === undefined)) return undefined;
  return items.filter((x): x is string => typeof x === 'string');
}

function readSimple(yaml: string, wanted: ReadonlySet<string>): Map<string, FieldValue> | undefined {
  const values = new Map<string, FieldValue>();
  const lines = yaml.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1];
    const rest = m[2] ?? '';
    let j = i + 1;
    while (j < lines.length && (/^[ \t]/.test(lines[j]) || lines[j].startsWith('-') || lines[j].trim() === '')) j++;
    const block = lines.slice(i + 1, j).filter((l) => l.trim() !== '');
    i = j - 1;
    if (!wanted.has(key)) continue;
    if (values.has(key)) return undefined;
    if (block.length === 0) {
      const list = rest.trim().startsWith('[') ? simpleFlowList(rest) : undefined;
      const scalar = list ? undefined : simpleScalar(rest);
      if (list === undefined && scalar === undefined) return undefined;
      values.set(key, list ?? scalar ?? null);
      continue;
    }
    if (rest.trim() !== '' && !rest.trim().startsWith('#')) return undefined;
    const items: string[] = [];
    for (const l of block) {
      const item = ITEM_LINE.exec(l);
      const scalar = item ? simpleScalar(item[1]) : undefined;
      if (scalar === undefined) return undefined;
      if (scalar !== null) items.push(scalar);
    }
    values.set(key, items);
  }
  return values;
}

function fromLibrary(yaml: string, wanted: ReadonlySet<string>): FrontMatterFields {
  try {
    const data: unknown = parseYaml(yaml);
    const values = new Map<string, FieldValue>();
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return { values };
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (!wanted.has(key)) continue;
      if (Array.isArray(value)) values.set(key, value.filter((x) => x !== null && typeof x !== 'object').map((x) => String(x)));
      else if (value === null || value === undefined) values.set(key, null);
      else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values.set(key, String(value));
    }
    return { values };
  } catch (err) {
    return { values: new Map(), error: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  }
}

/** The values of the `wanted` top-level keys of a note's front matter (empty when it has none). */
export function readFrontMatterFields(text: string, wanted: readonly string[]): FrontMatterFields {
  const span = findFrontMatter(text);
  if (!span) return { values: new Map() };
  const yaml = text.slice(span.yamlStart, span.yamlEnd);
  const keys = new Set(wanted);
  const simple = readSimple(yaml, keys);
  return simple ? { values: simple } : fromLibrary(yaml, keys);
}

/** A field as a list of strings (a single string becomes a comma-separated list, as Obsidian reads `aliases`). */
export function fieldList(value: FieldValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The note's `title` from front matter, or null. */
export function fieldString(value: FieldValue | undefined): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}
