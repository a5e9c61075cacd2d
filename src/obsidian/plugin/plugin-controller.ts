/**
 * Everything the plugin runs, wired together: the exports (one or several, see ExportSet), their libraries (the
 * library shelf), the sync scheduler and the automatic sync, the concept and "Cited in" watchers, the status bar, the notices and the standing problems.
 * Created in onload (cheap: nothing is read), started after the layout is ready, stopped on unload. Reacts to
 * settings changes at once, so no restart is needed.
 */
import type { App, Plugin, TAbstractFile } from 'obsidian';
import { EXPORT_ON_ANOTHER_COMPUTER, type SettleTimers } from '../../core/export';
import { LibraryShelf, type LibraryParser, type Paper, type ShelfLibrary } from '../../core/library';
import type { Settings } from '../../core/settings';
import { exportSourcesReadNow, ExportProblems, knownExports, loadedExportSources, StandingProblems, type SyncProgress } from '../../core/sync';
import { errorMessage } from '../../core/text';
import { CitedInWatcher } from '../citations/cited-in-watcher';
import { ConceptWatcher } from '../concepts/concept-watcher';
import { ExportFileError, ExportFiles, nodeModules, type NodeModules } from '../export/export-file';
import { ExportSet } from '../export/export-set';
import { nodeFileWatchFactory, type FileWatchFactory } from '../export/export-watcher';
import { createLibraryParser } from '../export/library-worker';
import type { DeviceStore } from '../settings/device-store';
import type { PluginSettingsStore } from '../settings/settings-store';
import { AutoSync } from '../sync/auto-sync';
import { SyncScheduler, type SyncAttempt, type SyncTrigger } from '../sync/sync-scheduler';
import { resolveLanguage } from './note-language';
import { withVaultPaths } from '../vault/vault-folders';
import type { CoreServices, ExportRequest, ServiceContext } from './core-services';
import { Notices } from './notices';
import { StatusBarState, type StatusBar } from './status-bar';
import { isUnloadedError, PluginUnloadedError, UnloadGuard } from './unload-guard';

export interface ControllerOptions {
  services: CoreServices;
  /** This device's own settings (local storage). */
  device: DeviceStore;
  /** Injectable for tests; default: a Web Worker where there is one, else the reader in this thread. */
  createParser?: () => LibraryParser;
  /** Injectable for tests; default: Node's modules on desktop, null on mobile. */
  node?: () => NodeModules | null;
  /** Injectable for tests; default: Node's fs.watch (desktop only). */
  watchFile?: FileWatchFactory | null;
  /** Stopped with the controller, so the runs of the services built with it stop too; default: one of its own. */
  unloadGuard?: UnloadGuard;
}

const windowTimers: SettleTimers = {
  set: (callback, ms) => window.setTimeout(callback, ms),
  clear: (handle) => window.clearTimeout(handle as number),
};


export class PluginController {
  readonly files: ExportFiles;
  readonly exports: ExportSet;
  readonly library: LibraryShelf;
  readonly syncScheduler: SyncScheduler;
  readonly services: CoreServices;
  readonly notices = new Notices();
  readonly problems = new StandingProblems();
  /** What is wrong with each export, as the standing problem of kind `export`. */
  readonly exportProblems: ExportProblems;
  readonly device: DeviceStore;
  private readonly autoSync: AutoSync;
  private readonly conceptWatcher: ConceptWatcher;
  private readonly citedInWatcher: CitedInWatcher;
  private readonly status: StatusBarState;
  private started = false;
  private stopped = false;
  private readonly unsubscribers: (() => void)[] = [];
  private readonly node: () => NodeModules | null;
  readonly app: App;
  private readonly unloadGuard: UnloadGuard;

