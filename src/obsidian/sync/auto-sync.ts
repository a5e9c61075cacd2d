/**
 * Syncing when an export changes, on this device. Watches every export of the settings (the vault's events, or
 * Node's watcher on a file outside the vault, desktop only), each on its own; waits until a rewrite by Better
 * BibTeX has settled, reloads that export's library and syncs them all when this device syncs automatically: as chosen on this device (DeviceStore), else on for a desktop
 * that can see the export and off on a phone. Whatever goes wrong on the way is a standing problem (status bar,
 * settings tab), never a notice: nobody asked for this run.
 *
 * Settling by content: half a second after the last change the export is read (the library worker starts at the
 * first change, so it is ready), and synced at once when its content shows it is whole and a second look finds the
 * file as it was; otherwise the full auto-sync wait is the fallback (see ExportSettler).
 */
import { Platform, type App } from 'obsidian';
import type { SettleOutcome, SettleRun, SettleTimers } from '../../core/export';
import type { LibraryShelf, LoadedLibrary, ShelfLibrary } from '../../core/library';
import { autoSyncOnDevice } from '../../core/settings';
import { isIncompleteExportError, type ExportProblems } from '../../core/sync';
import { errorMessage } from '../../core/text';
import type { ExportFiles } from '../export/export-file';
import type { ExportSet } from '../export/export-set';
import { ExportWatcher, type FileWatchFactory } from '../export/export-watcher';
import { isUnloadedError } from '../plugin/unload-guard';
import type { DeviceStore } from '../settings/device-store';
import type { SyncAttempt, SyncScheduler } from './sync-scheduler';

export interface AutoSyncDeps {
  app: App;
  files: ExportFiles;
  library: LibraryShelf;
  scheduler: SyncScheduler;
  device: DeviceStore;
  problems: ExportProblems;
  exports: ExportSet;
  quietMs(): number;
  /** How to watch a file outside the vault; null where that is impossible. */
  watchFile: FileWatchFactory | null;
  /** Whether this device can read files outside the vault (the desktop app). */
  canReadOutsideVault(): boolean;
  /** An automatic sync with the library just loaded. */
  sync(library: ShelfLibrary): Promise<SyncAttempt>;
}

/**
 * Quiet time after a change before the export is read, when its content may show it is whole (a BBT rewrite
 * arrives in one write, or in chunks a few hundred milliseconds apart); the auto-sync wait is the fallback.
 */
const EARLY_SETTLE_MS = 500;

const windowTimers: SettleTimers = {
  set: (callback, ms) => window.setTimeout(callback, ms),
  clear: (handle) => window.clearTimeout(handle as number),
};

export class AutoSync {
  private watchers = new Map<string, ExportWatcher>();
  private stopped = false;

  constructor(private readonly deps: AutoSyncDeps) {}

  /** Whether this device syncs when the export changes (its own choice, else the device default). */
  async enabled(): Promise<boolean> {
    const chosen = this.deps.device.autoSyncChoice;
    if (chosen !== null) return chosen;
    return autoSyncOnDevice(null, { mobile: Platform.isMobile, exportReachable: await this.exportReachable() });
  }

  /** (Re)watch each export where the settings say; none this device cannot see (a file on a computer, on a phone). */
  watch(): void {
    for (const watcher of this.watchers.values()) watcher.stop();
    this.watchers.clear();
    if (this.stopped) return;
    for (const { name, location } of this.deps.exports.locations()) {
      if (location.kind === 'external' && !this.deps.canReadOutsideVault()) continue; // said by the library load
      const watcher = new ExportWatcher({
        app: this.deps.app,
        files: this.deps.files,
        location,
        quietMs: this.deps.quietMs(),
        earlyMs: Math.min(EARLY_SETTLE_MS, this.deps.quietMs()),
        timers: windowTimers,
        watchFile: this.deps.watchFile,
        onSettled: (run) => this.onSettled(name, run),
        onChange: () => this.deps.library.warm(name),
        onProblem: (message) => this.deps.problems.set(name, message),
      });
      this.watchers.set(name, watcher);
      watcher.start();
    }
  }

  /** Treat an export (all, without a name) as changed now (at start-up: it may have changed while Obsidian was closed). */
  async poke(name?: string): Promise<void> {
    if (!(await this.enabled())) return;
    for (const [n, watcher] of this.watchers) if (name === undefined || n === name) watcher.poke();
  }

  stop(): void {
    this.stopped = true;
    for (const watcher of this.watchers.values()) watcher.stop();
    this.watchers.clear();
  }

  /** Whether this device can see any of the exports. */
  private async exportReachable(): Promise<boolean> {
    for (const { location } of this.deps.exports.locations()) {
      if (location.kind === 'external' && !this.deps.canReadOutsideVault()) continue;
      if ((await this.deps.files.fingerprint(location)) !== null) return true;
    }
    return false;
  }

  /**
   * An export changed and settled: reload its library, then sync every export (the others as loaded) if this device
   * syncs by itself. An early try (before the full wait) goes ahead only for an export whose content shows it is
   * whole.
   */
  private async onSettled(name: string, run: SettleRun): Promise<SettleOutcome> {
    let loaded: LoadedLibrary;
    let library: ShelfLibrary;
    try {
      const cache = this.deps.library.cache(name);
      if (!cache) return 'done'; // no longer in the settings
      loaded = await cache.reload();
      this.deps.problems.set(name, null);
    } catch (err) {
      if (isIncompleteExportError(err)) return 'retry';
      if (!isUnloadedError(err)) this.deps.problems.set(name, errorMessage(err));
      return 'done';
    }
    if (run.early && !(loaded.complete && (await run.unchanged()))) return 'wait';
    if (!(await this.enabled())) return 'done';
    // A sync still running read the export before this change: let it end, then sync the new text.
    if (this.deps.scheduler.running) await this.deps.scheduler.run('auto');
    try {
      library = await this.deps.library.load(); // the other exports as loaded (or read now); one failing is reported by the sync
    } catch (err) {
      if (!isUnloadedError(err)) this.deps.problems.set(name, errorMessage(err));
      return 'done';
    }
    const outcome = await this.deps.sync(library);
    return outcome.status === 'failed' && isIncompleteExportError(outcome.error) ? 'retry' : 'done';
  }
}
