/**
 * Everything the plugin runs, wired together: the vault adapter, the export reader and watcher, the library
 * cache, the sync scheduler, the concept watcher and the status bar. Created in onload (cheap: nothing is read),
 * started after the layout is ready, stopped on unload. Reacts to settings changes at once, so no restart is needed.
 */
import { getLanguage, Notice, type App, type Plugin, type TAbstractFile } from 'obsidian';
import type { SettleOutcome, SettleRun, SettleTimers } from '../../core/export';
import { LibraryCache, type ExportSnapshot, type LibraryParser, type LoadedLibrary } from '../../core/library';
import { resolveNoteLanguage, type NoteLanguage } from '../../core/notes';
import type { Settings } from '../../core/settings';
import type { SyncProgress } from '../../core/sync';
import { errorMessage } from '../../core/text';
import { ConceptWatcher } from '../concepts/concept-watcher';
import { ExportFiles, ExportFileError, locateExport, nodeModules, type ExportLocation, type NodeModules } from '../export/export-file';
import { ExportWatcher, nodeFileWatchFactory, type FileWatchFactory } from '../export/export-watcher';
import { createLibraryParser } from '../export/library-worker';
import type { PluginSettingsStore } from '../settings/settings-store';
import { isIncompleteExportError, SyncScheduler, type SyncAttempt, type SyncTrigger } from '../sync/sync-scheduler';
import { ObsidianVault } from '../vault/obsidian-vault';
import type { CoreServices, ExportRequest, ServiceContext } from './core-services';
import type { StatusBar } from './status-bar';
import { isUnloadedError, PluginUnloadedError, UnloadGuard } from './unload-guard';

export interface ControllerOptions {
  services: CoreServices;
  /** Injectable for tests; default: a Web Worker where there is one, else the reader in this thread. */
  createParser?: () => LibraryParser;
  /** Injectable for tests; default: Node's modules on desktop, null on mobile. */
  node?: () => NodeModules | null;
  /** Injectable for tests; default: Node's fs.watch (desktop only). */
  watchFile?: FileWatchFactory | null;
  /** Stopped with the controller, so the runs of the services built with it stop too; default: one of its own. */
  unloadGuard?: UnloadGuard;
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

/** Resolve the headings language setting against Obsidian's language. */
export function resolveLanguage(setting: Settings['headingsLanguage']): NoteLanguage {
  return resolveNoteLanguage(setting, getLanguage());
}

/** A folder or file setting as Obsidian writes vault paths (`normalizePath`); left as typed when it is unusable. */
function vaultPathSetting(path: string): string {
  if (path.trim() === '') return path;
  try {
    return ObsidianVault.toVaultPath(path);
  } catch {
    return path; // the core rejects it with a clear message (e.g. "..")
  }
}

/** The settings with every vault path in Obsidian's form, so the core compares them with the vault's own paths. */
export function withVaultPaths(settings: Settings): Settings {
  return {
    ...settings,
    notesFolder: vaultPathSetting(settings.notesFolder),
    conceptsFolder: vaultPathSetting(settings.conceptsFolder),
    noteTemplatePath: vaultPathSetting(settings.noteTemplatePath),
    conceptScopeFolders: settings.conceptScopeFolders.map(vaultPathSetting),
  };
}

export class PluginController {
  readonly files: ExportFiles;
  readonly library: LibraryCache;
  readonly syncScheduler: SyncScheduler;
  readonly services: CoreServices;
  private watcher: ExportWatcher | null = null;
  private readonly conceptWatcher: ConceptWatcher;
  private statusBar: StatusBar | null = null;
  private lastSync: Date | null = null;
  private syncView: { running: boolean; progress: SyncProgress | null } = { running: false, progress: null };
  private started = false;
  private stopped = false;
  private readonly unsubscribers: (() => void)[] = [];
  private readonly watchFile: FileWatchFactory | null;
  private readonly node: () => NodeModules | null;
  private readonly app: App;
  private readonly unloadGuard: UnloadGuard;

