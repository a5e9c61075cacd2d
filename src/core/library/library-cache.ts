/**
 * The library the plugin keeps: read on first need (the import modal, the settings check, a sync of a changed
 * export), then kept as compact entries (see library-index.ts) so the modal opens at once; reloaded when the export
 * changes. At start-up nothing is parsed when the export is the one the last sync read (`open`): its paper count is
 * taken from the sync state. The state is observable: the status bar shows the count, and a modal opened during a
 * load says "Loading library…" and waits for it.
 *
 * Parsing runs in a LibraryParser (a Web Worker in the plugin). It keeps the parsed papers so whole ones can be read
 * on demand (a note to render), and is released after 20 quiet seconds so that memory is given back (see
 * parser-on-demand.ts); a later demand reads the export again, as long as it has not changed.
 */
import type { Pause } from '../scheduling/time-slicer';
import { hashBytesSliced } from '../text/fingerprint';
import { LoadedLibrary, unpackEntries } from './library-index';
import type { LibraryParser } from './library-parser';
import { ParserOnDemand, type CacheTimers } from './parser-on-demand';
import type { Paper } from './paper';

export type { CacheTimers } from './parser-on-demand';

/** The export's bytes as read once, their fingerprint, and the export's name (its path, for encoding warnings). */
export interface ExportSnapshot {
  bytes: Uint8Array;
  fingerprint: string;
  name?: string;
}

export type LibraryState =
  | { status: 'empty' }
  /** The export is the one the last sync read: its paper count is known, nothing was parsed. */
  | { status: 'known'; paperCount: number }
  | { status: 'loading'; previous: LoadedLibrary | null }
  | { status: 'ready'; library: LoadedLibrary }
  | { status: 'error'; error: Error; previous: LoadedLibrary | null };

export interface LibraryCacheDeps {
  /**
   * The export's bytes (never decoded here: the reader decodes them, whatever their character set); throws with a
   * user-facing message when it cannot be read.
   */
  readExport(): Promise<Uint8Array>;
  /** The export's path, named in the warnings about its encoding. */
  exportName?(): string | undefined;
  /** The parser, made on first use (and again after it was released; see ParserOnDemand). */
  createParser(): LibraryParser;
  now(): Date;
  /** Awaited between steps (fingerprinting, unpacking): yields to the UI once the time slice is used up. */
  pause: Pause;
  timers: CacheTimers;
  /** Quiet time after which the parser is released (a worker ends and gives its memory back); default 20 s. */
  idleMs?: number;
}

/** Nothing could be read from the export (empty, not complete JSON, not an export at all). */
export class UnreadableExportError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'UnreadableExportError';
  }
}

export class LibraryCache {
  private stateValue: LibraryState = { status: 'empty' };
  private knownCount: number | null = null;
  private inFlight: Promise<LoadedLibrary> | null = null;
  private queued: { snapshot: ExportSnapshot | null } | null = null;
  /** Bumped by `clear()`, so a load started for an old export path cannot land. */
  private generation = 0;
  private readonly parser: ParserOnDemand;
  /** A parse under way only to read whole papers again (see parseAgain). */
  private reparsing: { fingerprint: string; done: Promise<void> } | null = null;
  private readonly listeners = new Set<(state: LibraryState) => void>();

  constructor(private readonly deps: LibraryCacheDeps) {
    this.parser = new ParserOnDemand(deps);
  }

  get state(): LibraryState {
    return this.stateValue;
  }

  /** The library last loaded successfully (kept while a reload runs or after a failed one), or null. */
  get current(): LoadedLibrary | null {
    const s = this.stateValue;
    if (s.status === 'ready') return s.library;
    if (s.status === 'loading' || s.status === 'error') return s.previous;
    return null;
  }

  /** The number of papers, loaded or known from the last sync; null when unknown. */
  get paperCount(): number | null {
    return this.current?.size ?? this.knownCount;
  }

  /** Read the export's bytes and take their fingerprint (without parsing). */
  async snapshot(): Promise<ExportSnapshot> {
    const name = this.deps.exportName?.();
    const bytes = await this.deps.readExport();
    return { bytes, fingerprint: await hashBytesSliced(bytes, this.deps.pause), ...(name === undefined ? {} : { name }) };
  }

  /**
   * At start-up: an export whose fingerprint is the one the last sync read is not parsed at all, its paper count is
   * taken from the sync state; any other is loaded. Returns the library when it was loaded, else null.
   */
  async open(last: { exportHash: string; paperCount: number } | null): Promise<LoadedLibrary | null> {
    let snapshot: ExportSnapshot;
    try {
      snapshot = await this.snapshot();
    } catch (err) {
      this.setState({ status: 'error', error: err instanceof Error ? err : new Error(String(err)), previous: this.current });
      throw err;
    }
    if (last && last.exportHash === snapshot.fingerprint && this.stateValue.status === 'empty') {
      this.knownCount = last.paperCount;
      this.setState({ status: 'known', paperCount: last.paperCount });
      return null;
    }
    return this.reload(snapshot);
  }

