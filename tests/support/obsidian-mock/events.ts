/**
 * Obsidian's `Events` and `EventRef` (https://docs.obsidian.md/Reference/TypeScript+API/Events).
 * Listeners are counted so a test can check that a plugin's unload released every one it took.
 */

type Callback = (...data: unknown[]) => unknown;

/** https://docs.obsidian.md/Reference/TypeScript+API/EventRef */
export interface EventRef {
  readonly e: Events;
  readonly name: string;
  readonly fn: Callback;
  readonly ctx?: unknown;
}

export class Events {
  private readonly handlers = new Map<string, EventRef[]>();

  /** https://docs.obsidian.md/Reference/TypeScript+API/Events/on */
  on(name: string, callback: Callback, ctx?: unknown): EventRef {
    const ref: EventRef = { e: this, name, fn: callback, ctx };
    const list = this.handlers.get(name) ?? [];
    list.push(ref);
    this.handlers.set(name, list);
    return ref;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Events/off */
  off(name: string, callback: Callback): void {
    const list = this.handlers.get(name);
    if (list) this.handlers.set(name, list.filter((r) => r.fn !== callback));
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Events/offref */
  offref(ref: EventRef): void {
    const list = this.handlers.get(ref.name);
    if (list) this.handlers.set(ref.name, list.filter((r) => r !== ref));
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Events/trigger */
  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) ref.fn.apply(ref.ctx, data);
  }

  /** Mock only: listeners still registered (for one event name, or all). */
  listenerCount(name?: string): number {
    if (name !== undefined) return this.handlers.get(name)?.length ?? 0;
    let n = 0;
    for (const list of this.handlers.values()) n += list.length;
    return n;
  }
}
