/**
 * The library's parser, made on demand and released after a quiet spell: in the plugin it is a Web Worker holding
 * the parsed export, and releasing it gives that memory back. Apart from LibraryCache, which decides what to parse
 * and when; this only counts the calls under way and keeps the timer.
 */
import type { LibraryParser } from './library-parser';

/** Timer functions (window timers in the plugin, fakes in tests). */
export interface CacheTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface ParserOnDemandDeps {
  /** The parser, made on first use (and again after it was released). */
  createParser(): LibraryParser;
  timers: CacheTimers;
  /** Quiet time after which the parser is released (a worker ends and gives its memory back); default 20 s. */
  idleMs?: number;
}

export class ParserOnDemand {
  private parser: LibraryParser | null = null;
  private idleTimer: unknown = null;
  private calls = 0;
  /** Release the parser as soon as its calls under way end (the export path changed meanwhile). */
  private releaseWhenIdle = false;

  constructor(private readonly deps: ParserOnDemandDeps) {}

  /** Have the parser get ready (a worker takes a moment to start); released again after the quiet spell if unused. */
  warm(): void {
    this.parser ??= this.deps.createParser();
    this.parser.warm?.();
    if (this.calls === 0) this.armIdleTimer();
  }

  /** Run a parser call; the parser is released once no call has come for a quiet spell. */
  async use<T>(call: (parser: LibraryParser) => Promise<T>): Promise<T> {
    if (this.idleTimer !== null) this.deps.timers.clear(this.idleTimer);
    this.idleTimer = null;
    this.parser ??= this.deps.createParser();
    this.calls++;
    try {
      return await call(this.parser);
    } finally {
      if (--this.calls === 0) {
        if (this.releaseWhenIdle) this.release();
        else this.armIdleTimer();
      }
    }
  }

  /** Release the parser once the calls under way have ended (at once when there are none): their results are not wanted. */
  releaseWhenDone(): void {
    if (this.calls === 0) this.release();
    else this.releaseWhenIdle = true;
  }

  /** Release the parser now; calls under way fail with `reason`. */
  release(reason?: Error): void {
    if (this.idleTimer !== null) this.deps.timers.clear(this.idleTimer);
    this.idleTimer = null;
    this.releaseWhenIdle = false;
    this.parser?.release(reason);
    this.parser = null;
  }

  private armIdleTimer(): void {
    if (this.idleTimer !== null) this.deps.timers.clear(this.idleTimer);
    this.idleTimer = this.deps.timers.set(() => this.release(), this.deps.idleMs ?? 20_000);
  }
}
