/**
 * The libraries the plugin keeps, one LibraryCache per export (each reads, parses in its own worker and releases
 * its export as before), seen together as one ShelfLibrary. With one export it behaves as that export's cache:
 * its errors are the library's errors. With several, an export that cannot be read is one failed part of the
 * library, and the others are still searched and synced; only when none can be read does a load fail.
 */
import { LibraryCache, type ExportSnapshot, type LibraryCacheDeps, type LibraryState } from './library-cache';
import type { LoadedLibrary } from './library-index';
import { ShelfLibrary, type ShelfPart } from './shelf-library';

/** One export the shelf reads. */
export interface ShelfExport {
  /** Its path as configured: names it in messages, and keys its cache. */
  name: string;
  /** Its bytes; throws with a message for the user when it cannot be read. */
  read(): Promise<Uint8Array>;
}

export interface LibraryShelfDeps extends Omit<LibraryCacheDeps, 'readExport' | 'exportName'> {
  /** The exports, in the order of the settings (asked again after `clear`). */
  exports(): readonly ShelfExport[];
}

/** An export's bytes as just read (and fingerprinted), or why they could not be. */
export type ShelfSnapshot = { name: string; snapshot: ExportSnapshot; error?: undefined } | { name: string; snapshot?: undefined; error: Error };

/** What the sync state last recorded of an export (see LibraryCache.open). */
type LastRead = { exportHash: string; paperCount: number } | null;

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

export class LibraryShelf {
  private caches: { name: string; cache: LibraryCache; unsubscribe: () => void }[] = [];
  private readonly listeners = new Set<(state: LibraryState) => void>();
  private combined: { from: readonly (LoadedLibrary | Error | null)[]; library: ShelfLibrary } | null = null;
  /** The papers of all the exports at the last sync (a citekey in two once), while none is loaded (see open). */
  private knownTotal: number | null = null;

  constructor(private readonly deps: LibraryShelfDeps) {
    this.build();
  }

  /** The exports' names, in order. */
  get names(): string[] {
    return this.caches.map((c) => c.name);
  }

  /** The cache of one export. */
  cache(name: string): LibraryCache | undefined {
    return this.caches.find((c) => c.name === name)?.cache;
  }

  /** The library of every export, once each is loaded or failed (a failed one as such); null before. */
  get current(): ShelfLibrary | null {
    if (this.caches.length === 0) return null;
    const from = this.caches.map(({ cache }) => cache.current ?? (cache.state.status === 'error' ? cache.state.error : null));
    if (from.some((x) => x === null) || from.every((x) => x instanceof Error)) return null;
    const memo = this.combined;
    if (memo && memo.from.length === from.length && memo.from.every((x, i) => x === from[i])) return memo.library;
    const parts = this.caches.map(({ name }, i): ShelfPart => {
      const got = from[i];
      return got instanceof Error ? { name, error: got } : { name, library: got! };
    });
    this.combined = { from, library: new ShelfLibrary(parts, this.deps.now()) };
    return this.combined.library;
  }

  /** The state of them all, for the status bar: loading while any loads, known while some are known only. */
  get state(): LibraryState {
    const states = this.caches.map(({ cache }) => cache.state);
    if (states.length === 0) return { status: 'empty' };
    if (states.length === 1) return states[0];
    const current = this.current;
    if (states.some((s) => s.status === 'loading')) return { status: 'loading', previous: current };
    if (current) return { status: 'ready', library: current };
    const error = states.find((s) => s.status === 'error');
    if (states.every((s) => s.status === 'error') && error?.status === 'error') return { status: 'error', error: error.error, previous: null };
    const count = this.paperCount;
    return count === null ? { status: 'empty' } : { status: 'known', paperCount: count };
  }

  /**
   * The papers of all the exports (a citekey in two counted once): of the library once loaded, else as the last sync
   * counted them, else the sum of what each export's cache knows; null when nothing is known.
   */
  get paperCount(): number | null {
    const current = this.current;
    if (current) return current.size;
    if (this.knownTotal !== null && this.caches.every(({ cache }) => cache.state.status === 'known')) return this.knownTotal;
    const counts = this.caches.map(({ cache }) => cache.paperCount);
    return counts.every((n) => n === null) ? null : counts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
  }

