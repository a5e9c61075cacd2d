/**
 * What one run of the sync engine (sync-export.ts) returns. In a module of its own so that the light summary
 * (sync-summary.ts, loaded with the plugin) reads it without importing the engine, which imports the summary's words
 * (sync-messages.ts): they formed an import cycle.
 */
import type { ExportFormat, LibraryReadResult } from '../library/paper';
import type { SyncPlan, SyncReport } from './sync-plan';
import type { StateDamage } from './sync-state-store';
import type { ScopeSummary } from './sync-scope';

export interface SyncOutcome {
  report: SyncReport;
  /** The plan, or null when the unchanged-export fast path skipped planning. */
  plan: SyncPlan | null;
  /** The export was unchanged since the last clean sync: nothing was parsed or written. */
  skipped: boolean;
  /** Skipped because another device synced this export (an automatic sync only). */
  syncedElsewhere?: true;
  /** The collections a full sync was limited to, and how many papers they hold; null for the whole library (or skipped). */
  scope: ScopeSummary | null;
  /** What the reader made of the export (null when skipped). */
  library: (Pick<LibraryReadResult, 'errors' | 'warnings'> & { format: ExportFormat | null; paperCount: number }) | null;
  warnings: string[];
  /** The stored state did not parse (its backup, or the vault, stood in for it); null when it was fine. */
  stateDamage: StateDamage | null;
}
