/**
 * Reading an export's bytes into an index: decode, fingerprint, read every entry, judge whether the content is
 * whole, and pack the compact entries. The plugin's library worker runs this; the CLI and the tests run it in
 * process. Heavy (the reader and citation-js): import it lazily from anything on the plugin's start-up path.
 */
import { hashBytes } from '../text/fingerprint';
import { blankExportDefect, exportLooksComplete, readExportDefect, readFailureDefect, type ExportDefect } from './export-defect';
import { entryOf, LoadedLibrary, packEntries, type ExportSummary, type PaperEntry } from './library-index';
import type { LibraryParser, ParsedExport } from './library-parser';
import type { LibraryReadResult, Paper } from './paper';
import { readLibrary } from './read-library';

/** What reading an export's text gave: the papers (null when none could be read) and the verdict on its content. */
export interface ExportReading {
  result: LibraryReadResult | null;
  defect: ExportDefect | null;
  complete: boolean;
}

/** Read an export's text; never throws for its content (a defect says what is wrong). */
export function readExportText(text: string): ExportReading {
  const blank = blankExportDefect(text);
  if (blank) return { result: null, defect: blank, complete: false };
  let result: LibraryReadResult;
  try {
    result = readLibrary(text);
  } catch (err) {
    return { result: null, defect: readFailureDefect(text, err), complete: false };
  }
  const defect = readExportDefect(text, result);
  return { result, defect, complete: defect === null && exportLooksComplete(text, result) };
}

function summaryOf(fingerprint: string, reading: ExportReading): ExportSummary {
  const { result, defect, complete } = reading;
  return { fingerprint, format: result?.format ?? null, errors: result?.errors ?? [], warnings: result?.warnings ?? [], defect, complete };
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

  parse(bytes: Uint8Array, fingerprint?: string): Promise<ParsedExport> {
    return Promise.resolve(this.parseNow(bytes, fingerprint));
  }

  papers(fingerprint: string, citekeys: readonly string[]): Promise<Paper[] | null> {
    return Promise.resolve(this.papersNow(fingerprint, citekeys));
  }

  release(): void {
    this.kept.clear();
  }

  parseNow(bytes: Uint8Array, fingerprint = hashBytes(bytes)): ParsedExport {
    const reading = readExportText(new TextDecoder().decode(bytes));
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

/** An export's text read and indexed in process (the CLI), its papers kept in memory. */
export function indexExportText(text: string, fingerprint: string, now = new Date()): LoadedLibrary {
  const reading = readExportText(text);
  const papers = byCitekey(reading.result);
  const entries: PaperEntry[] = (reading.result?.papers ?? []).map((p) => entryOf(p));
  return new LoadedLibrary(summaryOf(fingerprint, reading), entries, (keys) => Promise.resolve(keys.flatMap((k) => papers.get(k) ?? [])), now);
}
