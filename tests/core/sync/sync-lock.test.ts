/**
 * The sync lock over an in-memory lock file and a virtual clock: a second run waits then refuses, a lock whose
 * holder is gone (or silent too long) is taken over, refreshes keep a long sync's lock alive, and a race for a
 * stale lock ends with one holder.
 */
import { REFRESH_MS, STALE_MS, SyncLock, SyncLockedError, type LockRecord } from '../../../src/core/sync/sync-lock';
import type { LockClock, LockFilePort, LockOwner } from '../../../src/core/sync';

/** Virtual time: `sleep` advances it and runs the intervals that fall due. */
class VirtualClock implements LockClock {
  time = Date.UTC(2025, 9, 1, 12, 0, 0);
  private readonly timers = new Set<{ ms: number; next: number; fn: () => void }>();
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.time = due.next;
      due.next += due.ms;
      due.fn();
      await Promise.resolve();
    }
    this.time = end;
    await new Promise((resolve) => setImmediate(resolve));
  }
  every(ms: number, fn: () => void): () => void {
    const timer = { ms, next: this.time + ms, fn };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }
}

/** A lock file in memory; `exclusive: false` makes `create` check-then-write, as Obsidian's mobile adapter does. */
class MemoryLockFile implements LockFilePort {
  readonly path = 'vault/.obsidian/plugins/zotero-concept-notes/sync.lock';
  text: string | null = null;
  async read(): Promise<string | null> {
    await Promise.resolve();
    return this.text;
  }
  async create(text: string): Promise<boolean> {
    if (this.text !== null) return false;
    await Promise.resolve();
    this.text = text;
    return true;
  }
  async write(text: string): Promise<void> {
    await Promise.resolve();
    this.text = text;
  }
  async remove(): Promise<void> {
    await Promise.resolve();
    this.text = null;
  }
  get record(): LockRecord | null {
    return this.text === null ? null : (JSON.parse(this.text) as LockRecord);
  }
}

const CLI: LockOwner = { tool: 'cli', pid: 4242, host: 'laptop' };
const PLUGIN: LockOwner = { tool: 'plugin', pid: 777, host: 'laptop' };

function lockFor(owner: LockOwner, file: MemoryLockFile, clock: VirtualClock, running: Set<number> = new Set([4242, 777]), waitMs = 2000) {
  return new SyncLock({ file, owner, clock, waitMs, isRunning: (pid) => running.has(pid) });
}

/** A task that holds the lock until `release` is called. */
function held(): { task: () => Promise<string>; release: () => void; started: Promise<void> } {
  let release: () => void = () => undefined;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = new Promise<void>((resolve) => (release = resolve));
  return { task: async () => (markStarted(), await done, 'done'), release, started };
}

