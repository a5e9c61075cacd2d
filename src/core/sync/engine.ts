/**
 * The sync engine and its use cases: `syncLibrary` and `importPaper` (what the CLI and the plugin call),
 * `syncExport` under them (skip an unchanged export, safety checks, read, plan, apply), and the stored state that
 * records what each note was last written with. Heavy (the reader, the renderer): reached through
 * `loadSyncEngine()` in index.ts, never statically from the plugin's start-up path.
 */
export { importPaper, syncLibrary } from './sync-library';
export { NOT_IN_EXPORT, syncExport } from './sync-export';
export { SyncAbortedError } from './export-safety';
export { SyncLock, SyncLockedError } from './sync-lock';
export { VaultSyncStateStore } from './vault-state-store';
