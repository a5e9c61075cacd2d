/**
 * When is a Better BibTeX export safe to read after it changed? BBT's "keep updated" rewrites the file in place,
 * so a change event can arrive while the file is half written. The settler waits for a quiet period after the last
 * change, then requires the file's fingerprint (size + mtime) to be the same in two checks in a row before it runs
 * the import. An import that finds the text incomplete answers "retry" and is tried again later; a half-written
 * file is never imported. Pure state machine: the clock and the file probe are injected, so tests drive it.
 *
 * With `earlyMs`, the content decides how long to wait: the import starts after a short quiet spell and one look at
 * the file, and goes ahead only when the export is recognisably whole (JSON that parses, a `.bib` whose last entry
 * closes at the end of the file, CSL YAML with its end marker) and a second look, at least `checkMs` after the
 * first, finds the file as it was (`run.unchanged()`, asked once the export is read: reading a large one takes
 * longer than that anyway). Otherwise it answers "wait", and the full quiet time is the fallback, as without
 * `earlyMs`.
 */

/** Timer functions (window.setTimeout in the plugin, fakes in tests). */
export interface SettleTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * What the import made of the settled file: finished (whatever its result), found it incomplete, or (early, see
 * `earlyMs`) could not tell it is complete yet.
 */
export type SettleOutcome = 'done' | 'retry' | 'wait';

/** How the import is run: `early` before the full quiet time, so only for an export known to be whole. */
export interface SettleRun {
  early: boolean;
  /**
   * Whether the file is still as at the look that started the run: for an early run, a second look at least
   * `checkMs` after the first (and no change event meanwhile); always true otherwise (two looks agreed already).
   */
  unchanged(): Promise<boolean>;
}

export type SettlerState = 'idle' | 'quiet' | 'checking' | 'running' | 'disposed';

export interface ExportSettlerOptions {
  /** Quiet time after the last change before the first check (the auto-sync delay). */
  quietMs: number;
  /** Time between the two fingerprint checks. Default: the quiet time, at most 1 s (`earlyMs` when set). */
  checkMs?: number;
  /** Quiet time before an early try (see the top of this file); unset: never early. */
  earlyMs?: number;
  /** The clock, for the time since the last change; default Date.now. */
  now?: () => number;
  /** The file's fingerprint (e.g. `${size}:${mtimeMs}`), or null when there is no file right now. */
  probe(): Promise<string | null>;
  /** Import the settled file. Errors are the caller's to report; a throw counts as "done". */
  onSettled(run: SettleRun): Promise<SettleOutcome>;
  /** The file never settled (or kept reading as incomplete) after `maxRetries` tries. */
  onGiveUp?(reason: 'missing' | 'incomplete'): void;
  /** Tries after a missing or incomplete file before giving up until the next change. Default 5. */
  maxRetries?: number;
  timers: SettleTimers;
}

export class ExportSettler {
  private stateValue: SettlerState = 'idle';
  private timer: unknown = null;
  private lastFingerprint: string | null = null;
  private retries = 0;
  /** A change arrived while the import ran: settle again afterwards. */
  private changedWhileRunning = false;
  /** Bumped on every change, so a probe that was in flight when a change came is ignored. */
  private generation = 0;
  private lastChange = 0;
  /** When the look that started an early run was taken. */
  private lookedAt = 0;
  /** Ends the wait of `unchanged()` when the settler is disposed. */
  private endWait: (() => void) | null = null;

  constructor(private readonly options: ExportSettlerOptions) {}

  get state(): SettlerState {
    return this.stateValue;
  }

  /** The file changed (or may have): start, or restart, the quiet period. */
  notifyChange(): void {
    if (this.stateValue === 'disposed') return;
    if (this.stateValue === 'running') {
      this.changedWhileRunning = true;
      return;
    }
    this.retries = 0;
    this.lastChange = this.now();
    this.restartQuiet(this.options.earlyMs ?? this.options.quietMs);
  }

  /** Stop for good: no timer stays pending, no import starts. */
  dispose(): void {
    this.clearTimer();
    this.stateValue = 'disposed';
    this.endWait?.();
  }

  private restartQuiet(ms: number): void {
    this.generation++;
    this.lastFingerprint = null;
    this.schedule(ms, 'quiet');
  }

  private schedule(ms: number, state: SettlerState): void {
    this.clearTimer();
    this.stateValue = state;
    this.timer = this.options.timers.set(() => {
      this.timer = null;
      void this.check();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = null;
  }

  private async check(): Promise<void> {
    const generation = this.generation;
    this.stateValue = 'checking';
    let fingerprint: string | null;
    try {
      fingerprint = await this.options.probe();
    } catch {
      fingerprint = null;
    }
    if (generation !== this.generation || this.stateValue !== 'checking') return; // changed or disposed meanwhile
    if (fingerprint === null) return this.retryLater('missing');
    if (this.lastFingerprint === null && this.mayRunEarly()) {
      // First look, within the full quiet time: read it now; the content and a second look decide.
      this.lastFingerprint = fingerprint;
      this.lookedAt = this.now();
      return this.run(true);
    }
    if (fingerprint !== this.lastFingerprint) {
      // First look, or still growing: look again shortly.
      this.lastFingerprint = fingerprint;
      this.schedule(this.checkMs(), 'checking');
      return;
    }
    await this.run(false);
  }

  private mayRunEarly(): boolean {
    return this.options.earlyMs !== undefined && this.now() - this.lastChange < this.options.quietMs;
  }

  private async run(early: boolean): Promise<void> {
    this.stateValue = 'running';
    this.changedWhileRunning = false;
    const seen = this.lastFingerprint;
    let outcome: SettleOutcome;
    try {
      outcome = await this.options.onSettled({ early, unchanged: () => (early ? this.stillAsSeen(seen) : Promise.resolve(true)) });
    } catch {
      outcome = 'done';
    }
    if (this.stateValue !== 'running') return; // disposed meanwhile
    this.stateValue = 'idle';
    if (this.changedWhileRunning) this.notifyChange();
    else if (early && outcome !== 'done') {
      // Not known to be whole yet: the full quiet time after the last change, then one look that finds the file
      // as it was, before the import runs again (no longer early).
      this.schedule(Math.max(0, this.options.quietMs - (this.now() - this.lastChange)), 'checking');
    } else if (outcome !== 'done') this.retryLater('incomplete');
    else this.retries = 0;
  }

  /** A second look, at least checkMs after the first, finds the file as it was, and no change event came. */
  private async stillAsSeen(seen: string | null): Promise<boolean> {
    const wait = this.checkMs() - (this.now() - this.lookedAt);
    if (wait > 0) {
      await new Promise<void>((resolve) => {
        const handle = this.options.timers.set(() => {
          this.endWait = null;
          resolve();
        }, wait);
        this.endWait = () => {
          this.options.timers.clear(handle);
          resolve();
        };
      });
    }
    if (this.stateValue !== 'running' || this.changedWhileRunning) return false;
    try {
      return (await this.options.probe()) === seen;
    } catch {
      return false;
    }
  }

  private checkMs(): number {
    return this.options.checkMs ?? this.options.earlyMs ?? Math.min(this.options.quietMs, 1000);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private retryLater(reason: 'missing' | 'incomplete'): void {
    this.retries++;
    if (this.retries > (this.options.maxRetries ?? 5)) {
      this.stateValue = 'idle';
      this.retries = 0;
      this.options.onGiveUp?.(reason);
      return;
    }
    // Back off a little more each time: BBT may still be writing a large library.
    this.restartQuiet(this.options.quietMs * (this.retries + 1));
  }
}
