/**
 * BibTeX text → raw entries, isolating failures per entry. Entries are parsed by citation-js in batches (fast);
 * a batch that throws is bisected down to the bad entry, which is then read field by field (recover-entry.ts).
 * Each batch is preceded by the `@string` definitions its entries use; an undefined macro is defined as its own
 * name, so `journal = IEEE_J_WC` keeps "IEEE_J_WC" instead of vanishing (with a warning).
 */
import type { LibraryError } from '../paper';
import { PREDEFINED_MACROS, parseBibtexText, type RawBibEntry } from './citation-js-parse';
import { recoverEntry } from './recover-entry';
import { scanEntries, type EntryChunk } from './scan-entries';

export interface LocatedEntry {
  entry: RawBibEntry;
  /** 1-based line of the entry's `@`. */
  line: number;
}

export interface BibEntriesResult {
  entries: LocatedEntry[];
  errors: LibraryError[];
  warnings: string[];
  /** Entries found by the scanner (`entries.length + errors.length`). */
  entryCount: number;
  /** Set when the text stops inside an entry (Better BibTeX may be writing it): which entry. */
  truncated?: string;
}

const BATCH_SIZE = 256;
/**
 * Deeper brace nesting is refused for the entry: no real field needs it (titles use 2–3 levels), and the BibTeX
 * grammar and the LaTeX decoder recurse per level, so thousands of levels would overflow the stack.
 */