  /** Every export loaded (those loaded already are not read again); fails only when none can be read. */
  async load(): Promise<ShelfLibrary> {
    return this.settled(await Promise.all(this.caches.map(({ cache }) => cache.load().then((l) => l, asError))));
  }

  /** Read the exports again (`name`: only that one; the others as loaded), and parse what changed. */
  async reload(name?: string): Promise<ShelfLibrary> {
    const got = await Promise.all(this.caches.map(({ name: n, cache }) => (name === undefined || n === name ? cache.reload() : cache.load()).then((l) => l, asError)));
    return this.settled(got);
  }

  /** Each export's bytes and fingerprint, read now (without parsing). */
  snapshots(): Promise<ShelfSnapshot[]> {
    return Promise.all(this.caches.map(({ name, cache }) => cache.snapshot().then((snapshot) => ({ name, snapshot }), (err: unknown) => ({ name, error: asError(err) }))));
  }

  /**
   * At start-up: each export the last sync read (same fingerprint) is not parsed, its count taken from `last`
   * (given per export, in order; `total`: the papers of them all at that sync); the others are loaded. Returns the
   * names of those loaded and of those that could not be read.
   */
  async open(last: readonly LastRead[], total: number | null = null): Promise<{ loaded: string[]; failed: { name: string; error: Error }[] }> {
    this.knownTotal = total;
    const loaded: string[] = [];
    const failed: { name: string; error: Error }[] = [];
    await Promise.all(
      this.caches.map(async ({ name, cache }, i) => {
        try {
          if (await cache.open(last[i] ?? null)) loaded.push(name);
        } catch (err) {
          failed.push({ name, error: asError(err) });
        }
      }),
    );
    return { loaded: this.names.filter((n) => loaded.includes(n)), failed };
  }

  /** An export changed and will be read soon: its parser gets ready. */
  warm(name?: string): void {
    for (const c of this.caches) if (name === undefined || c.name === name) c.cache.warm();
  }

  /** Whole papers are about to be asked for: every export's parser keeps them. */
  keepPapers(): void {
    for (const { cache } of this.caches) cache.keepPapers();
  }

  /**
   * Take the exports again (the settings changed): the library of an export still listed is kept, the others are
   * forgotten (a parse under way for one of them ends first, its result dropped, as LibraryCache.clear does).
   */
  clear(): void {
    const names = new Set(this.deps.exports().map((e) => e.name));
    for (const c of this.caches) {
      if (names.has(c.name)) continue;
      c.unsubscribe();
      c.cache.clear();
    }
    this.build();
    this.emit();
  }

  /** Release everything for good (the plugin unloads). */
  dispose(reason?: Error): void {
    for (const c of this.caches.splice(0)) {
      c.unsubscribe();
      c.cache.dispose(reason);
    }
    this.listeners.clear();
  }

  /** Be told about every state change; returns the unsubscribe function. */
  onChange(listener: (state: LibraryState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private settled(got: (LoadedLibrary | Error)[]): ShelfLibrary {
    const failed = got.filter((x): x is Error => x instanceof Error);
    if (failed.length === got.length && failed.length > 0) throw failed[0];
    const current = this.current;
    if (current && current.parts.every((p, i) => (p.library ?? p.error) === got[i])) return current;
    return new ShelfLibrary(
      this.caches.map(({ name }, i): ShelfPart => {
        const x = got[i];
        return x instanceof Error ? { name, error: x } : { name, library: x };
      }),
      this.deps.now(),
    );
  }

  private build(): void {
    const { createParser, now, pause, timers, idleMs } = this.deps;
    const kept = new Map(this.caches.map((c) => [c.name, c]));
    this.combined = null;
    this.caches = this.deps.exports().map((source) => {
      const { name } = source;
      const had = kept.get(name);
      if (had) return had;
      const cache = new LibraryCache({ createParser, now, pause, timers, idleMs, readExport: () => source.read(), exportName: () => name });
      return { name, cache, unsubscribe: cache.onChange(() => this.emit()) };
    });
  }

  private emit(): void {
    const state = this.state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
