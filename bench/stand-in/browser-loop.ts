/**
 * A browser's event loop, as the plugin meets it in Obsidian, emulated in Node for the responsiveness bench:
 *
 * - Every message of a `MessageChannel` is a task of its own. Node delivers up to 1,000 queued messages in one go,
 *   which would glue a time-sliced run back into one long block; Chromium runs each as a separate task, and paints
 *   between them when a frame is due.
 * - Every `setTimeout` callback is a task of its own too. Node runs all the timers due at the same time in one go
 *   (the obsidian mock's metadata cache sets one per file written: 10,000 in a first sync); a browser runs each as a
 *   task of its own.
 * - `setTimeout` / `setInterval` of a hidden window are throttled the way Chromium throttles a hidden page: each
 *   timer fires on the next whole second at the earliest. `MessageChannel` messages are not throttled.
 * - A task monitor measures the longest main-thread task: a 1 ms heartbeat on Node's own (unthrottled) timers sees
 *   every task, because each emulated task runs in a loop turn of its own; the gap between two beats is the task.
 *   Garbage-collection pauses inside a task are summed too: on a loaded machine, with a heap the size of the mock
 *   vault's, scavenges that take 2 ms elsewhere take 20–60 ms, which says more about the machine than the plugin.
 */
import { writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import * as nodeTimers from 'node:timers';

type Callback = (...args: unknown[]) => void;

/** Install `window` (the global object, as in Obsidian) with throttled timers when `hidden`, and per-task messages. */
export function installBrowserLoop(options: { hidden: boolean }): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.window = globalThis;
  const aligned = (ms: number) => {
    const now = Date.now();
    return Math.ceil((now + Math.max(ms, 1)) / 1000) * 1000 - now;
  };
  const cancelled = new WeakSet<object>();
  g.setTimeout = (cb: Callback, ms = 0, ...args: unknown[]) => {
    const timer: NodeJS.Timeout = nodeTimers.setTimeout(() => post(() => cancelled.has(timer) || cb(...args)), options.hidden ? aligned(ms) : ms);
    return timer;
  };
  g.clearTimeout = (timer: NodeJS.Timeout | undefined) => {
    if (!timer) return;
    cancelled.add(timer);
    nodeTimers.clearTimeout(timer);
  };
  if (options.hidden) {
    g.setInterval = (cb: Callback, ms = 0, ...args: unknown[]) => {
      // Each repetition lands on a whole second too.
      const handle = { timer: null as NodeJS.Timeout | null, stopped: false };
      const tick = () => {
        if (handle.stopped) return;
        cb(...args);
        handle.timer = nodeTimers.setTimeout(tick, aligned(ms));
      };
      handle.timer = nodeTimers.setTimeout(tick, aligned(ms));
      return handle;
    };
    g.clearInterval = (handle: { timer: NodeJS.Timeout | null; stopped: boolean } | undefined) => {
      if (!handle) return;
      handle.stopped = true;
      if (handle.timer) nodeTimers.clearTimeout(handle.timer);
    };
  }
  g.MessageChannel = EmulatedMessageChannel;
}

/** Messages waiting to run, one per loop turn (a task each). */
const pending: (() => void)[] = [];
let pumping = false;

function pump(): void {
  const next = pending.shift();
  if (next) next();
  if (pending.length > 0) nodeTimers.setImmediate(pump);
  else pumping = false;
}

function post(run: () => void): void {
  pending.push(run);
  if (!pumping) {
    pumping = true;
    nodeTimers.setImmediate(pump);
  }
}

class EmulatedPort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  other: EmulatedPort | null = null;
  private closed = false;

  postMessage(data: unknown): void {
    const target = this.other;
    post(() => {
      if (target && !target.closed) target.onmessage?.({ data });
    });
  }

  start(): void {}
  ref(): void {}
  unref(): void {}

  close(): void {
    this.closed = true;
  }
}

class EmulatedMessageChannel {
  readonly port1 = new EmulatedPort();
  readonly port2 = new EmulatedPort();

  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

/** The longest main-thread task per phase of a scenario, from the gaps between 1 ms heartbeats. */
export class TaskMonitor {
  private readonly longest = new Map<string, number>();
  /** The longest task of each phase with its garbage-collection pauses taken off. */
  private readonly longestOwn = new Map<string, number>();
  private readonly gcPauses: { start: number; end: number }[] = [];
  private readonly gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) this.gcPauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  private readonly longTasks = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private last = 0;
  private lastHr = 0n;
  /** Long tasks as monotonic-clock windows (µs, the clock of V8's CPU profiles), to find them in a profile. */
  readonly windows: { phase: string; startUs: number; endUs: number }[] = [];
  /** What the scenario is doing now; a gap counts for the phase current when it ends. */
  phase = 'idle';

  start(): void {
    this.last = performance.now();
    this.lastHr = process.hrtime.bigint();
    this.gcObserver.observe({ entryTypes: ['gc'] });
    this.timer = nodeTimers.setInterval(() => {
      const now = performance.now();
      const hr = process.hrtime.bigint();
      const gap = now - this.last;
      if (gap > (this.longest.get(this.phase) ?? 0)) this.longest.set(this.phase, gap);
      const own = gap - this.gcWithin(this.last, now);
      if (own > (this.longestOwn.get(this.phase) ?? 0)) this.longestOwn.set(this.phase, own);
      if (gap > 50) {
        this.longTasks.set(this.phase, (this.longTasks.get(this.phase) ?? 0) + 1);
        this.windows.push({ phase: this.phase, startUs: Number(this.lastHr / 1000n), endUs: Number(hr / 1000n) });
      }
      this.last = now;
      this.lastHr = hr;
    }, 1);
  }

  /** Stop; with ZCN_BENCH_LONG_TASKS=file, write the long tasks' windows there (for .cpuprofile analysis). */
  stop(): void {
    if (this.timer) nodeTimers.clearInterval(this.timer);
    this.timer = null;
    this.gcObserver.disconnect();
    const file = process.env.ZCN_BENCH_LONG_TASKS;
    if (file) writeFileSync(file, JSON.stringify(this.windows));
  }

  /** The longest task seen in `phase`, in ms (the heartbeat's own millisecond taken off). */
  longestIn(phase: string): number {
    return Math.max(0, (this.longest.get(phase) ?? 0) - 1);
  }

  /** The longest task seen in `phase` once its garbage-collection pauses are taken off, in ms. */
  longestOwnIn(phase: string): number {
    return Math.max(0, (this.longestOwn.get(phase) ?? 0) - 1);
  }

  /** Milliseconds of garbage-collection pauses between `from` and `to`. */
  private gcWithin(from: number, to: number): number {
    let total = 0;
    for (const p of this.gcPauses) total += Math.max(0, Math.min(to, p.end) - Math.max(from, p.start));
    while (this.gcPauses.length > 0 && this.gcPauses[0].end < from - 1000) this.gcPauses.shift();
    return total;
  }

  /** Tasks over 50 ms in `phase`. */
  longTasksIn(phase: string): number {
    return this.longTasks.get(phase) ?? 0;
  }
}

/** Wait `ms` of real time on Node's own timers (never throttled). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => nodeTimers.setTimeout(resolve, ms));
}

/** Poll `done` every 5 ms (Node's own timers) until it holds or `timeoutMs` passes; returns the time waited. */
export async function waitFor(done: () => boolean, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await sleep(5);
  }
  return performance.now() - start;
}
