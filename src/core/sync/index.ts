/**
 * Keeping literature notes in sync with the export. Light and loaded at once: the summary a sync returns, the words
 * that describe it, and the names of the sync's files. The engine (reader, renderer, merge) is imported on first
 * use through `loadSyncEngine()`; its types are here.
 */
export { emptySyncSummary, outcomeSummary, type SyncProgress, type SyncSummary } from './sync-summary';
export { autoSyncNoticeText, describeSyncError, formatProgress, formatSyncSummary, joinWarnings, syncProblemText } from './sync-messages';
export { isIncompleteExportError, isSyncRefusal } from './sync-errors';
export { problemLabel, StandingProblems, type Problem, type ProblemKind, type ProblemListener } from './problems';
export { ExportProblems } from './export-problems';
export { exportKeys, knownExports } from './several-exports';
export { exportSourcesReadNow, loadedExportSources, type ExportSources } from './export-sources';
export { SYNC_LOCK_FILE, SYNC_STATE_BACKUP_FILE, SYNC_STATE_FILE } from './sync-files';
export { statusText, statusTooltip, type StatusView } from './sync-status';
export type { ImportStatus, LibrarySyncRequest, LibrarySyncResult, PaperImportResult } from './sync-library';
export type { SyncExportInput } from './sync-export';
export type { ExportOutcome, SyncOutcome } from './sync-outcome';
export type { SyncExportSource } from './several-exports';
export type { SyncAbortReason } from './export-safety';
export { describeScope, requestedCollections, resolveSyncScope, scopeKey, scopeText, type ScopedExport, type ScopeSummary, type SyncScope } from './sync-scope';
export type { ExportContent } from './export-bytes';
export type { NoteLinker, SyncErrorEntry, SyncPlan, SyncReport } from './sync-plan';
export type { TakeZoteroVersion } from './plan-parts';
export { StoredSyncState, SyncStateStore, type StateDamage, type SyncStateFile } from './sync-state-store';
export type { ExportRecord, LastExport, SyncStateHead } from './sync-state';
export type { LockClock, LockFilePort, LockOwner, SyncLock, SyncLockOptions } from './sync-lock';

export type SyncEngine = typeof import('./engine');

/** The sync engine, imported on first use. */
export function loadSyncEngine(): Promise<SyncEngine> {
  return import('./engine');
}