  constructor(
    /** The plugin: its app, and `registerEvent`/`register` so unload releases what the controller takes. */
    private readonly plugin: Plugin,
    readonly settings: PluginSettingsStore,
    options: ControllerOptions,
  ) {
    const app = (this.app = plugin.app);
    this.services = options.services;
    this.device = options.device;
    this.unloadGuard = options.unloadGuard ?? new UnloadGuard();
    const node = (this.node = options.node ?? nodeModules);
    this.files = new ExportFiles(app, node);
    this.exports = new ExportSet(app, settings, node);
    this.exportProblems = new ExportProblems(this.problems, () => this.library.names);
    this.library = new LibraryShelf({
      exports: () => this.exports.shelfExports(this.files),
      createParser: options.createParser ?? createLibraryParser,
      now: () => new Date(),
      pause: this.unloadGuard.yieldToUi,
      timers: windowTimers,
    });
    this.status = new StatusBarState({ exportSet: () => this.exports.configured, library: this.library, problems: this.problems });
    this.syncScheduler = new SyncScheduler({
      prepare: (library) => this.prepareSync(library),
      sync: (request) => this.services.syncLibrary(request),
      now: () => new Date(),
      notices: this.notices,
      problems: this.problems,
      noticeAfterAutoSync: () => this.settings.settings.autoSyncNotice,
    });
    this.autoSync = new AutoSync({
      app,
      files: this.files,
      library: this.library,
      scheduler: this.syncScheduler,
      device: this.device,
      problems: this.exportProblems,
      exports: this.exports,
      quietMs: () => this.settings.settings.autoSyncDelayMs,
      // Node is only looked up when an export outside the vault is watched, never during onload.
      watchFile: options.watchFile !== undefined ? options.watchFile : (path, onChange) => nodeWatch(node, path, onChange),
      canReadOutsideVault: () => node() !== null,
      sync: (library) => this.sync('auto', library),
    });
    this.conceptWatcher = new ConceptWatcher({ app, services: this.services, context: () => this.context(), problems: this.problems, notices: this.notices });
    this.citedInWatcher = new CitedInWatcher({
      app,
      services: this.services,
      context: () => this.context(),
      libraryKeys: () => this.library.current,
      problems: this.problems,
      notices: this.notices,
    });
    this.unsubscribers.push(
      this.library.onChange(() => this.status.render()),
      this.syncScheduler.onChange((event) => this.onSyncEvent(event.running, event.progress, event.outcome)),
      this.settings.onChange((next, previous) => this.onSettingsChanged(next, previous)),
      this.problems.onChange(() => this.status.render()),
    );
  }

  /** Whether any export is set. */
  exportsSet(): boolean {
    return this.exports.configured;
  }

  /** Every export is a file on a computer and this device (a phone) can read none of them. */
  exportOnAnotherComputer(): boolean {
    return this.exports.allOnAnotherComputer();
  }

  /** Whether this device syncs when the export changes. */
  autoSyncEnabled(): Promise<boolean> {
    return this.autoSync.enabled();
  }

  /** What every core operation gets, taken now (settings, language, the note being edited, this device). */
  context(): ServiceContext {
    const settings = withVaultPaths(this.app, this.settings.settings);
    const activePath = this.app.workspace.activeEditor?.file?.path ?? null;
    return { settings, language: resolveLanguage(settings.headingsLanguage), now: new Date(), activePath, device: this.device.deviceId };
  }

  attachStatusBar(statusBar: StatusBar): void {
    this.status.attach(statusBar);
  }

  /** After the layout is ready: load the library, learn the last sync time, watch the export and the concepts. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.conceptWatcher.start(this.plugin);
    this.citedInWatcher.start(this.plugin);
    // Which papers have a note is cached; a note deleted or renamed by the user makes that stale.
    const { vault } = this.app;
    const notesChanged = (file: TAbstractFile) => {
      if (file.path.endsWith('.md')) this.services.notesChanged();
    };
    this.plugin.registerEvent(vault.on('delete', notesChanged));
    this.plugin.registerEvent(vault.on('rename', notesChanged));
    // Stored as a vault path, the new setting loads the library itself (onSettingsChanged); else load it now.
    void this.exports.storeAsVaultPaths().then(
      (stored) => stored || this.loadAndWatch(),
      () => this.loadAndWatch(),
    );
  }

  /** Release the watchers, the listeners and any pending timer; a sync or concept run still going stops at its next step. */
  stop(): void {
    this.stopped = true;
    this.unloadGuard.stop();
    this.library.dispose(new PluginUnloadedError());
    this.conceptWatcher.stop();
    this.citedInWatcher.stop();
    this.autoSync.stop();
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
  }

  /** Sync now (ribbon, command, status bar) or because the export changed (then with the library just loaded). */
  sync(trigger: SyncTrigger, library?: ShelfLibrary): Promise<SyncAttempt> {
    return this.syncScheduler.run(trigger, library);
  }

  /** The library of every export, loading it if needed (for the import modal and the citation search). */
  loadLibrary(): Promise<ShelfLibrary> {
    return this.library.load();
  }

  /** The path to store for a typed export path (an absolute one inside the vault as a vault path), or null. */
  vaultPathOfExport(setting: string): string | null {
    return this.exports.vaultPathOf(setting);
  }

