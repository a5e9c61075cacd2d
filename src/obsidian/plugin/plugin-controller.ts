/**
 * Everything the plugin runs, wired together: the export reader, the library cache, the sync scheduler and the
 * automatic sync, the concept and "Cited in" watchers, the status bar, the notices and the standing problems.
 * Created in onload (cheap: nothing is read), started after the layout is ready, stopped on unload. Reacts to
 * settings changes at once, so no restart is needed.
 */
import { getLanguage, Platform, type App, type Plugin, type TAbstractFile } from 'obsidian';
import { EXPORT_ON_ANOTHER_COMPUTER, exportPathInVault, type SettleTimers } from '../../core/export';
import { LibraryCache, type LibraryParser, type LoadedLibrary, type Paper } from '../../core/library';
import { resolveNoteLanguage, type NoteLanguage } from '../../core/notes';
import type { Settings } from '../../core/settings';
import { StandingProblems, type SyncProgress } from '../../core/sync';
import { errorMessage } from '../../core/text';
import { CitedInWatcher } from '../citations/cited-in-watcher';
import { ConceptWatcher } from '../concepts/concept-watcher';
import { ExportFiles, locateExport, nodeModules, type ExportLocation, type NodeModules } from '../export/export-file';
import { nodeFileWatchFactory, type FileWatchFactory } from '../export/export-watcher';
import { createLibraryParser } from '../export/library-worker';
import type { DeviceStore } from '../settings/device-store';
import type { PluginSettingsStore } from '../settings/settings-store';
import { AutoSync } from '../sync/auto-sync';
import { SyncScheduler, type SyncAttempt, type SyncTrigger } from '../sync/sync-scheduler';
import { ObsidianVault } from '../vault/obsidian-vault';
import { existingFileCase, vaultBasePath, withVaultPaths } from '../vault/vault-folders';
import type { CoreServices, ExportRequest, ServiceContext } from './core-services';
import { Notices } from './notices';
import type { StatusBar } from './status-bar';
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

/** Resolve the headings language setting against Obsidian's language. */
export function resolveLanguage(setting: Settings['headingsLanguage']): NoteLanguage {
  return resolveNoteLanguage(setting, getLanguage());
}

export class PluginController {
  readonly files: ExportFiles;
  readonly library: LibraryCache;
  readonly syncScheduler: SyncScheduler;
  readonly services: CoreServices;
  readonly notices = new Notices();
  readonly problems = new StandingProblems();
  readonly device: DeviceStore;
  private readonly autoSync: AutoSync;
  private readonly conceptWatcher: ConceptWatcher;
  private readonly citedInWatcher: CitedInWatcher;
  private statusBar: StatusBar | null = null;
  private lastSync: Date | null = null;
  private syncView: { running: boolean; progress: SyncProgress | null } = { running: false, progress: null };
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
    this.library = new LibraryCache({
      readExport: () => this.files.readBytes(this.exportLocation()),
      createParser: options.createParser ?? createLibraryParser,
      exportName: () => exportNameOf(this.exportLocation()),
      now: () => new Date(),
      pause: this.unloadGuard.yieldToUi,
      timers: windowTimers,
    });
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
      this.library.onChange(() => this.renderStatus()),
      this.syncScheduler.onChange((event) => this.onSyncEvent(event.running, event.progress, event.outcome)),
      this.settings.onChange((next, previous) => this.onSettingsChanged(next, previous)),
      this.problems.onChange(() => this.renderStatus()),
    );
  }

  /** Where the export is, per the settings ("unset" for an empty or invalid path). */
  exportLocation(): ExportLocation {
    try {
      const location = locateExport(this.settings.settings.exportPath);
      // Obsidian's index tells "zotero/x.bib" from "Zotero/x.bib"; the file system of a Mac does not.
      return location.kind === 'vault' ? { kind: 'vault', path: existingFileCase(this.app, location.path).path } : location;
    } catch {
      return { kind: 'unset' };
    }
  }

  /** The export is a file on a computer and this device (a phone) cannot read it. */
  exportOnAnotherComputer(): boolean {
    return this.exportLocation().kind === 'external' && this.node() === null;
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
    this.statusBar = statusBar;
    this.renderStatus();
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

  /**
   * On desktop, an absolute export path inside the vault is stored as a vault path, so the other devices of the
   * vault (a phone has no "/Users/me/…") can read the export too. Returns the path to store, or null to keep it.
   */
  vaultPathOfExport(setting: string): string | null {
    const node = this.node();
    const base = node ? vaultBasePath(this.app) : null;
    if (!node || base === null) return null;
    const inVault = exportPathInVault(setting, base, node.os.homedir(), Platform.isMacOS || Platform.isWin);
    if (inVault === null || inVault.startsWith(`${this.app.vault.configDir}/`)) return null; // Obsidian does not index its config folder
    try {
      return ObsidianVault.toVaultPath(inVault);
    } catch {
      return null;
    }
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
    if (at && !Number.isNaN(at.getTime())) this.lastSync ??= at;
    this.renderStatus();
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
    this.renderStatus();
  }

  private onSyncEvent(running: boolean, progress: SyncProgress | null, outcome?: SyncAttempt): void {
    this.syncView = { running, progress };
    if (outcome?.status === 'done') {
      this.lastSync = outcome.finishedAt;
      // Synced, or skipped as the very export a sync read before: the export is readable.
      this.problems.clear('export');
    }
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
      problems: this.problems.list,
    });
  }
}

/** The export's path as the warnings about it name it (its encoding, say). */
function exportNameOf(location: ExportLocation): string | undefined {
  return location.kind === 'unset' ? undefined : location.path;
}

function nodeWatch(node: () => NodeModules | null, path: string, onChange: () => void) {
  const modules = node();
  if (!modules) throw new Error('watching a file outside the vault needs the desktop app');
  return nodeFileWatchFactory(modules)(path, onChange);
}
