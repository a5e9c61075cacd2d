/**
 * Reading an export's bytes into an index: decode (whatever the character set, see decode-export.ts), fingerprint,
 * read every entry, judge whether the content is whole, and pack the compact entries. The plugin's library worker
 * runs this; the CLI and the tests run it in process. Heavy (the reader and citation-js): import it lazily from
 * anything on the plugin's start-up path.
 */
import { hashBytes } from '../text/fingerprint';
import { decodeExport, type ExportContent } from './decode-export';
import { blankExportDefect, exportLooksComplete, readExportDefect, readFailureDefect, type ExportDefect } from './export-defect';
import { entryOf, LoadedLibrary, packEntries, type ExportSummary, type PaperEntry } from './library-index';
import type { LibraryParser, ParsedExport } from './library-parser';
import type { LibraryReadResult, Paper } from './paper';
import { readDecoded } from './read-export';

/** What reading an export gave: the papers (null when none could be read) and the verdict on its content. */
export interface ExportReading {
  result: LibraryReadResult | null;
  defect: ExportDefect | null;
  complete: boolean;
  /** The reader's warnings, the encoding's first (also when nothing could be read). */
  warnings: string[];
}

/**
 * Read an export's bytes (or text); never throws for its content (a defect says what is wrong). `name`, the
 * export's path, is used in the warnings about its encoding.
 */
export function readExportContent(content: ExportContent, name?: string): ExportReading {
  const decoded = decodeExport(content, name);
  const { text } = decoded;
  const blank = blankExportDefect(text);
  if (blank) return { result: null, defect: blank, complete: false, warnings: decoded.warnings };
  let result: LibraryReadResult;
  try {
    result = readDecoded(decoded);
  } catch (err) {
    return { result: null, defect: readFailureDefect(text, err), complete: false, warnings: decoded.warnings };
  }
  const defect = readExportDefect(result);
  return { result, defect, complete: defect === null && exportLooksComplete(text, result), warnings: result.warnings };
}

function summaryOf(fingerprint: string, reading: ExportReading): ExportSummary {
  const { result, defect, complete, warnings } = reading;
  return { fingerprint, format: result?.format ?? null, errors: result?.errors ?? [], warnings, defect, complete, collections: result?.collections ?? [] };
}

/** The papers of a result by citation key (the first of a repeated key). */
function byCitekey(result: LibraryReadResult | null): Map<string, Paper> {
  const map = new Map<string, Paper>();
  for (const p of result?.papers ?? []) if (!map.has(p.citekey)) map.set(p.citekey, p);
  return map;
}

/** Papers kept for `papers()`: the last two parses, so a sync of the previous export can finish after a reload. */
const KEPT_PARSES = 2;

/** The parser in this thread (the worker runs it too). */
export class LocalLibraryParser implements LibraryParser {
  private readonly kept = new Map<string, Map<string, Paper>>();

  parse(bytes: Uint8Array, fingerprint?: string, name?: string): Promise<ParsedExport> {
    return Promise.resolve(this.parseNow(bytes, fingerprint, name));
  }

  papers(fingerprint: string, citekeys: readonly string[]): Promise<Paper[] | null> {
    return Promise.resolve(this.papersNow(fingerprint, citekeys));
  }

  release(): void {
    this.kept.clear();
  }

  parseNow(bytes: Uint8Array, fingerprint = hashBytes(bytes), name?: string): ParsedExport {
    const reading = readExportContent(bytes, name);
    const papers = reading.result?.papers ?? [];
    this.kept.delete(fingerprint);
    this.kept.set(fingerprint, byCitekey(reading.result));
    while (this.kept.size > KEPT_PARSES) this.kept.delete(this.kept.keys().next().value as string);
    return { ...summaryOf(fingerprint, reading), count: papers.length, packedEntries: packEntries(papers.map((p) => entryOf(p))) };
  }

  papersNow(fingerprint: string, citekeys: readonly string[]): Paper[] | null {
    const papers = this.kept.get(fingerprint);
    if (!papers) return null;
    return citekeys.flatMap((k) => papers.get(k) ?? []);
  }
}

/** An export's bytes (or text) read and indexed in process (the CLI), its papers kept in memory. */
export function indexExport(content: ExportContent, fingerprint: string, name?: string, now = new Date()): LoadedLibrary {
  const reading = readExportContent(content, name);
  const papers = byCitekey(reading.result);
  const entries: PaperEntry[] = (reading.result?.papers ?? []).map((p) => entryOf(p));
  return new LoadedLibrary(summaryOf(fingerprint, reading), entries, (keys) => Promise.resolve(keys.flatMap((k) => papers.get(k) ?? [])), now);
}
