/**
 * What a sync did, in the one shape the CLI's `--json`, the plugin's notices and its status bar share. The engine's
 * report (sync-plan.ts) has more detail (conflict reasons, the plan); this is what a person is told.
 */
import type { SyncOutcome } from './sync-outcome';
import type { SyncErrorEntry } from './sync-plan';
import type { ScopeSummary } from './sync-scope';

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncSummary {
  created: string[];
  updated: string[];
  unchanged: number;
  conflicts: string[];
  errors: SyncErrorEntry[];
  /** Notes of papers that left the export, flagged (never deleted). */
  flagged: string[];
  /** Notes left alone because their permissions forbid writing. */
  readOnly: string[];
  /** True when the export was unchanged since the last clean sync and nothing was even parsed. */
  skipped: boolean;
  /** Skipped (automatic sync) because another device synced this export already. */
  syncedElsewhere?: true;
  /** The stored sync state was damaged (the warnings say what stood in for it). */
  stateDamaged: boolean;
  /** The collections the sync was limited to ("Collections to sync"); absent for the whole library. */
  scope?: ScopeSummary;
  /** Worth saying, not failures: unreadable export entries, duplicate citekeys, concept alias conflicts. */
  warnings: string[];
}

/** The summary of an engine outcome, with extra warnings (e.g. from re-linking concepts) appended. */
export function outcomeSummary(outcome: SyncOutcome, extraWarnings: readonly string[] = []): SyncSummary {
  const { created, updated, unchanged, conflicts, errors, flagged, readOnly } = outcome.report;
  const elsewhere = outcome.syncedElsewhere ? { syncedElsewhere: true as const } : {};
  return {
    created,
    updated,
    unchanged,
    conflicts,
    errors,
    flagged,
    readOnly,
    skipped: outcome.skipped,
    ...elsewhere,
    ...(outcome.scope ? { scope: outcome.scope } : {}),
    stateDamaged: outcome.stateDamage !== null,
    warnings: [...outcome.warnings, ...extraWarnings],
  };
}

/** A summary of nothing done (tests, and the plugin before its first sync). */
export function emptySyncSummary(overrides: Partial<SyncSummary> = {}): SyncSummary {
  return { created: [], updated: [], unchanged: 0, conflicts: [], errors: [], flagged: [], readOnly: [], skipped: false, stateDamaged: false, warnings: [], ...overrides };
}
