/**
 * Runs syncs one at a time. A second request while one runs joins it (a second click never starts a second
 * sync); progress goes to a notice (manual syncs) and to listeners (the status bar); the outcome is a value, so
 * the export watcher can tell "the export looked half written, try again" from a real failure.
 */
import { Notice } from 'obsidian';
import type { LoadedLibrary } from '../../core/library';
import { isUnloadedError } from '../plugin/unload-guard';
import { describeSyncError, formatProgress, formatSyncSummary, summaryIsNoteworthy, type SyncProgress, type SyncSummary } from '../../core/sync';
import type { SyncRequest } from '../plugin/core-services';

export type SyncTrigger = 'manual' | 'auto';

export type SyncAttempt =
  | { status: 'done'; summary: SyncSummary; finishedAt: Date }
  | { status: 'failed'; error: Error };

export interface SyncSchedulerDeps {
  /** Everything the sync needs but the progress callback: reads the settled export, unless it was just loaded. */
  prepare(library?: LoadedLibrary): Promise<Omit<SyncRequest, 'onProgress'>>;
  sync(request: SyncRequest): Promise<SyncSummary>;
  now(): Date;
}

export type SyncListener = (event: { running: boolean; progress: SyncProgress | null; outcome?: SyncAttempt }) => void;

/** The sync core says the export was half written (or empty): worth another try once it settles. */
export function isIncompleteExportError(err: unknown): boolean {
  const e = err as { name?: string; reason?: string } | null;
  if (e?.name === 'SyncAbortedError') return e.reason === 'truncated' || e.reason === 'unreadable' || e.reason === 'empty';
  return e?.name === 'UnrecognizedExportError' || e?.name === 'UnreadableExportError';
}

export class SyncScheduler {
  private current: Promise<SyncAttempt> | null = null;
  private readonly listeners = new Set<SyncListener>();

  constructor(private readonly deps: SyncSchedulerDeps) {}

  get running(): boolean {
    return this.current !== null;
  }

  /**
   * Start a sync, or join the one running. `library`: the export as just read and parsed (an automatic sync after
   * the export settled), so it is not read again. Never rejects.
   */
  run(trigger: SyncTrigger, library?: LoadedLibrary): Promise<SyncAttempt> {
    if (this.current) {
      if (trigger === 'manual') new Notice('A sync is already running.');
      return this.current;
    }
    const run = this.execute(trigger, library).finally(() => {
      this.current = null;
    });
    this.current = run;
    return run;
  }

  onChange(listener: SyncListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async execute(trigger: SyncTrigger, library?: LoadedLibrary): Promise<SyncAttempt> {
    const notice = trigger === 'manual' ? new Notice(formatProgress('Syncing library', null), 0) : null;
    let lastShown = '';
    const onProgress = (progress: SyncProgress) => {
      this.emit({ running: true, progress });
      const text = formatProgress('Syncing library', progress);
      if (notice && text !== lastShown) notice.setMessage((lastShown = text));
    };
    this.emit({ running: true, progress: null });
    let outcome: SyncAttempt;
    try {
      const request = await this.deps.prepare(library);
      const summary = await this.deps.sync({ ...request, onProgress });
      outcome = { status: 'done', summary, finishedAt: this.deps.now() };
      if (notice || summaryIsNoteworthy(summary)) new Notice(formatSyncSummary(summary), 10000);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      outcome = { status: 'failed', error };
      this.report(trigger, error);
    } finally {
      notice?.hide();
    }
    this.emit({ running: false, progress: null, outcome });
    return outcome;
  }

  /**
   * Manual syncs always explain a failure; automatic ones stay quiet about a half-written export (retried). A sync
   * stopped by unloading the plugin is no failure: nothing is said.
   */
  private report(trigger: SyncTrigger, error: Error): void {
    if (isUnloadedError(error)) return;
    if (trigger === 'auto' && isIncompleteExportError(error)) {
      console.debug(`Zotero Concept Notes: automatic sync skipped: ${error.message}`);
      return;
    }
    new Notice(describeSyncError(error), 0);
  }

  private emit(event: Parameters<SyncListener>[0]): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
