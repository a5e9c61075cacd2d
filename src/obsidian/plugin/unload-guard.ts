/**
 * Whether the plugin is still loaded. Long runs (a sync, a concept run, the library load) pause between steps
 * through `yieldToUi`, which yields to the UI once the time slice is used up (TimeSlicer, MessageChannel messages
 * that a hidden window does not throttle), and every note and state write passes `check`: once the plugin is
 * unloaded both throw PluginUnloadedError, so a run stops at its next step and nothing is written after unload (a
 * plugin being uninstalled must not recreate its folder or touch notes). The error is a cancellation, never shown
 * to the user.
 * A child component of the plugin, so Obsidian's own unload stops it even if nothing else does.
 */
import { Component } from 'obsidian';
import { TimeSlicer, type Pause } from '../../core/scheduling';

export class PluginUnloadedError extends Error {
  constructor() {
    super('The plugin was unloaded; the run stopped.');
    this.name = 'PluginUnloadedError';
  }
}

/** A run stopped because the plugin was unloaded: say nothing. Told apart by name (lazily loaded modules throw it too). */
export function isUnloadedError(err: unknown): boolean {
  return err instanceof Error && err.name === 'PluginUnloadedError';
}

export class UnloadGuard extends Component {
  private stopped = false;

  /** `slicer`: how long runs share the thread (injectable for tests). */
  constructor(private readonly slicer = new TimeSlicer()) {
    super();
  }

  override onunload(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** The plugin is unloading: every run stops at its next yield or write. */
  stop(): void {
    this.stopped = true;
  }

  /** Throws PluginUnloadedError once the plugin is unloaded. */
  check(): void {
    if (this.stopped) throw new PluginUnloadedError();
  }

  /**
   * Awaited between the steps of a long run: yields to Obsidian once the time slice is used up (see TimeSlicer);
   * throws PluginUnloadedError once the plugin is unloaded.
   */
  readonly yieldToUi: Pause = () => {
    this.check();
    return this.slicer.pause()?.then(() => this.check());
  };

  /** Yield to Obsidian now, whatever is left of the time slice (before a step that cannot be cut). */
  readonly yieldNow = async (): Promise<void> => {
    this.check();
    await this.slicer.yieldNow();
    this.check();
  };
}
