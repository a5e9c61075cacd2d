/**
 * When is a Better BibTeX export safe to read after it changed? BBT's "keep updated" rewrites the file in place,
 * so a change event can arrive while the file is half written. The settler waits for a quiet period after the last
 * change, then requires the file's fingerprint (size + mtime) to be the same in two checks in a row before it runs
 * the import. An import that finds the text incomplete answers "retry" and is tried again later; a half-written
 * file is never imported. Pure state machine: the clock and the file probe are injected, so tests drive it.
 */

/** Timer functions (window.setTimeout in the plugin, fakes in tests). */
export interface SettleTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What the import made of the settled file: finished (whatever its result), or found it incomplete. */
export type SettleOutcome = 'done' | 'retry';

export type SettlerState = 'idle' | 'quiet' | 'checking' | 'running' | 'disposed';

export interface ExportSettlerOptions {
  /** Quiet time after the last change before the first check (the auto-sync delay). */
  quietMs: number;
  /** Time between the two fingerprint checks. Default: the quiet time, at most 1 s. */
  checkMs?: number;
  /** The file's fingerprint (e.g. `${size}:${mtimeMs}`), or null when there is no file right now. */
  probe(): Promise<string | null>;
  /** Import the settled file. Errors are the caller's to report; a throw counts as "done". */
  onSettled(): Promise<SettleOutcome>;
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
    this.restartQuiet(this.options.quietMs);
  }

  /** Stop for good: no timer stays pending, no import starts. */
  dispose(): void {
    this.clearTimer();
    this.stateValue = 'disposed';
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
    if (fingerprint !== this.lastFingerprint) {
      // First look, or still growing: look again shortly.
      this.lastFingerprint = fingerprint;
      this.schedule(this.options.checkMs ?? Math.min(this.options.quietMs, 1000), 'checking');
      return;
    }
    await this.run();
  }

  private async run(): Promise<void> {
    this.stateValue = 'running';
    this.changedWhileRunning = false;
    let outcome: SettleOutcome;
    try {
      outcome = await this.options.onSettled();
    } catch {
      outcome = 'done';
    }
    if (this.stateValue !== 'running') return; // disposed meanwhile
    this.stateValue = 'idle';
    if (this.changedWhileRunning) this.notifyChange();
    else if (outcome === 'retry') this.retryLater('incomplete');
    else this.retries = 0;
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