export const MAX_BRACE_DEPTH = 100;
const STRING_NAME = /^@[ \t]*string[ \t\r\n]*[{(][ \t\r\n]*([A-Za-z_][\w:+-]*)[ \t\r\n]*=/i;

/** Read every entry of a BibTeX/BibLaTeX text. */
export function readBibEntries(text: string): BibEntriesResult {
  const chunks = scanEntries(text);
  const reader = new BatchReader(chunks.filter((c) => c.kind === 'string'));
  const entryChunks = chunks.filter((c) => c.kind === 'entry');
  const results: (LocatedEntry | LibraryError)[] = new Array<LocatedEntry | LibraryError>(entryChunks.length);
  let batchStart = -1;
  const flush = (end: number) => {
    if (batchStart >= 0) reader.parseRange(entryChunks, batchStart, end, results);
    batchStart = -1;
  };
  for (let i = 0; i < entryChunks.length; i++) {
    const chunk = entryChunks[i];
    if (chunk.depth > MAX_BRACE_DEPTH) {
      flush(i);
      results[i] = { line: chunk.line, citekey: chunk.key, message: `braces are nested more than ${MAX_BRACE_DEPTH} levels deep; the entry was not read` };
    } else if (chunk.cut !== 'none' || chunk.overclosed) {
      flush(i);
      results[i] = reader.recover(chunk);
    } else {
      if (batchStart < 0) batchStart = i;
      if (i + 1 - batchStart >= BATCH_SIZE) flush(i + 1);
    }
  }
  flush(entryChunks.length);
  const entries: LocatedEntry[] = [];
  const errors: LibraryError[] = [];
  for (const r of results) {
    if ('entry' in r) entries.push(r);
    else errors.push(r);
  }
  const out: BibEntriesResult = { entries, errors, warnings: reader.finishWarnings(), entryCount: entryChunks.length };
  const cut = cutAtEnd(text, chunks);
  if (cut) out.truncated = cut;
  return out;
}

/**
 * What is cut when the text stops inside its last block: an entry whose braces never close, or text after the
 * last closing brace that is not a comment line (`@arti`, `title = {…`). A file cut exactly between two entries
 * cannot be told from a smaller library.
 */
function cutAtEnd(text: string, chunks: readonly EntryChunk[]): string | null {
  const last = chunks[chunks.length - 1];
  if (last?.cut === 'end-of-text') return `the last entry (line ${last.line}${last.key ? `, ${last.key}` : ''}) is not closed`;
  const tail = text.trimEnd();
  const end = tail[tail.length - 1];
  if (tail !== '' && end !== '}' && end !== ')' && !/\n[ \t]*%[^\n]*$/.test(tail)) return 'the file ends in the middle of an entry';
  return null;
}

class BatchReader {
  private readonly strings = new Map<string, EntryChunk>();
  private readonly undefinedMacros = new Map<string, string[]>();
  private readonly warnings: string[] = [];

  constructor(stringChunks: EntryChunk[]) {
    for (const chunk of stringChunks) {
      const name = STRING_NAME.exec(chunk.text)?.[1];
      try {
        if (!name) throw new Error('no macro name');
        parseBibtexText(chunk.text);
        this.strings.set(name.toLowerCase(), chunk);
      } catch {
        this.warnings.push(`line ${chunk.line}: could not read this @string definition; entries using it keep the macro name`);
      }
    }
  }

  /** Parse entryChunks[start, end) into results, bisecting on failure. */
  parseRange(chunks: EntryChunk[], start: number, end: number, results: (LocatedEntry | LibraryError)[]): void {
    if (end - start === 1) {
      results[start] = this.parseOne(chunks[start]);
      return;
    }
    const batch = chunks.slice(start, end);
    const parsed = this.tryParse(batch);
    if (parsed) {
      for (let i = 0; i < parsed.length; i++) results[start + i] = { entry: parsed[i], line: batch[i].line };
      return;
    }
    const mid = (start + end) >> 1;
    this.parseRange(chunks, start, mid, results);
    this.parseRange(chunks, mid, end, results);
  }

  private tryParse(batch: EntryChunk[]): RawBibEntry[] | null {
    let text = this.definitions(batch);
    for (const chunk of batch) text += chunk.text + '\n';
    try {
      const parsed = parseBibtexText(text);
      // Same entries, same keys: otherwise our chunking and citation-js disagree, so look closer.
      if (parsed.length !== batch.length || parsed.some((e, i) => e.key !== batch[i].key)) return null;
      return parsed;
    } catch {
      return null;
    }
  }

  private parseOne(chunk: EntryChunk): LocatedEntry | LibraryError {
    const parsed = this.tryParse([chunk]);
    return parsed ? { entry: parsed[0], line: chunk.line } : this.recover(chunk);
  }

  /** Field-by-field reading of a chunk citation-js rejects, or that the scanner had to cut. */
  recover(chunk: EntryChunk): LocatedEntry | LibraryError {
    if (chunk.cut === 'end-of-text') {
      return { line: chunk.line, citekey: chunk.key, message: 'the entry is not closed before the end of the file (the export may be truncated)' };
    }
    const defs = this.definitions([chunk]);
    const parseField = (name: string, valueText: string): string => {
      const parsed = parseBibtexText(`${defs}@misc{zcn-field,\n${name} = ${valueText}\n}\n`);
      if (parsed.length !== 1 || !(name in parsed[0].fields)) throw new Error('field not read');
      return parsed[0].fields[name];
    };
    const recovered = recoverEntry(chunk.text, chunk.cut === 'none', parseField);
    if (!recovered.entry) return { line: chunk.line, citekey: chunk.key, message: recovered.error ?? 'unreadable entry' };
    const problem =
      chunk.cut === 'next-entry' ? 'its braces never close before the next entry' : chunk.overclosed ? 'a stray "}" closed it early' : 'it is not valid BibTeX as a whole';
    const fixes = recovered.repaired.length > 0 ? `; unbalanced braces repaired in ${recovered.repaired.map((f) => `"${f}"`).join(', ')}` : '';
    this.warnings.push(`line ${chunk.line}: ${recovered.entry.key}: read field by field because ${problem}${fixes}`);
    return { entry: recovered.entry, line: chunk.line };
  }

  /** `@string` definitions for the macros these chunks use (transitively); undefined ones stand for their name. */
  private definitions(batch: EntryChunk[]): string {
    let defs = '';
    const seen = new Set<string>();
    const visit = (name: string, user: EntryChunk) => {
      const lower = name.toLowerCase();
      if (seen.has(lower)) return;
      seen.add(lower);
      const def = this.strings.get(lower);
      if (def) {
        for (const inner of def.macros) visit(inner, user);
        defs += def.text + '\n';
      } else if (!PREDEFINED_MACROS.has(lower)) {
        defs += `@string{${name} = {${name}}}\n`;
        this.noteUndefined(name, user);
      }
    };
    for (const chunk of batch) for (const name of chunk.macros) visit(name, chunk);
    return defs;
  }

  private noteUndefined(name: string, chunk: EntryChunk): void {
    const users = this.undefinedMacros.get(name) ?? [];
    const who = chunk.key ?? `line ${chunk.line}`;
    if (!users.includes(who)) users.push(who);
    this.undefinedMacros.set(name, users);
  }

  /** The warnings, with one line for all undefined macros (a library can use hundreds of them). */
  finishWarnings(): string[] {
    const out = [...this.warnings];
    const macros = [...this.undefinedMacros];
    if (macros.length === 0) return out;
    const shown = macros.slice(0, 5).map(([name, users]) => `${name} (${users.slice(0, 3).join(', ')}${users.length > 3 ? ` and ${users.length - 3} more` : ''})`);
    const more = macros.length > 5 ? ` and ${macros.length - 5} more` : '';
    const what = macros.length === 1 ? '1 undefined @string macro is' : `${macros.length} undefined @string macros are`;
    out.push(`${what} kept as ${macros.length === 1 ? 'its name' : 'their names'}: ${shown.join(', ')}${more}`);
    return out;
  }
}
