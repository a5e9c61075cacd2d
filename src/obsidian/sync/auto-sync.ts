/**
 * Syncing when the export changes, on this device. Watches the export (the vault's events, or Node's watcher on a
 * file outside the vault, desktop only), waits until a rewrite by Better BibTeX has settled, reloads the library
 * and syncs it when this device syncs automatically: as chosen on this device (DeviceStore), else on for a desktop
 * that can see the export and off on a phone. Whatever goes wrong on the way is a standing problem (status bar,
 * settings tab), never a notice: nobody asked for this run.
 *
 * Settling by content: half a second after the last change the export is read (the library worker starts at the
 * first change, so it is ready), and synced at once when its content shows it is whole and a second look finds the
 * file as it was; otherwise the full auto-sync wait is the fallback (see ExportSettler).
 */
import { Platform, type App } from 'obsidian';
import type { SettleOutcome, SettleRun, SettleTimers } from '../../core/export';
import type { LibraryCache, LoadedLibrary } from '../../core/library';
import { autoSyncOnDevice } from '../../core/settings';
import { isIncompleteExportError, type StandingProblems } from '../../core/sync';
import { errorMessage } from '../../core/text';
import type { ExportFiles, ExportLocation } from '../export/export-file';
import { ExportWatcher, type FileWatchFactory } from '../export/export-watcher';
import { isUnloadedError } from '../plugin/unload-guard';
import type { DeviceStore } from '../settings/device-store';
import type { SyncAttempt, SyncScheduler } from './sync-scheduler';

export interface AutoSyncDeps {
  app: App;
  files: ExportFiles;
  library: LibraryCache;
  scheduler: SyncScheduler;
  device: DeviceStore;
  problems: StandingProblems;
  location(): ExportLocation;
  quietMs(): number;
  /** How to watch a file outside the vault; null where that is impossible. */
  watchFile: FileWatchFactory | null;
  /** Whether this device can read files outside the vault (the desktop app). */
  canReadOutsideVault(): boolean;
  /** An automatic sync with the library just loaded. */
  sync(library: LoadedLibrary): Promise<SyncAttempt>;
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
  private watcher: ExportWatcher | null = null;
  private stopped = false;

  constructor(private readonly deps: AutoSyncDeps) {}

  /** Whether this device syncs when the export changes (its own choice, else the device default). */
  async enabled(): Promise<boolean> {
    const chosen = this.deps.device.autoSyncChoice;
    if (chosen !== null) return chosen;
    return autoSyncOnDevice(null, { mobile: Platform.isMobile, exportReachable: await this.exportReachable() });
  }

  /** (Re)watch the export where the settings say; nothing for an unset path or one this device cannot see. */
  watch(): void {
    this.watcher?.stop();
    this.watcher = null;
    const location = this.deps.location();
    if (this.stopped || location.kind === 'unset') return;
    if (location.kind === 'external' && !this.deps.canReadOutsideVault()) return; // said by the library load
    this.watcher = new ExportWatcher({
      app: this.deps.app,
      files: this.deps.files,
      location,
      quietMs: this.deps.quietMs(),
      earlyMs: Math.min(EARLY_SETTLE_MS, this.deps.quietMs()),
      timers: windowTimers,
      watchFile: this.deps.watchFile,
      onSettled: (run) => this.onSettled(run),
      onChange: () => this.deps.library.warm(),
      onProblem: (message) => this.deps.problems.set('export', message),
    });
    this.watcher.start();
  }

  /** Treat the export as changed now (at start-up: it may have changed while Obsidian was closed). */
  async poke(): Promise<void> {
    if (await this.enabled()) this.watcher?.poke();
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.stop();
    this.watcher = null;
  }

  private async exportReachable(): Promise<boolean> {
    const location = this.deps.location();
    if (location.kind === 'unset') return false;
    if (location.kind === 'external' && !this.deps.canReadOutsideVault()) return false;
    return (await this.deps.files.fingerprint(location)) !== null;
  }

  /**
   * The export changed and settled: reload the library, then sync it (read once) if this device syncs by itself. An
   * early try (before the full wait) goes ahead only for an export whose content shows it is whole.
   */
  private async onSettled(run: SettleRun): Promise<SettleOutcome> {
    let loaded: LoadedLibrary;
    try {
      loaded = await this.deps.library.reload();
      this.deps.problems.clear('export');
    } catch (err) {
      if (isIncompleteExportError(err)) return 'retry';
      if (!isUnloadedError(err)) this.deps.problems.set('export', errorMessage(err));
      return 'done';
    }
    if (run.early && !(loaded.complete && (await run.unchanged()))) return 'wait';
    if (!(await this.enabled())) return 'done';
    // A sync still running read the export before this change: let it end, then sync the new text.
    if (this.deps.scheduler.running) await this.deps.scheduler.run('auto');
    const outcome = await this.deps.sync(loaded);
    return outcome.status === 'failed' && isIncompleteExportError(outcome.error) ? 'retry' : 'done';
  }
}
