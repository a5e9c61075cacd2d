/**
 * The library as the plugin keeps it in memory: one compact entry per paper, with what the library search, the
 * status bar, "Open in Zotero" and the sync need (citation key, hash, title, authors, year, venue, Zotero link,
 * collections), and nothing of the parser's work or of the export's text. A 10,000-paper library costs a few
 * megabytes so; the full papers (abstracts, annotations, notes, attachments and their links) are read on demand,
 * when a note or a citation is rendered.
 *
 * Entries travel from the parser (a Web Worker in the plugin) packed as UTF-8 JSON lines, which cross threads as one
 * transferred buffer: unpacking them here is done line by line with pauses, never as one long task.
 */
import type { Pause } from '../scheduling/time-slicer';
import type { ExportDefect } from './export-defect';
import { paperHash, zoteroSelectUri, type ExportFormat, type LibraryCollection, type LibraryError, type Paper } from './paper';

/** What the sync needs of every paper without reading it whole. */
export interface PaperKey {
  citekey: string;
  /** paperHash of the whole paper: equal hashes, equal notes. */
  hash: string;
  /** Its collections (Paper.collections): a sync limited to some collections tells its papers without reading them. */
  collections: readonly string[];
}

/** A paper as the library keeps it: enough to find it, show it and sync it. */
export interface PaperEntry extends PaperKey {
  title: string;
  /** Display names ("Family, Given") joined with "; ". */
  authors: string;
  year: number | null;
  venue: string | null;
  /** The paper's Zotero link (Paper.zoteroUri); null when it is the one built from the citation key (zoteroSelectUri). */
  zoteroUri: string | null;
}

/** The Zotero link of an entry (see PaperEntry.zoteroUri). */
export function entryZoteroUri(entry: PaperEntry): string {
  return entry.zoteroUri ?? zoteroSelectUri(entry.citekey);
}

/** What reading an export found, besides its papers. */
export interface ExportSummary {
  /** The fingerprint of the export's bytes (the sync state records it). */
  fingerprint: string;
  /** Null when nothing could be read (see `defect`). */
  format: ExportFormat | null;
  errors: LibraryError[];
  warnings: string[];
  /** Why this export must not be imported as it is (half written, unreadable), or null. */
  defect: ExportDefect | null;
  /** Known to be whole from its content, so it may be imported without waiting for the file to settle. */
  complete: boolean;
  /** The export's collection hierarchy (LibraryReadResult.collections); [] for formats without collections. */
  collections: LibraryCollection[];
}

/** The papers of an export as the sync takes them: every key at once, whole papers when asked. */
export interface PaperSource {
  readonly entries: readonly PaperKey[];
  /** The whole papers of these citation keys (the first entry of a duplicated key); unknown keys are left out. */
  papers(citekeys: readonly string[]): Promise<Paper[]>;
}

/** An export read and indexed. */
export interface IndexedExport extends ExportSummary, PaperSource {
  readonly entries: readonly PaperEntry[];
  /** The entry of a citation key (the first, when the export repeats it). */
  entry(citekey: string): PaperEntry | undefined;
}

/** A source over papers in memory (the CLI, tests): hashes taken when first asked for. */
export function paperSource(papers: readonly Paper[]): PaperSource {
  const byCitekey = new Map<string, Paper>();
  for (const p of papers) if (!byCitekey.has(p.citekey)) byCitekey.set(p.citekey, p);
  const entries = papers.map((p): PaperKey => {
    let hash: string | undefined;
    return {
      citekey: p.citekey,
      collections: p.collections,
      get hash() {
        return (hash ??= paperHash(p));
      },
    };
  });
  return { entries, papers: (keys) => Promise.resolve(keys.flatMap((k) => byCitekey.get(k) ?? [])) };
}

/** The compact entry of a paper. */
export function entryOf(paper: Paper, hash = paperHash(paper)): PaperEntry {
  const zoteroUri = paper.zoteroUri === zoteroSelectUri(paper.citekey) ? null : paper.zoteroUri;
  const { citekey, title, year, venue, collections } = paper;
  return { citekey, hash, title, authors: paper.authors.join('; '), year, venue, zoteroUri, collections };
}

