/**
 * What a sync returns, and the steps of it that one export and several share: the outcome of a skipped sync, the
 * export's unreadable entries as report errors, a citekey an import did not find, and reading an export here.
 */
import type { IndexedExport } from '../library/library-index';
import type { ExportFormat, LibraryError, LibraryReadResult } from '../library/paper';
import type { ExportContent } from './export-bytes';
import { emptyReport, type SyncPlan, type SyncReport } from './sync-plan';
import type { StateDamage } from './sync-state-store';
import type { LastExport } from './sync-state';
import type { ScopeSummary } from './sync-scope';

/** The start of the error message for an imported citekey the export does not hold. */
export const NOT_IN_EXPORT = 'not in the export';

/**
 * What became of one export in a sync: `synced` (read and planned), `unchanged` (not even read: unchanged since its
 * last clean sync, its notes still in place), `elsewhere` (an automatic sync left it: another device synced it
 * already) or `failed` (unreadable, half written or shrunken: its papers' notes were neither rewritten nor flagged).
 */
export interface ExportOutcome {
  /** Its path as given. */
  name: string;
  /** Its key in the sync state (see exportKeys). */
  key: string;
  status: 'synced' | 'unchanged' | 'elsewhere' | 'failed';
  format: ExportFormat | null;
  /** Its papers (read, or recorded by its last sync); null when unknown. */
  paperCount: number | null;
  /** Why it failed. */
  message?: string;
}

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
  /** What the reader made of the export (of all of them, when several; null when skipped). */
  library: (Pick<LibraryReadResult, 'errors' | 'warnings'> & { format: ExportFormat | null; paperCount: number }) | null;
  /** Per export, when several were synced (absent for one export, and when the whole sync was skipped). */
  exports?: ExportOutcome[];
  warnings: string[];
  /** The stored state did not parse (its backup, or the vault, stood in for it); null when it was fine. */
  stateDamage: StateDamage | null;
}

/** The papers a skipped sync reports unchanged: those of the last one, of its scope when it had one. */
export function lastSyncedPapers(last: LastExport | null | undefined): number {
  return (last?.scope !== undefined ? last.scopePapers : undefined) ?? last?.paperCount ?? 0;
}

export function skippedOutcome(paperCount: number, syncedElsewhere = false): SyncOutcome {
  const report = emptyReport();
  report.unchanged = paperCount;
  return { report, plan: null, skipped: true, scope: null, library: null, warnings: [], stateDamage: null, ...(syncedElsewhere ? { syncedElsewhere: true as const } : {}) };
}

/** Unreadable entries of an export, as errors of the sync (`where`: "export", or the export's name). */
export function libraryErrorEntries(errors: readonly LibraryError[], where = 'export'): SyncReport['errors'] {
  return errors.map((e) => ({ citekey: e.citekey, path: null, message: `${where}${e.line === null ? '' : ` line ${e.line}`}: ${e.message}` }));
}

/** The errors of imported citekeys not in `has` (with a near miss in another case, when there is one). */
export function missingCitekeys(only: readonly string[], has: (citekey: string) => boolean, citekeys: readonly string[], also = ''): SyncReport['errors'] {
  return only.flatMap((key) => {
    if (has(key)) return [];
    const near = citekeys.find((k) => k.toLowerCase() === key.toLowerCase());
    return [{ citekey: key, path: null, message: `${NOT_IN_EXPORT}${near ? ` (did you mean "${near}"?)` : ''}${also}` }];
  });
}

/** The export read here (the CLI, tests): the reader is imported on first use, so the plugin never evaluates it. */
export async function readInProcess(content: ExportContent, fingerprint: string, name?: string): Promise<IndexedExport> {
  const { indexExport } = await import('../library/export-reader');
  return indexExport(content, fingerprint, name);
}
