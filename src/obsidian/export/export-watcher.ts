/**
 * Watches the export file and runs an import once it has settled (see export-settler.ts). Inside the vault the
 * change signal is the vault's own events; outside it, a Node watcher on the export's folder (desktop only; the
 * folder, not the file, because BBT may replace the file rather than rewrite it). Everything taken is released by
 * `stop()`, which the plugin calls on unload and before watching a new path.
 */
import type { App, EventRef, TAbstractFile } from 'obsidian';
import type { ExportFiles, ExportLocation, NodeModules } from './export-file';
import { ExportSettler, type SettleOutcome, type SettleRun, type SettleTimers } from '../../core/export';
import { errorMessage } from '../../core/text';

/** Something watching for changes; `close` releases it. */
export interface Closeable {
  close(): void;
}

/** Start a filesystem watcher that calls `onChange` when the file `absPath` may have changed. */
export type FileWatchFactory = (absPath: string, onChange: () => void) => Closeable;

export interface ExportWatcherOptions {
  app: App;
  files: ExportFiles;
  location: ExportLocation;
  quietMs: number;
  /** Quiet time before an early try of an export whose content shows it is whole (see ExportSettler). */
  earlyMs?: number;
  timers: SettleTimers;
  onSettled(run: SettleRun): Promise<SettleOutcome>;
  /** The export changed (before it settles): a chance to get ready for reading it. */
  onChange?(): void;
  /** A problem the user should know about (watching impossible, file never settled). */
  onProblem(message: string): void;
  /** How to watch a file outside the vault; null where that is impossible (mobile). */
  watchFile?: FileWatchFactory | null;
}

/** Node's watcher on the folder of `absPath`, filtered to its name; falls back to stat polling. */
export function nodeFileWatchFactory(node: NodeModules): FileWatchFactory {
  return (absPath, onChange) => {
    const dir = node.path.dirname(absPath);
    const name = node.path.basename(absPath);
    try {
      const watcher = node.fs.watch(dir, { persistent: false }, (_event, changed) => {
        // Some platforms do not report the name: then any change in the folder counts.
        if (changed === null || String(changed) === name) onChange();
      });
      watcher.on('error', () => undefined); // e.g. the folder was removed; the settle check reports a missing file
      return { close: () => watcher.close() };
    } catch {
      const listener = () => onChange();
      node.fs.watchFile(absPath, { persistent: false, interval: 2000 }, listener);
      return { close: () => node.fs.unwatchFile(absPath, listener) };
    }
  };
}

export class ExportWatcher {
  private readonly settler: ExportSettler;
  private readonly refs: EventRef[] = [];
  private watcher: Closeable | null = null;
  private stopped = false;

  constructor(private readonly options: ExportWatcherOptions) {
    this.settler = new ExportSettler({
      quietMs: options.quietMs,
      earlyMs: options.earlyMs,
      timers: options.timers,
      probe: () => options.files.fingerprint(options.location),
      onSettled: (run) => options.onSettled(run),
      onGiveUp: (reason) =>
        options.onProblem(
          reason === 'missing'
            ? 'The export file disappeared and did not come back; the library was not reloaded.'
            : 'The export file still looks incomplete after several tries; it was not imported. Run "Sync Zotero library" once Better BibTeX has finished writing.',
        ),
    });
  }

  /** Begin watching. Does nothing for an unset path. */
  start(): void {
    const { location, app } = this.options;
    if (this.stopped || location.kind === 'unset') return;
    if (location.kind === 'vault') {
      const matches = (file: TAbstractFile) => file.path === location.path;
      this.refs.push(
        app.vault.on('modify', (file) => matches(file) && this.settler.notifyChange()),
        app.vault.on('create', (file) => matches(file) && this.settler.notifyChange()),
        app.vault.on('rename', (file, oldPath) => (matches(file) || oldPath === location.path) && this.settler.notifyChange()),
      );
      return;
    }
    const factory = this.options.watchFile ?? null;
    if (!factory) {
      this.options.onProblem('The export file outside the vault cannot be watched here; run "Sync Zotero library" after each change.');
      return;
    }
    try {
      this.watcher = factory(this.options.files.absolutePath(location), () => this.changed());
    } catch (err) {
      this.options.onProblem(`Cannot watch the export file: ${errorMessage(err)}`);
    }
  }

  /** Treat the export as changed now (e.g. after the plugin was away). */
  poke(): void {
    this.changed();
  }

  private changed(): void {
    if (this.stopped) return;
    this.options.onChange?.();
    this.settler.notifyChange();
  }

  /** Release every event, watcher and timer. Safe to call twice. */
  stop(): void {
    this.stopped = true;
    for (const ref of this.refs.splice(0)) this.options.app.vault.offref(ref);
    this.watcher?.close();
    this.watcher = null;
    this.settler.dispose();
  }
}
