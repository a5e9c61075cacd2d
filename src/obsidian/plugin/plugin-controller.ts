/**
 * Everything the plugin runs, wired together: the export reader, the library cache, the sync scheduler and the
 * automatic sync, the concept and "Cited in" watchers, the status bar, the notices and the standing problems.
 * Created in onload (cheap: nothing is read), started after the layout is ready, stopped on unload. Reacts to
 * settings changes at once, so no restart is needed.
 */
import type { App, Plugin, TAbstractFile } from 'obsidian';
import { EXPORT_ON_ANOTHER_COMPUTER, type SettleTimers } from '../../core/export';
import { LibraryCache, type LibraryParser, type LoadedLibrary, type Paper } from '../../core/library';
import type { Settings } from '../../core/settings';
import { StandingProblems, type SyncProgress } from '../../core/sync';
import { errorMessage } from '../../core/text';
import { CitedInWatcher } from '../citations/cited-in-watcher';
import { ConceptWatcher } from '../concepts/concept-watcher';
import { ExportFiles, nodeModules, type ExportLocation, type NodeModules } from '../export/export-file';
import { exportNameOf, ExportLocator } from '../export/export-locator';
import { nodeFileWatchFactory, type FileWatchFactory } from '../export/export-watcher';
import { createLibraryParser } from '../export/library-worker';
import type { DeviceStore } from '../settings/device-store';
import type { PluginSettingsStore } from '../settings/settings-store';
import { AutoSync } from '../sync/auto-sync';
import { SyncScheduler, type SyncAttempt, type SyncTrigger } from '../sync/sync-scheduler';
import { withVaultPaths } from '../vault/vault-folders';
import type { CoreServices, ExportRequest, ServiceContext } from './core-services';
import { resolveLanguage } from './note-language';
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
  readonly exportLocator: ExportLocator;
  readonly library: LibraryCache;
  readonly syncScheduler: SyncScheduler;
  readonly services: CoreServices;
  readonly notices = new Notices();
  readonly problems = new StandingProblems();
  readonly device: DeviceStore;
  private readonly autoSync: AutoSync;
  private readonly conceptWatcher: ConceptWatcher;
  private readonly citedInWatcher: CitedInWatcher;
  private readonly status: StatusBarState;
  private started = false;
  private stopped = false;
  private readonly unsubscribers: (() => void)[] = [];
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
    const node = options.node ?? nodeModules;
    this.files = new ExportFiles(app, node);
    this.exportLocator = new ExportLocator(app, () => this.settings.settings.exportPath, node);
    this.library = new LibraryCache({
      readExport: () => this.files.readBytes(this.exportLocation()),
      createParser: options.createParser ?? createLibraryParser,
      exportName: () => exportNameOf(this.exportLocation()),
      now: () => new Date(),
      pause: this.unloadGuard.yieldToUi,
      timers: windowTimers,
    });
    this.status = new StatusBarState({ exportSet: () => this.exportLocation().kind !== 'unset', library: this.library, problems: this.problems });
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
      problems: this.problems,
      location: () => this.exportLocation(),
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

  /** Where the export is, per the settings ("unset" for an empty or invalid path). */
  exportLocation(): ExportLocation {
    return this.exportLocator.location();
  }

  /** The export is a file on a computer and this device (a phone) cannot read it. */
  exportOnAnotherComputer(): boolean {
    return this.exportLocator.onAnotherComputer();
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
    void this.exportPathToVaultPath().then(
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
  sync(trigger: SyncTrigger, library?: LoadedLibrary): Promise<SyncAttempt> {
    return this.syncScheduler.run(trigger, library);
  }

  /** The library, loading it if needed (for the import modal and the settings check). */
  loadLibrary(): Promise<LoadedLibrary> {
    return this.library.load();
  }

  /** The export path to store instead of `setting`, an absolute path inside the vault (see ExportLocator), or null. */
  vaultPathOfExport(setting: string): string | null {
    return this.exportLocator.vaultPathOf(setting);
  }

  /** Store an absolute export path inside the vault as a vault path; whether it did. */
  private async exportPathToVaultPath(): Promise<boolean> {
    const inVault = this.vaultPathOfExport(this.settings.settings.exportPath);
    if (inVault === null) return false;
    await this.settings.update({ exportPath: inVault });
    return true;
  }

  /**
   * Open the library (or say why it cannot be here), then watch the export. An export the last sync read is not
   * parsed at all: its paper count comes from the sync state. One that changed meanwhile (Obsidian was closed, the
   * path changed) is loaded, and synced once it has settled, when this device syncs by itself.
   */
  private loadAndWatch(): void {
    if (this.stopped) return;
    this.autoSync.watch();
    if (this.exportLocation().kind === 'unset') return;
    if (this.exportOnAnotherComputer()) {
      this.problems.set('export', EXPORT_ON_ANOTHER_COMPUTER);
      return;
    }
    this.openLibrary().then(
      (loaded) => {
        this.problems.clear('export');
        if (loaded) void this.autoSync.poke();
      },
      (err: unknown) => isUnloadedError(err) || this.problems.set('export', errorMessage(err)),
    );
  }

  /** The library at start-up (or for a new export path), parsed only when it is not the export last synced. */
  private async openLibrary(): Promise<LoadedLibrary | null> {
    const last = await this.services.lastExport().catch(() => null);
    const at = last ? new Date(last.syncedAt) : null;
    if (at && !Number.isNaN(at.getTime())) this.status.syncedBefore(at);
    this.status.render();
    if (this.stopped) return null;
    return this.library.open(last);
  }

  /** One whole paper of the library (loading it if needed): the library keeps compact entries, papers on demand. */
  async paper(citekey: string): Promise<Paper> {
    return (await this.loadLibrary()).paper(citekey);
  }

  /** What a sync or an import of this library gets. */
  exportOf(library: LoadedLibrary): ExportRequest {
    return { exportHash: library.fingerprint, exportName: exportNameOf(this.exportLocation()), readExport: () => Promise.resolve(library) };
  }

  private async prepareSync(library?: LoadedLibrary) {
    // An automatic sync gets the library the settled export was just loaded into. A manual one reads the export
    // and takes its fingerprint: an export the last sync read is skipped without parsing; any other is parsed
    // (once: an unchanged one is not parsed twice, see LibraryCache).
    if (library) return { ...this.context(), ...this.exportOf(library) };
    const snapshot = await this.library.snapshot();
    const readExport = async () => {
      const loaded = await this.library.reload(snapshot);
      this.problems.clear('export'); // read and parsed: whatever was wrong with the export is not any more
      return loaded;
    };
    return { ...this.context(), exportHash: snapshot.fingerprint, exportName: snapshot.name, readExport };
  }

  private onSettingsChanged(next: Settings, previous: Settings): void {
    if (next.exportPath !== previous.exportPath) {
      this.library.clear();
      this.problems.clear('export');
      if (this.started) this.loadAndWatch();
    } else if (next.autoSyncDelayMs !== previous.autoSyncDelayMs) {
      this.autoSync.watch();
    }
    if (next.citedInSections && !previous.citedInSections && this.started) this.citedInWatcher.scheduleFullRun();
    this.status.render();
  }

  private onSyncEvent(running: boolean, progress: SyncProgress | null, outcome?: SyncAttempt): void {
    this.status.syncChanged(running, progress, outcome?.status === 'done' ? outcome.finishedAt : undefined);
    // Synced, or skipped as the very export a sync read before: the export is readable.
    if (outcome?.status === 'done') this.problems.clear('export');
    this.status.render();
  }
}

function nodeWatch(node: () => NodeModules | null, path: string, onChange: () => void) {
  const modules = node();
  if (!modules) throw new Error('watching a file outside the vault needs the desktop app');
  return nodeFileWatchFactory(modules)(path, onChange);
}
