/**
 * Field-by-field reading of an entry that citation-js rejects as a whole (unbalanced braces in one field, a
 * stray `}`, a missing closing brace). Fields are found by line: BBT writes one `name = value` per line. Each
 * field is parsed alone; a field that still fails has its braces repaired (unmatched ones dropped), so a single
 * bad field costs at most its markup, never the entry. An entry without a key or without any field is an error.
 */
import type { RawBibEntry } from './citation-js-parse';

export interface RecoveredEntry {
  entry: RawBibEntry | null;
  /** Why the entry could not be read at all (when `entry` is null). */
  error: string | null;
  /** Fields that needed repair, by name. */
  repaired: string[];
}

const HEADER = /^@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*[{(][ \t\r\n]*([^,\s{}=]+)[ \t\r\n]*,/;
const FIELD_START = /^[ \t]*([A-Za-z][\w:+.-]*)[ \t]*=[ \t]*/;

/**
 * Read one entry chunk field by field. `parseField` parses a one-field entry (with any macro definitions the
 * caller needs) and returns the value or throws.
 */
export function recoverEntry(chunkText: string, closed: boolean, parseField: (name: string, valueText: string) => string): RecoveredEntry {
  const header = HEADER.exec(chunkText);
  if (!header) return { entry: null, error: 'the entry has no citation key (expected "@type{key,")', repaired: [] };
  // Drop the entry's closing brace: any trailing one when the entry closed, else only one on a line of its own.
  const body = chunkText.slice(header[0].length).replace(closed ? /[})]\s*$/ : /\n[ \t]*[})]\s*$/, '');
  const fields: Record<string, string> = {};
  const repaired: string[] = [];
  for (const { name, valueText } of splitFieldLines(body)) {
    try {
      fields[name] = parseField(name, valueText);
    } catch {
      fields[name] = repairValue(valueText);
      repaired.push(name);
    }
  }
  if (Object.keys(fields).length === 0) return { entry: null, error: 'no field could be read ("name = value" expected)', repaired };
  return { entry: { type: header[1].toLowerCase(), key: header[2], fields }, error: null, repaired };
}

/** The `name = value` fields of an entry body, one per line-start `name =`; continuation lines join the value. */
function splitFieldLines(body: string): { name: string; valueText: string }[] {
  const out: { name: string; valueText: string }[] = [];
  let current: { name: string; lines: string[] } | null = null;
  for (const line of body.split('\n')) {
    const m = FIELD_START.exec(line);
    if (m) {
      if (current) out.push(finish(current));
      current = { name: m[1].toLowerCase(), lines: [line.slice(m[0].length)] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) out.push(finish(current));
  return out;
}

function finish(field: { name: string; lines: string[] }): { name: string; valueText: string } {
  return { name: field.name, valueText: field.lines.join('\n').replace(/[\s,]+$/, '') };
}

/**
 * The text of a value whose braces do not balance: outer delimiters removed, unmatched `}` dropped, unclosed
 * `{` dropped (escaped `\{` `\}` kept). The result is raw LaTeX like any other field value.
 */
export function repairValue(valueText: string): string {
  let text = valueText.trim();
  if (text.startsWith('"') && text.endsWith('"') && text.length > 1) text = text.slice(1, -1);
  const keep: boolean[] = new Array<boolean>(text.length).fill(true);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') open.push(i);
    else if (c === '}') {
      if (open.length > 0) open.pop();
      else keep[i] = false;
    }
  }
  for (const i of open) keep[i] = false;
  let out = '';
  for (let i = 0; i < text.length; i++) if (keep[i]) out += text[i];
  // A value that was one braced group loses its outer braces, as the grammar would strip them.
  return out.startsWith('{') && out.endsWith('}') && isOneGroup(out) ? out.slice(1, -1) : out;
}

function isOneGroup(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0 && i < text.length - 1) return false;
  }
  return true;
}
