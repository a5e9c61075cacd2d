/**
 * One sync at a time per vault, across processes: two CLI runs, the CLI and the plugin, two windows. Without it two
 * runs write the same notes and the one state file, and a later sync sees stale titles and false conflicts.
 *
 * The lock is a small JSON file in the plugin's folder (who holds it: the tool, process id, host, when it started,
 * when it last said it was alive). The holder refreshes it every REFRESH_MS while the sync runs. A second run waits
 * up to `waitMs`, then refuses with SyncLockedError. A lock is stale, and taken over, when its process is known to be
 * gone (same host), or, when that cannot be told (another host, a phone), when it was not refreshed for STALE_MS.
 *
 * Taking a lock is "create it if absent", exclusive on a desktop (the CLI and the plugin both use the file system's
 * exclusive create). Obsidian's mobile adapter cannot create exclusively, but there only the plugin runs, one sync at
 * a time. A stale lock is removed only if it still holds exactly the text judged stale; two runs may still both
 * remove it and create their own, so after taking over a stale lock a run pauses SETTLE_MS and reads it back: the
 * last one written wins, the other waits like any second run.
 *
 * Across devices the lock file only travels with the vault's file sync, seconds or minutes late: it does not stop
 * two devices syncing at once (see the README on two devices).
 */

/** The lock file, over the smallest port (Node's fs for the CLI, the adapter for the plugin). */
export interface LockFilePort {
  /** Where the file is, for the message that tells the user how to remove a lock left behind. */
  readonly path: string;
  read(): Promise<string | null>;
  /** Write `text` only when no lock file is there; false when there is one. */
  create(text: string): Promise<boolean>;
  write(text: string): Promise<void>;
  remove(): Promise<void>;
}

/** Who takes the lock. */
export interface LockOwner {
  tool: 'cli' | 'plugin';
  /** The process id, or null where there is none to tell (mobile). */
  pid: number | null;
  host: string;
}

/** Time, injectable for tests. */
export interface LockClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Call `fn` every `ms` milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export interface SyncLockOptions {
  file: LockFilePort;
  owner: LockOwner;
  clock: LockClock;
  /** Whether process `pid` runs on this host; null when that cannot be told. */
  isRunning?(pid: number): boolean | null;
  /** How long a second run waits before refusing (ms). */
  waitMs: number;
}

/** What the lock file holds. */
export interface LockRecord extends LockOwner {
  startedAt: string;
  refreshedAt: string;
  token: string;
}

export const REFRESH_MS = 10_000;
export const STALE_MS = 60_000;
export const SETTLE_MS = 250;
/** How long a lock file may stay unreadable (being written) before it counts as left by a crash. */
const UNREADABLE_MS = 1000;
const POLL_MS = 200;

/** Another run holds the lock (and kept it for the whole wait). `message` is one line for the user. */
export class SyncLockedError extends Error {
  constructor(
    readonly holder: LockRecord | null,
    message: string,
  ) {
    super(message);
    this.name = 'SyncLockedError';
  }
}

function parseRecord(text: string | null): LockRecord | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<LockRecord> | null;
    if (typeof v?.token !== 'string' || typeof v.host !== 'string' || typeof v.refreshedAt !== 'string') return null;
    return { tool: v.tool === 'plugin' ? 'plugin' : 'cli', pid: typeof v.pid === 'number' ? v.pid : null, host: v.host, startedAt: String(v.startedAt), refreshedAt: v.refreshedAt, token: v.token };
  } catch {
    return null;
  }
}

function describeHolder(holder: LockRecord | null, path: string): string {
  const who = holder === null ? 'another run' : `${holder.tool === 'cli' ? 'the command line' : 'Obsidian'}${holder.pid === null ? '' : `, process ${holder.pid}`} on ${holder.host}, since ${holder.startedAt}`;
  return `Another sync is running on this vault (${who}); nothing was changed. Try again when it has finished; if no sync is running, delete ${path}.`;
}

export class SyncLock {
  constructor(private readonly options: SyncLockOptions) {}

  /** Run `task` holding the lock; throws SyncLockedError when another run keeps it for the whole wait. */
  async hold<T>(task: () => Promise<T>): Promise<T> {
    const mine = await this.acquire();
    const stop = this.options.clock.every(REFRESH_MS, () => {
      this.refresh(mine).catch(() => undefined);
    });
    try {
      return await task();
    } finally {
      stop();
      await this.release(mine);
    }
  }

  private record(token: string, startedAt: string): LockRecord {
    const { owner, clock } = this.options;
    return { ...owner, startedAt, refreshedAt: new Date(clock.now()).toISOString(), token };
  }

  private async acquire(): Promise<LockRecord> {
    const { file, clock, waitMs } = this.options;
    const token = `${this.options.owner.host}:${this.options.owner.pid ?? '-'}:${clock.now()}:${Math.random().toString(36).slice(2)}`;
    const deadline = clock.now() + waitMs;
    let holder: LockRecord | null = null;
    /** Since when the lock file has been unreadable (being written, or cut by a crash). */
    let unreadableSince: number | null = null;
    let tookOver = false;
    /** Try again at once (a stale lock was just removed, or the lock was released between two reads). */
    let again = true;
    for (;;) {
      if (!again) {
        if (clock.now() >= deadline) throw new SyncLockedError(holder, describeHolder(holder, file.path));
        await clock.sleep(POLL_MS);
      }
      again = false;
      const mine = this.record(token, new Date(clock.now()).toISOString());
      if (await file.create(JSON.stringify(mine))) {
        if (tookOver) await clock.sleep(SETTLE_MS);
        if (parseRecord(await file.read())?.token === token) return mine;
        continue; // another run took it at the same moment
      }
      const text = await file.read();
      if (text === null) {
        again = true; // released meanwhile
        continue;
      }
      holder = parseRecord(text);
      if (holder === null) unreadableSince ??= clock.now();
      const stale = holder === null ? clock.now() - (unreadableSince ?? 0) > UNREADABLE_MS : this.isStale(holder);
      if (stale && (await file.read()) === text) {
        await file.remove();
        tookOver = again = true;
      }
    }
  }

  private isStale(holder: LockRecord): boolean {
    const { owner, clock } = this.options;
    if (holder.host === owner.host && holder.pid !== null) {
      // This very process: a lock an earlier run here failed to remove (runs in one process never overlap).
      if (holder.pid === owner.pid) return true;
      const running = this.options.isRunning?.(holder.pid) ?? null;
      if (running !== null) return !running;
    }
    const refreshed = Date.parse(holder.refreshedAt);
    return Number.isNaN(refreshed) || clock.now() - refreshed > STALE_MS;
  }

  private async refresh(mine: LockRecord): Promise<void> {
    // Refreshed only while it is still ours: a lock taken over meanwhile is never written back over.
    if (parseRecord(await this.options.file.read())?.token !== mine.token) return;
    await this.options.file.write(JSON.stringify(this.record(mine.token, mine.startedAt)));
  }

  private async release(mine: LockRecord): Promise<void> {
    if (parseRecord(await this.options.file.read())?.token === mine.token) await this.options.file.remove();
  }
}