type PackedEntry = [string, string, string, string, number | null, string | null, string | null, string[]?];

const encoder = new TextEncoder();

/** Entries as UTF-8 JSON lines (JSON escapes line breaks, so a line is an entry). */
export function packEntries(entries: readonly PaperEntry[]): Uint8Array {
  const lines = entries.map((e) => {
    const packed: PackedEntry = [e.citekey, e.hash, e.title, e.authors, e.year, e.venue, e.zoteroUri];
    if (e.collections.length > 0) packed.push([...e.collections]);
    return JSON.stringify(packed);
  });
  return encoder.encode(lines.join('\n'));
}

/**
 * The entries of packEntries, awaiting `pause` after each (a 10,000-paper library takes tens of milliseconds). The
 * entries of one collection hold one copy of its name, and those of none share one empty list (memory, see above).
 */
export async function unpackEntries(packed: Uint8Array, pause?: Pause): Promise<PaperEntry[]> {
  const text = new TextDecoder().decode(packed);
  const entries: PaperEntry[] = [];
  const names = new Map<string, string>();
  const none: readonly string[] = Object.freeze([]);
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const [citekey, hash, title, authors, year, venue, zoteroUri, packedCollections] = JSON.parse(text.slice(start, end)) as PackedEntry;
    const collections = packedCollections?.map((c) => names.get(c) ?? (names.set(c, c), c)) ?? none;
    entries.push({ citekey, hash, title, authors, year, venue, zoteroUri, collections });
    start = end + 1;
    if (pause) await pause();
  }
  return entries;
}

/** Whole papers asked for at a time by mapWholePapers (one answer of the worker is parsed at once: kept short). */
const WHOLE_BATCH = 256;

/**
 * Every paper of `source` read whole, `WHOLE_BATCH` at a time, keeping of each only what `pick` returns (the
 * library holds compact entries; "Suggest concepts from library" wants every title and abstract).
 */
export async function mapWholePapers<T>(source: PaperSource, pick: (paper: Paper) => T, pause?: Pause): Promise<T[]> {
  const out: T[] = [];
  const keys = source.entries.map((e) => e.citekey);
  for (let from = 0; from < keys.length; from += WHOLE_BATCH) {
    for (const paper of await source.papers(keys.slice(from, from + WHOLE_BATCH))) out.push(pick(paper));
    if (pause) await pause();
  }
  return out;
}

/** An indexed export in memory: its entries, a lookup by citation key, and whole papers read on demand. */
export class LoadedLibrary implements IndexedExport {
  readonly fingerprint: string;
  readonly format: ExportFormat | null;
  readonly errors: LibraryError[];
  readonly warnings: string[];
  readonly defect: ExportDefect | null;
  readonly complete: boolean;
  readonly collections: LibraryCollection[];
  private byCitekey: Map<string, PaperEntry> | null = null;

  constructor(
    summary: ExportSummary,
    readonly entries: readonly PaperEntry[],
    private readonly readPapers: (citekeys: readonly string[]) => Promise<Paper[]>,
    /** When it was read. */
    readonly loadedAt: Date,
  ) {
    this.fingerprint = summary.fingerprint;
    this.format = summary.format;
    this.errors = summary.errors;
    this.warnings = summary.warnings;
    this.defect = summary.defect;
    this.complete = summary.complete;
    this.collections = summary.collections;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry of a citation key (the first, when the export repeats it). */
  entry(citekey: string): PaperEntry | undefined {
    if (!this.byCitekey) {
      this.byCitekey = new Map();
      for (const e of this.entries) if (!this.byCitekey.has(e.citekey)) this.byCitekey.set(e.citekey, e);
    }
    return this.byCitekey.get(citekey);
  }

  /** Whether the export holds this citation key (the citation runs ask). */
  has(citekey: string): boolean {
    return this.entry(citekey) !== undefined;
  }

  papers(citekeys: readonly string[]): Promise<Paper[]> {
    return this.readPapers(citekeys);
  }

  /** One whole paper; throws when the export does not hold it. */
  async paper(citekey: string): Promise<Paper> {
    const [paper] = await this.readPapers([citekey]);
    if (!paper) throw new Error(`${citekey} is not in the export any more.`);
    return paper;
  }
}