  /**
   * The export changed and will be read soon: have the parser get ready meanwhile (a worker takes a moment to
   * start and load the reader). Released again after the quiet spell if nothing comes.
   */
  warm(): void {
    this.parser.warm();
  }

  /**
   * Whole papers are about to be asked for (a citation being typed): have the parser keep them, reading the export
   * again (in the worker) if it was released meanwhile, so the paper is at hand when it is chosen.
   */
  keepPapers(): void {
    void this.current?.papers([]).catch(() => undefined);
  }

  /** The loaded library, loading it if that has not happened yet (shares a load already running). */
  load(): Promise<LoadedLibrary> {
    if (this.inFlight) return this.inFlight;
    if (this.stateValue.status === 'ready') return Promise.resolve(this.stateValue.library);
    return this.start(null);
  }

  /**
   * Read the export again (or take `snapshot`, just read) and parse it unless it is the one loaded. Reloads asked
   * for while one runs make it read once more, then all end with the newest library.
   */
  reload(snapshot: ExportSnapshot | null = null): Promise<LoadedLibrary> {
    if (this.inFlight) {
      this.queued = { snapshot };
      return this.inFlight;
    }
    return this.start(snapshot);
  }

  /** Forget the library (the export path changed). */
  clear(): void {
    this.generation++;
    this.inFlight = null;
    this.queued = null;
    this.knownCount = null;
    // A parse under way for the old path ends first (its result is dropped): failing it would be reported.
    this.parser.releaseWhenDone();
    this.setState({ status: 'empty' });
  }

  /**
   * Release everything for good (the plugin unloads): the parser ends at once, no timer stays; a parse or a paper
   * read under way fails with `reason` (the plugin's cancellation, which is never reported).
   */
  dispose(reason?: Error): void {
    this.clear();
    this.parser.release(reason);
    this.listeners.clear();
  }

  /** Be told about every state change; returns the unsubscribe function. */
  onChange(listener: (state: LibraryState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private start(given: ExportSnapshot | null): Promise<LoadedLibrary> {
    const generation = this.generation;
    const run = (async () => {
      let snapshot = given;
      for (;;) {
        this.queued = null;
        const previous = this.current;
        this.setState({ status: 'loading', previous });
        try {
          const library = await this.readAndParse(snapshot);
          if (generation !== this.generation) return library; // cleared meanwhile: do not land
          const queued = this.queued as { snapshot: ExportSnapshot | null } | null;
          if (queued) {
            snapshot = queued.snapshot; // the export changed again while we read it
            continue;
          }
          this.setState({ status: 'ready', library });
          return library;
        } catch (err) {
          const error = err instanceof Error ? err : new Error(String(err));
          if (generation !== this.generation) throw error;
          const queued = this.queued as { snapshot: ExportSnapshot | null } | null;
          if (queued) {
            snapshot = queued.snapshot;
            continue;
          }
          this.setState({ status: 'error', error, previous });
          throw error;
        }
      }
    })();
    this.inFlight = run;
    const release = () => {
      if (this.inFlight === run) this.inFlight = null;
    };
    run.then(release, release);
    return run;
  }

  private async readAndParse(given: ExportSnapshot | null): Promise<LoadedLibrary> {
    const snapshot = given ?? (await this.snapshot());
    const unchanged = this.current;
    if (unchanged && unchanged.fingerprint === snapshot.fingerprint) return unchanged; // same bytes: spare the parse
    const parsed = await this.parser.use((parser) => parser.parse(snapshot.bytes, snapshot.fingerprint, snapshot.name));
    if (parsed.format === null) throw new UnreadableExportError(parsed.defect?.message ?? 'The export could not be read.', parsed.defect?.reason ?? 'unreadable');
    const entries = await unpackEntries(parsed.packedEntries, this.deps.pause);
    return new LoadedLibrary(parsed, entries, (citekeys) => this.papers(parsed.fingerprint, citekeys), this.deps.now());
  }

  /** Whole papers of the export with this fingerprint: from the parser, or read again when it was released. */
  private async papers(fingerprint: string, citekeys: readonly string[]): Promise<Paper[]> {
    const kept = await this.parser.use((parser) => parser.papers(fingerprint, citekeys));
    if (kept) return kept;
    await this.parseAgain(fingerprint);
    const again = await this.parser.use((parser) => parser.papers(fingerprint, citekeys));
    if (!again) throw new Error('The export could not be read again.');
    return again;
  }

  /** Read and parse the export again for its papers (once, however many ask at the same time). */
  private parseAgain(fingerprint: string): Promise<void> {
    const running = this.reparsing;
    if (running?.fingerprint === fingerprint) return running.done;
    const done = (async () => {
      const snapshot = await this.snapshot();
      if (snapshot.fingerprint !== fingerprint) throw new Error('The export changed while it was being read; sync again.');
      await this.parser.use((parser) => parser.parse(snapshot.bytes, snapshot.fingerprint, snapshot.name));
    })().finally(() => {
      if (this.reparsing?.done === done) this.reparsing = null;
    });
    this.reparsing = { fingerprint, done };
    return done;
  }

  private setState(state: LibraryState): void {
    this.stateValue = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