  /**
   * Open the library (or say why it cannot be here), then watch the export. An export the last sync read is not
   * parsed at all: its paper count comes from the sync state. One that changed meanwhile (Obsidian was closed, the
   * path changed) is loaded, and synced once it has settled, when this device syncs by itself.
   */
  private loadAndWatch(): void {
    if (this.stopped) return;
    this.autoSync.watch();
    const located = this.exports.locations();
    if (located.length === 0) return;
    for (const { name, location } of located) if (this.exports.unreachable(location)) this.exportProblems.set(name, EXPORT_ON_ANOTHER_COMPUTER);
    if (this.exportOnAnotherComputer()) return;
    this.openLibrary().then(
      (opened) => {
        for (const { name, location } of located) if (!this.exports.unreachable(location)) this.exportProblems.set(name, null);
        for (const { name, error } of opened.failed) if (!isUnloadedError(error)) this.exportProblems.set(name, errorMessage(error));
        for (const name of opened.loaded) void this.autoSync.poke(name);
      },
      (err: unknown) => isUnloadedError(err) || this.problems.set('export', errorMessage(err)),
    );
  }

  /**
   * The libraries at start-up (or for new export paths), each parsed only when it is not the export the last sync
   * read; those of exports this device cannot read are not even tried.
   */
  private async openLibrary(): Promise<{ loaded: string[]; failed: { name: string; error: Error }[] }> {
    const head = await this.services.syncHead().catch(() => null);
    const at = head?.lastExport ? new Date(head.lastExport.syncedAt) : null;
    if (at && !Number.isNaN(at.getTime())) this.status.syncedBefore(at);
    this.status.render();
    if (this.stopped) return { loaded: [], failed: [] };
    const reachable = new Set(this.exports.locations().flatMap((l) => (this.exports.unreachable(l.location) ? [] : [l.name])));
    const known = knownExports(head, this.library.names);
    const total = head?.exports ? (head.lastExport?.paperCount ?? null) : null;
    const opened = await this.library.open(
      this.library.names.map((name, i) => (reachable.has(name) ? known[i] : null)),
      total,
    );
    return { loaded: opened.loaded, failed: opened.failed.filter((f) => reachable.has(f.name)) };
  }

  /** One whole paper of the library (loading it if needed): the library keeps compact entries, papers on demand. */
  async paper(citekey: string): Promise<Paper> {
    return (await this.loadLibrary()).paper(citekey);
  }

  /** What a sync or an import of this library gets: every export, as loaded (a failed one with its error). */
  exportOf(library: ShelfLibrary): ExportRequest {
    return loadedExportSources(library);
  }

  private async prepareSync(library?: ShelfLibrary) {
    // An automatic sync gets the library the settled export was just loaded into. A manual one reads each export
    // and takes its fingerprint: an export the last sync read is skipped without parsing; any other is parsed
    // (once: an unchanged one is not parsed twice, see LibraryCache). Read and parsed, an export's problem is gone.
    if (library) return { ...this.context(), ...this.exportOf(library) };
    const none = () => new ExportFileError('Set the Better BibTeX export file in the plugin settings first.');
    return { ...this.context(), ...(await exportSourcesReadNow(this.library, none, (name) => this.exportProblems.set(name, null))) };
  }

  private onSettingsChanged(next: Settings, previous: Settings): void {
    if (next.exportPaths.join('\n') !== previous.exportPaths.join('\n')) {
      this.library.clear();
      this.exportProblems.clear();
      if (this.started) this.loadAndWatch();
    } else if (next.autoSyncDelayMs !== previous.autoSyncDelayMs) {
      this.autoSync.watch();
    }
    if (next.citedInSections && !previous.citedInSections && this.started) this.citedInWatcher.scheduleFullRun();
    this.status.render();
  }

  private onSyncEvent(running: boolean, progress: SyncProgress | null, outcome?: SyncAttempt): void {
    this.status.syncChanged(running, progress, outcome?.status === 'done' ? outcome.finishedAt : undefined);
    if (outcome?.status === 'done') {
      // Synced, or skipped as the very exports a sync read before: they are readable (one that failed is in the
      // sync's own problem, with its file name).
      this.exportProblems.clear();
    }
    this.status.render();
  }
}

function nodeWatch(node: () => NodeModules | null, path: string, onChange: () => void) {
  const modules = node();
  if (!modules) throw new Error('watching a file outside the vault needs the desktop app');
  return nodeFileWatchFactory(modules)(path, onChange);
}
