/**
 * What a sync of one export or several is given. In a module of its own: the engine of one export (sync-export.ts)
 * hands several exports to sync-several.ts, and both take this input (they formed an import cycle).
 */
import type { IndexedExport } from '../library/library-index';
import type { VaultPort } from '../vault/vault-port';
import type { ApplyOptions } from './apply-sync';
import type { ExportContent } from './export-bytes';
import type { PlanSyncInput } from './plan-sync-input';
import type { SyncExportSource } from './several-exports';
import type { SyncStateStore } from './sync-state-store';

/**
 * One export synced, or several (sync-several.ts). A full sync is limited to the collections of
 * `settings.syncCollections` (sync-scope.ts); an import (`only`) is not.
 */
export interface SyncExportInput extends Omit<PlanSyncInput, 'papers' | 'source' | 'state' | 'exportHash' | 'exportClean' | 'unreadable' | 'present' | 'exportOf' | 'shrinkChecked' | 'scope'> {
  vault: VaultPort;
  /**
   * The exports, in order, when they are given this way (several: see sync-several.ts; one: the same as the fields
   * below). A citekey in two of them is synced from the first listed (see several-exports.ts).
   */
  exports?: readonly SyncExportSource[];
  /**
   * The export file's content: its raw bytes (faster for an unchanged export, and decoded correctly whatever its
   * character set), or its text. Not needed with `exportHash` and `readExport`.
   */
  exportText?: ExportContent;
  /** The export's path or name, used in warnings about its encoding. */
  exportName?: string;
  /** Its fingerprint, when already taken (see exportFingerprint). */
  exportHash?: string;
  /**
   * The export read and indexed, asked for only when the sync cannot be skipped (the plugin parses in a worker);
   * without it `exportText` is read here.
   */
  readExport?: () => Promise<IndexedExport>;
  store: SyncStateStore;
  /** Plan only: nothing is written, not even the state. */
  dryRun?: boolean;
  /** Always parse and plan, even when the export is unchanged since the last clean sync. */
  force?: boolean;
  /**
   * An automatic sync (the export changed): skipped when another device has synced this very export already (see
   * syncedByAnotherDevice), since its notes are on their way through the vault's own sync.
   */
  automatic?: boolean;
  apply?: ApplyOptions;
}
