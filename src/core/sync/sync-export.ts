/**
 * The whole sync from the export's content: skip an unchanged export (see unchanged-export.ts), else read it (or
 * take it read: the plugin parses in a worker), safety checks, plan, and apply (or not, for a dry run).
 */
import type { IndexedExport } from '../library/library-index';
import type { ExportFormat, LibraryError, LibraryReadResult } from '../library/paper';
import { applySync, type ApplyOptions } from './apply-sync';
import type { VaultPort } from '../vault/vault-port';
import { exportFingerprint, exportText, type ExportContent } from './export-bytes';
import { checkPaperCount, defectError, SyncAbortedError } from './export-safety';
import { renderKeyOf } from './note-renderer';
import { planSync, type PlanSyncInput } from './plan-sync';
import { emptyReport, reportOfPlan, type SyncPlan, type SyncReport } from './sync-plan';
import type { SyncStateStore } from './sync-state-store';
import { UnchangedExportCheck } from './unchanged-export';

/** The start of the error message for an imported citekey the export does not hold. */
export const NOT_IN_EXPORT = 'not in the export';

export interface SyncExportInput extends Omit<PlanSyncInput, 'papers' | 'source' | 'state' | 'exportHash' | 'exportClean' | 'unreadable'> {
  vault: VaultPort;
  /** The export file's content: its text, or (faster for an unchanged export) its raw UTF-8 bytes. */
  exportText?: ExportContent;
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
  apply?: ApplyOptions;
}

export interface SyncOutcome {
  report: SyncReport;
  /** The plan, or null when the unchanged-export fast path skipped planning. */
  plan: SyncPlan | null;
  /** The export was unchanged since the last clean sync: nothing was parsed or written. */
  skipped: boolean;
  /** What the reader made of the export (null when skipped). */
  library: (Pick<LibraryReadResult, 'errors' | 'warnings'> & { format: ExportFormat | null; paperCount: number }) | null;
  warnings: string[];
}

function skipped(paperCount: number): SyncOutcome {
  const report = emptyReport();
  report.unchanged = paperCount;
  return { report, plan: null, skipped: true, library: null, warnings: [] };
}

function libraryErrorEntries(errors: readonly LibraryError[]): SyncReport['errors'] {
  return errors.map((e) => ({ citekey: e.citekey, path: null, message: `export${e.line === null ? '' : ` line ${e.line}`}: ${e.message}` }));
}

/**
 * Sync an export into the vault. Throws SyncAbortedError when the export is empty, half-written, unreadable or
 * far smaller than at the last sync (nothing is touched), and TemplateError/DateFormatError for a bad template or
 * date format (nothing is touched either). Per-note problems are in the report.
 */
export async function syncExport(input: SyncExportInput): Promise<SyncOutcome> {
  const exportHash = input.exportHash ?? exportFingerprint(input.exportText ?? '');
  const mayskip = !input.force && input.only === undefined;
  const check = new UnchangedExportCheck(input.vault, input.settings, exportHash, renderKeyOf(input.settings, input.language, input.template));
  const stored = await input.store.read(); // once: the head and the whole state come from the same text
  const head = mayskip ? stored.head() : null;
  if (mayskip && (await check.byHead(head))) return skipped(head?.lastExport?.paperCount ?? 0);
  const state = await stored.loadState();
  if (mayskip && (await check.byState(state))) return skipped(state?.lastExport?.paperCount ?? 0);
  const read = input.readExport ? await input.readExport() : await readInProcess(input.exportText ?? '', exportHash);
  if (read.defect) throw defectError(read.defect);
  checkPaperCount(read.entries.length, read.errors.length, state?.lastExport?.paperCount ?? null, input.settings.minExportRatio);
  const unreadable = read.errors.flatMap((e) => (e.citekey === null ? [] : [e.citekey]));
  const plan = await planSync({ ...input, source: read, state, exportHash, exportClean: read.errors.length === 0, unreadable });
  const report = input.dryRun ? reportOfPlan(plan) : await applySync(input.vault, plan, input.store, { pause: input.pause, ...input.apply });
  // Entries of the export that could not be read are errors of this sync too (when syncing everything).
  if (input.only === undefined) report.errors.unshift(...libraryErrorEntries(read.errors));
  else {
    for (const key of input.only) {
      if (read.entry(key)) continue;
      const near = read.entries.find((e) => e.citekey.toLowerCase() === key.toLowerCase());
      report.errors.push({ citekey: key, path: null, message: `${NOT_IN_EXPORT}${near ? ` (did you mean "${near.citekey}"?)` : ''}` });
    }
  }
  const summary = { format: read.format, errors: read.errors, warnings: read.warnings, paperCount: read.entries.length };
  return { report, plan, skipped: false, library: summary, warnings: [...read.warnings, ...plan.warnings] };
}

/** The export read here (the CLI, tests): the reader is imported on first use, so the plugin never evaluates it. */
async function readInProcess(content: ExportContent, fingerprint: string): Promise<IndexedExport> {
  const { indexExportText } = await import('../library/export-reader');
  return indexExportText(exportText(content), fingerprint);
}

export { SyncAbortedError };