  constructor(
    /** The plugin: its app, and `registerEvent`/`register` so unload releases what the controller takes. */
    private readonly plugin: Plugin,
    readonly settings: PluginSettingsStore,
    options: ControllerOptions,
  ) {
    const app = (this.app = plugin.app);
    this.services = options.services;
    this.unloadGuard = options.unloadGuard ?? new UnloadGuard();
    const node = options.node ?? nodeModules;
    this.node = node;
    this.files = new ExportFiles(app, node);
    // Node is only looked up when an export outside the vault is watched, never during onload.
    this.watchFile =
      options.watchFile !== undefined
        ? options.watchFile
        : (path, onChange) => {
            const modules = node();
            if (!modules) throw new Error('watching a file outside the vault needs the desktop app');
            return nodeFileWatchFactory(modules)(path, onChange);
          };
    this.library = new LibraryCache({
      readExport: () => this.files.readBytes(this.exportLocation()),
      createParser: options.createParser ?? createLibraryParser,
      now: () => new Date(),
      pause: this.unloadGuard.yieldToUi,
      timers: windowTimers,
    });
    this.syncScheduler = new SyncScheduler({
      prepare: (library) => this.prepareSync(library),
      sync: (request) => this.services.syncLibrary(request),
      now: () => new Date(),
    });
    this.conceptWatcher = new ConceptWatcher({ app, services: this.services, context: () => this.context() });
    this.unsubscribers.push(
      this.library.onChange(() => this.renderStatus()),
      this.syncScheduler.onChange((event) => this.onSyncEvent(event.running, event.progress, event.outcome)),
      this.settings.onChange((next, previous) => this.onSettingsChanged(next, previous)),
    );
  }

  /** Where the export is, per the settings ("unset" for an empty or invalid path). */
  exportLocation(): ExportLocation {
    try {
      return locateExport(this.settings.settings.exportPath);
    } catch {
      return { kind: 'unset' };
    }
  }

  /** What every core operation gets, taken now (settings, language, the note being edited). */
  context(): ServiceContext {
    const settings = withVaultPaths(this.settings.settings);
    const activePath = this.app.workspace.activeEditor?.file?.path ?? null;
    return { settings, language: resolveLanguage(settings.headingsLanguage), now: new Date(), activePath };
  }

  attachStatusBar(statusBar: StatusBar): void {
    this.statusBar = statusBar;
    this.renderStatus();
  }

  /** After the layout is ready: load the library, learn the last sync time, watch the export and the concepts. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.conceptWatcher.start(this.plugin);
    // Which papers have a note is cached; a note deleted or renamed by the user makes that stale.
    const { vault } = this.app;
    const notesChanged = (file: TAbstractFile) => {
      if (file.path.endsWith('.md')) this.services.notesChanged();
    };
    this.plugin.registerEvent(vault.on('delete', notesChanged));
    this.plugin.registerEvent(vault.on('rename', notesChanged));
    this.watchExport();
    this.startLibrary().catch((err: unknown) => isUnloadedError(err) || new Notice(`Zotero Concept Notes: ${errorMessage(err)}`, 0));
  }

  /**
   * The library at start-up. An export the last sync read is not parsed at all: its paper count comes from the sync
   * state. One that changed while Obsidian was closed is loaded, and synced once it has settled.
   */
  private async startLibrary(): Promise<void> {
    const last = await this.services.lastExport().catch(() => null);
    const at = last ? new Date(last.syncedAt) : null;
    if (at && !Number.isNaN(at.getTime())) this.lastSync ??= at;
    this.renderStatus();
    if (this.exportLocation().kind === 'unset') return;
    const loaded = await this.library.open(last);
    if (loaded && this.settings.settings.autoSync) this.watcher?.poke();
  }

  /** Release the watchers, the listeners and any pending timer; a sync or concept run still going stops at its next step. */
  stop(): void {
    this.stopped = true;
    this.unloadGuard.stop();
    this.library.dispose(new PluginUnloadedError());
    this.conceptWatcher.stop();
    this.watcher?.stop();
    this.watcher = null;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
  }

