/**
 * Runs syncs one at a time. A second request while one runs joins it (a second click never starts a second
 * sync). What the user hears depends on who asked: a sync from the ribbon, the command or the status bar shows its
 * progress and its result in a notice (a failure stays until dismissed); an automatic sync is silent, or says in a
 * short notice that it created notes or found a conflict (the "notice after an automatic sync" setting), and its
 * failures become standing problems (status bar, settings tab), never a notice to click away. The outcome is a
 * value, so the export watcher can tell "the export looked half written, try again" from a real failure.
 */
import type { ShelfLibrary } from '../../core/library';
import { isUnloadedError } from '../plugin/unload-guard';
import {
  autoSyncNoticeText,
  describeSyncError,
  formatProgress,
  formatSyncSummary,
  isIncompleteExportError,
  syncProblemText,
  type StandingProblems,
  type SyncProgress,
  type SyncSummary,
} from '../../core/sync';
import type { SyncRequest } from '../plugin/core-services';
import { NOTICE_MS, type Notices } from '../plugin/notices';

export type SyncTrigger = 'manual' | 'auto';

export type SyncAttempt =
  | { status: 'done'; summary: SyncSummary; finishedAt: Date }
  | { status: 'failed'; error: Error };

export interface SyncSchedulerDeps {
  /** Everything the sync needs but the progress callback: reads the settled export, unless it was just loaded. */
  prepare(library?: ShelfLibrary): Promise<Omit<SyncRequest, 'onProgress' | 'automatic'>>;
  sync(request: SyncRequest): Promise<SyncSummary>;
  now(): Date;
  notices: Notices;
  problems: StandingProblems;
  /** Whether an automatic sync that created notes or found a conflict says so (a setting). */
  noticeAfterAutoSync(): boolean;
}

export type SyncListener = (event: { running: boolean; progress: SyncProgress | null; outcome?: SyncAttempt }) => void;

/** Notice kinds: the progress of the sync running, a click while it runs, and the result (or failure) of the last one. */
const PROGRESS = 'sync-progress';
const BUSY = 'sync-busy';
const RESULT = 'sync';

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
  run(trigger: SyncTrigger, library?: ShelfLibrary): Promise<SyncAttempt> {
    if (this.current) {
      if (trigger === 'manual') this.deps.notices.show(BUSY, 'A sync is already running.', NOTICE_MS.short);
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

  private async execute(trigger: SyncTrigger, library?: ShelfLibrary): Promise<SyncAttempt> {
    const { notices } = this.deps;
    const manual = trigger === 'manual';
    if (manual) notices.show(PROGRESS, formatProgress('Syncing library', null), NOTICE_MS.sticky);
    let lastShown = '';
    const onProgress = (progress: SyncProgress) => {
      this.emit({ running: true, progress });
      const text = formatProgress('Syncing library', progress);
      if (manual && text !== lastShown) notices.show(PROGRESS, (lastShown = text), NOTICE_MS.sticky);
    };
    this.emit({ running: true, progress: null });
    let outcome: SyncAttempt;
    try {
      const request = await this.deps.prepare(library);
      const summary = await this.deps.sync({ ...request, automatic: !manual, onProgress });
      outcome = { status: 'done', summary, finishedAt: this.deps.now() };
      this.reportDone(trigger, summary);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      outcome = { status: 'failed', error };
      this.reportFailure(trigger, error);
    } finally {
      if (manual) notices.hide(PROGRESS);
    }
    this.emit({ running: false, progress: null, outcome });
    return outcome;
  }

  private reportDone(trigger: SyncTrigger, summary: SyncSummary): void {
    const { notices, problems } = this.deps;
    const problem = syncProblemText(summary);
    if (problem === null) problems.clear('sync');
    else problems.set('sync', problem);
    if (trigger === 'manual') {
      notices.show(RESULT, formatSyncSummary(summary), NOTICE_MS.result);
      return;
    }
    const text = this.deps.noticeAfterAutoSync() ? autoSyncNoticeText(summary) : null;
    if (text !== null) notices.show(RESULT, text, NOTICE_MS.short);
  }

  /**
   * A manual sync explains its failure in a notice that stays; an automatic one leaves a standing problem, and says
   * nothing at all about a half-written export (it is retried). A sync stopped by unloading the plugin is no failure.
   */
  private reportFailure(trigger: SyncTrigger, error: Error): void {
    if (isUnloadedError(error)) return;
    if (trigger === 'auto' && isIncompleteExportError(error)) {
      console.debug(`Zotero Concept Notes: automatic sync skipped: ${error.message}`);
      return;
    }
    const message = describeSyncError(error);
    this.deps.problems.set('sync', message);
    if (trigger === 'manual') this.deps.notices.show(RESULT, message, NOTICE_MS.sticky);
  }

  private emit(event: Parameters<SyncListener>[0]): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
