/**
 * Long runs (a 10,000-paper sync, a concept rebuild, unpacking the library) share the main thread with Obsidian's
 * UI. They call `pause()` between steps, as often as they like: it returns at once while the current slice of time
 * lasts (about 10 ms), and yields to the event loop once it is used up, so no task blocks the UI for long, however
 * uneven the steps. The yield is a `MessageChannel` message: timers are throttled to once a second in a hidden
 * window (so `setTimeout(0)` per step crawls exactly when Obsidian sits behind Zotero); messages are not.
 * Pure: `MessageChannel` and `performance` are globals in browsers and in Node alike.
 */

/** Awaited between the steps of a long run. Undefined when no yield is due (`await` it all the same). */
export type Pause = () => Promise<void> | undefined;

export interface TimeSlicerOptions {
  /** How long a run may keep the thread before it yields; default 10 ms. */
  sliceMs?: number;
  /** The clock (ms); default `performance.now`. */
  now?: () => number;
  /** How to yield; default a MessageChannel message. */
  yieldToEventLoop?: () => Promise<void>;
}

export class TimeSlicer {
  private readonly sliceMs: number;
  private readonly now: () => number;
  private readonly yieldToEventLoop: () => Promise<void>;
  private sliceStart: number;
  /** The yield under way: every run pausing meanwhile waits for the same one (one task boundary, not many). */
  private pending: Promise<void> | null = null;

  constructor(options: TimeSlicerOptions = {}) {
    this.sliceMs = options.sliceMs ?? 10;
    this.now = options.now ?? (() => performance.now());
    this.yieldToEventLoop = options.yieldToEventLoop ?? yieldToEventLoop;
    this.sliceStart = this.now();
  }

  /** Yield when the slice is used up (or join the yield under way); otherwise nothing to wait for. */
  readonly pause: Pause = () => {
    if (this.pending) return this.pending;
    return this.now() - this.sliceStart < this.sliceMs ? undefined : this.yieldNow();
  };

  /** Yield now (e.g. before a step known to be long); a new slice starts when the run resumes. */
  yieldNow(): Promise<void> {
    this.pending ??= this.yieldToEventLoop().then(() => {
      this.pending = null;
      this.sliceStart = this.now();
    });
    return this.pending;
  }
}

/** A MessagePort as Node has it too: ref/unref decide whether it keeps the process alive. */
type NodeAwarePort = MessagePort & { ref?: () => void; unref?: () => void };

let channel: { send: NodeAwarePort; receive: NodeAwarePort } | null = null;
const waiting: (() => void)[] = [];

/**
 * Resolve in a task of its own, after the tasks already queued (input, paint), through a MessageChannel message.
 * Under Node the port holds the process open only while a yield waits, so a CLI run still ends by itself.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      const { port1, port2 } = new MessageChannel();
      const receive: NodeAwarePort = port1;
      receive.onmessage = () => {
        waiting.shift()?.();
        if (waiting.length === 0) receive.unref?.();
      };
      channel = { send: port2, receive };
    }
    waiting.push(resolve);
    channel.receive.ref?.();
    channel.send.postMessage(null);
  });
}