  /** Sync now (ribbon, command, status bar) or because the export changed (then with the library just loaded). */
  sync(trigger: SyncTrigger, library?: LoadedLibrary): Promise<SyncAttempt> {
    return this.syncScheduler.run(trigger, library);
  }

  /** The library, loading it if needed (for the import modal and the settings check). */
  loadLibrary(): Promise<LoadedLibrary> {
    return this.library.load();
  }

  /** What a sync or an import of this library gets. */
  exportOf(library: LoadedLibrary): ExportRequest {
    return { exportHash: library.fingerprint, readExport: () => Promise.resolve(library) };
  }

  private async prepareSync(library?: LoadedLibrary) {
    // An automatic sync gets the library the settled export was just loaded into. A manual one reads the export
    // and takes its fingerprint: an export the last sync read is skipped without parsing; any other is parsed
    // (once: an unchanged one is not parsed twice, see LibraryCache).
    if (library) return { ...this.context(), ...this.exportOf(library) };
    const snapshot: ExportSnapshot = await this.library.snapshot();
    return { ...this.context(), exportHash: snapshot.fingerprint, readExport: () => this.library.reload(snapshot) };
  }

  private watchExport(): void {
    this.watcher?.stop();
    this.watcher = null;
    const location = this.exportLocation();
    if (!this.started || this.stopped || location.kind === 'unset') return;
    // Mobile: an export outside the vault cannot be read at all; the library load already says so.
    if (location.kind === 'external' && !this.node()) return;
    this.watcher = new ExportWatcher({
      app: this.app,
      files: this.files,
      location,
      quietMs: this.settings.settings.autoSyncDelayMs,
      earlyMs: Math.min(EARLY_SETTLE_MS, this.settings.settings.autoSyncDelayMs),
      timers: windowTimers,
      watchFile: this.watchFile,
      onSettled: (run) => this.onExportSettled(run),
      onChange: () => this.library.warm(),
      onProblem: (message) => new Notice(`Zotero Concept Notes: ${message}`, 0),
    });
    this.watcher.start();
  }

  /**
   * The export changed and settled: reload the library, then sync it (read once) if auto-sync is on. An early try
   * (before the full wait) goes ahead only for an export whose content shows it is whole.
   */
  private async onExportSettled(run: SettleRun): Promise<SettleOutcome> {
    let loaded: LoadedLibrary;
    try {
      loaded = await this.library.reload();
    } catch (err) {
      if (isIncompleteExportError(err)) return 'retry';
      if (!(err instanceof ExportFileError) && !isUnloadedError(err)) new Notice(`Zotero Concept Notes: ${errorMessage(err)}`, 0);
      return 'done';
    }
    if (run.early && !(loaded.complete && (await run.unchanged()))) return 'wait';
    if (!this.settings.settings.autoSync) return 'done';
    // A sync still running read the export before this change: let it end, then sync the new text.
    if (this.syncScheduler.running) await this.syncScheduler.run('auto');
    const outcome = await this.sync('auto', loaded);
    return outcome.status === 'failed' && isIncompleteExportError(outcome.error) ? 'retry' : 'done';
  }

  private onSettingsChanged(next: Settings, previous: Settings): void {
    if (next.exportPath !== previous.exportPath) {
      this.library.clear();
      this.watchExport();
      if (this.started && this.exportLocation().kind !== 'unset') void this.library.load().catch(() => undefined);
    } else if (next.autoSyncDelayMs !== previous.autoSyncDelayMs) {
      this.watchExport();
    }
    this.renderStatus();
  }

  private onSyncEvent(running: boolean, progress: SyncProgress | null, outcome?: SyncAttempt): void {
    this.syncView = { running, progress };
    if (outcome?.status === 'done') this.lastSync = outcome.finishedAt;
    this.renderStatus();
  }

  private renderStatus(): void {
    this.statusBar?.render({
      exportSet: this.exportLocation().kind !== 'unset',
      library: this.library.state,
      paperCount: this.library.paperCount,
      syncing: this.syncView.running,
      progress: this.syncView.progress,
      lastSync: this.lastSync,
    });
  }
}
