/**
 * The parsed library, loaded once after the layout is ready and reloaded when the export changes, so the import
 * modal opens instantly. The state is observable: a modal opened during the first load says "Loading library…"
 * and waits for `load()` instead of freezing.
 */
import type { LibraryReadResult, Paper } from './paper';

/** The reader (`readLibrary`), injected so the plugin can load it lazily. */
export type ReadLibrary = (text: string) => LibraryReadResult;

export interface LoadedLibrary {
  result: LibraryReadResult;
  /** The exact text that was parsed (the sync uses the same text). */
  text: string;
  loadedAt: Date;
  /** By citekey, for quick lookups. */
  byCitekey: ReadonlyMap<string, Paper>;
}

export type LibraryState =
  | { status: 'empty' }
  | { status: 'loading'; previous: LoadedLibrary | null }
  | { status: 'ready'; library: LoadedLibrary }
  | { status: 'error'; error: Error; previous: LoadedLibrary | null };

export interface LibraryCacheDeps {
  /** The export's text; throws with a user-facing message when it cannot be read. */
  readExport(): Promise<string>;
  loadReader(): Promise<ReadLibrary>;
  now(): Date;
  /** Let the UI paint before parsing (a big export blocks for a moment). */
  yieldToUi(): Promise<void>;
}

export class LibraryCache {
  private stateValue: LibraryState = { status: 'empty' };
  private inFlight: Promise<LoadedLibrary> | null = null;
  private reloadQueued = false;
  /** Bumped by `clear()`, so a load started for an old export path cannot land. */
  private generation = 0;
  private readonly listeners = new Set<(state: LibraryState) => void>();

  constructor(private readonly deps: LibraryCacheDeps) {}

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

  /** The loaded library, loading it if that has not happened yet (shares a load already running). */
  load(): Promise<LoadedLibrary> {
    if (this.inFlight) return this.inFlight;
    if (this.stateValue.status === 'ready') return Promise.resolve(this.stateValue.library);
    return this.start();
  }

  /** Read and parse the export again; reloads asked for while one runs make it read once more, then finish. */
  reload(): Promise<LoadedLibrary> {
    if (this.inFlight) {
      this.reloadQueued = true;
      return this.inFlight;
    }
    return this.start();
  }

  /** Forget the library (the export path changed). */
  clear(): void {
    this.generation++;
    this.inFlight = null;
    this.reloadQueued = false;
    this.setState({ status: 'empty' });
  }

  /** Be told about every state change; returns the unsubscribe function. */
  onChange(listener: (state: LibraryState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private start(): Promise<LoadedLibrary> {
    const generation = this.generation;
    const run = (async () => {
      for (;;) {
        this.reloadQueued = false;
        const previous = this.current;
        this.setState({ status: 'loading', previous });
        try {
          const library = await this.readAndParse();
          if (generation !== this.generation) return library; // cleared meanwhile: do not land
          if (this.reloadQueued) continue; // the export changed again while we read it
          this.setState({ status: 'ready', library });
          return library;
        } catch (err) {
          const error = err instanceof Error ? err : new Error(String(err));
          if (generation !== this.generation) throw error;
          if (this.reloadQueued) continue;
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

  private async readAndParse(): Promise<LoadedLibrary> {
    const text = await this.deps.readExport();
    const unchanged = this.current;
    if (unchanged && unchanged.text === text) return unchanged; // same bytes: spare the parse
    const read = await this.deps.loadReader();
    await this.deps.yieldToUi();
    const result = read(text);
    const byCitekey = new Map<string, Paper>();
    for (const paper of result.papers) byCitekey.set(paper.citekey, paper);
    return { result, text, loadedAt: this.deps.now(), byCitekey };
  }

  private setState(state: LibraryState): void {
    this.stateValue = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
