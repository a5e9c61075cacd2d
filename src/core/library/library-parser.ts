/**
 * Where exports are parsed. Reading 10,000 entries takes about a second (a large CSL JSON's `JSON.parse` alone
 * over 100 ms, a CSL YAML seconds), none of which can be cut into short tasks: in the plugin it runs in a Web
 * Worker, so Obsidian's main thread never waits for it. The parser keeps what it read, and hands out whole papers on
 * demand, until released. Under Node (the CLI, tests) there is no Worker: the same reading runs in process
 * (export-reader.ts), and the worker is a thin wrapper around it. Light: types and the message shapes only.
 */
import type { ExportSummary } from './library-index';
import type { Paper } from './paper';

/** What a parse returns: the summary, and the entries packed for the trip between threads (see packEntries). */
export interface ParsedExport extends ExportSummary {
  count: number;
  packedEntries: Uint8Array;
}

export interface LibraryParser {
  /**
   * Read an export's bytes (taken over: a worker receives them without a copy), of this fingerprint when known;
   * `name`, the export's path, is used in the warnings about its encoding.
   */
  parse(bytes: Uint8Array, fingerprint?: string, name?: string): Promise<ParsedExport>;
  /** Whole papers of the parse with this fingerprint; null when that parse is no longer kept. */
  papers(fingerprint: string, citekeys: readonly string[]): Promise<Paper[] | null>;
  /** Get ready for a parse soon (a worker starts and loads the reader meanwhile). */
  warm?(): void;
  /** Forget every parse (a worker ends); the next call starts afresh. Calls still waiting fail with `reason`. */
  release(reason?: Error): void;
}

/** A request to the library worker. */
export type LibraryWorkerRequest =
  | { id: number; op: 'parse'; bytes: Uint8Array; fingerprint?: string; name?: string }
  | { id: number; op: 'papers'; fingerprint: string; citekeys: readonly string[] };

/** The worker's answer: `papers` come as one JSON text (a single string crosses threads cheaply). */
export type LibraryWorkerResponse =
  | { id: number; ok: true; parsed: ParsedExport }
  | { id: number; ok: true; papersJson: string | null }
  | { id: number; ok: false; name: string; message: string };