describe('SyncLock', () => {
  it('holds the lock file while the task runs, says who holds it, and removes it after', async () => {
    const file = new MemoryLockFile();
    const clock = new VirtualClock();
    const seen: (LockRecord | null)[] = [];
    expect(await lockFor(CLI, file, clock).hold(() => Promise.resolve(seen.push(file.record)))).toBe(1);
    expect(seen[0]).toMatchObject({ tool: 'cli', pid: 4242, host: 'laptop', startedAt: '2025-10-01T12:00:00.000Z' });
    expect(file.text).toBeNull();
  });

  it('makes a second run wait, then refuse with a message naming the holder and the file', async () => {
    const file = new MemoryLockFile();
    const clock = new VirtualClock();
    const first = held();
    const running = lockFor(PLUGIN, file, clock).hold(first.task);
    await first.started;
    const second = lockFor(CLI, file, clock).hold(() => Promise.resolve('second'));
    await expect(second).rejects.toThrow(SyncLockedError);
    await expect(second).rejects.toThrow(
      'Another sync is running on this vault (Obsidian, process 777 on laptop, since 2025-10-01T12:00:00.000Z); nothing was changed. Try again when it has finished; if no sync is running, delete vault/.obsidian/plugins/zotero-concept-notes/sync.lock.',
    );
    expect(file.record?.tool).toBe('plugin');
    first.release();
    expect(await running).toBe('done');
  });

  it('lets the second run go as soon as the first ends within the wait', async () => {
    const file = new MemoryLockFile();
    const clock = new VirtualClock();
    const first = held();
    const running = lockFor(PLUGIN, file, clock).hold(first.task);
    await first.started;
    const second = lockFor(CLI, file, clock).hold(() => Promise.resolve(file.record?.tool));
    await clock.sleep(500);
    first.release();
    expect(await running).toBe('done');
    expect(await second).toBe('cli');
  });

  it('takes over a lock whose process is gone on this host, or that this very process left', async () => {
    const file = new MemoryLockFile();
    const clock = new VirtualClock();
    file.text = JSON.stringify({ tool: 'cli', pid: 999, host: 'laptop', startedAt: 'x', refreshedAt: new Date(clock.now()).toISOString(), token: 'crashed' });
    expect(await lockFor(CLI, file, clock).hold(() => Promise.resolve(file.record?.pid))).toBe(4242);
    file.text = JSON.stringify({ tool: 'cli', pid: 4242, host: 'laptop', startedAt: 'x', refreshedAt: new Date(clock.now()).toISOString(), token: 'earlier run' });
    expect(await lockFor(CLI, file, clock, new Set([4242]), 0).hold(() => Promise.resolve('again'))).toBe('again');
  });

  it('takes over a lock from another device only once it has not been refreshed for a while', async () => {
    const file = new MemoryLockFile();
    const clock = new VirtualClock();
    const phone = { tool: 'plugin', pid: null, host: 'a mobile device', startedAt: 'x', token: 'phone' };
    file.text = JSON.stringify({ ...phone, refreshedAt: new Date(clock.now() - 10_000).toISOString() });
    await expect(lockFor(CLI, file, clock, new Set(), 1000).hold(() => Promise.resolve('x'))).rejects.toThrow(SyncLockedError);
    file.text = JSON.stringify({ ...phone, refreshedAt: new Date(clock.now() - STALE_MS - 1).toISOString() });
    expect(await lockFor(CLI, file, clock, new Set(), 1000).hold(() => Promise.resolve('taken'))).toBe('taken');
  });

  it('refreshes the lock of a long sync, so that it is never taken for stale', async () => {
    const file = new MemoryLockFile();
    const clock = new VirtualClock();
    const elsewhere = { tool: 'cli' as const, pid: 1, host: 'desktop' };
    const long = lockFor(elsewhere, file, clock, new Set()).hold(async () => {
      await clock.sleep(3 * STALE_MS);
      return 'long done';
    });
    await Promise.resolve();
    await expect(lockFor(CLI, file, clock, new Set(), 1000).hold(() => Promise.resolve('x'))).rejects.toThrow(SyncLockedError);
    expect(Date.parse(file.record!.refreshedAt)).toBeGreaterThan(clock.now() - REFRESH_MS - 1000);
    expect(await long).toBe('long done');
  });

  it('ends a race of two runs for a stale lock with one holder', async () => {
    const file = new MemoryLockFile();
    const clock = new VirtualClock();
    file.text = JSON.stringify({ tool: 'cli', pid: 999, host: 'laptop', startedAt: 'x', refreshedAt: 'x', token: 'crashed' });
    let inside = 0;
    let most = 0;
    const task = async () => {
      most = Math.max(most, ++inside);
      await clock.sleep(1000);
      inside--;
      return 'ok';
    };
    const results = await Promise.allSettled([lockFor(CLI, file, clock, new Set(), 10_000).hold(task), lockFor(PLUGIN, file, clock, new Set(), 10_000).hold(task)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(most).toBe(1);
    expect(file.text).toBeNull();
  });

  it('never removes or refreshes a lock that another run took over meanwhile', async () => {
    const file = new MemoryLockFile();
    const clock = new VirtualClock();
    const other = JSON.stringify({ tool: 'plugin', pid: 5, host: 'desktop', startedAt: 'y', refreshedAt: 'y', token: 'other' });
    await lockFor(CLI, file, clock).hold(async () => {
      file.text = other; // e.g. this run was suspended for minutes and another took the lock over
      await clock.sleep(2 * REFRESH_MS);
    });
    expect(file.text).toBe(other);
  });
});
