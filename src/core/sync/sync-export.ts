/**
 * The whole sync from the export's content: skip an unchanged export (see unchanged-export.ts), else safety
 * checks, read, plan, and apply (or not, for a dry run).
 */
import { readLibrary } from '../library/read-library';
import { hiddenFolderProblem } from '../settings/setting-inputs';
import type { LibraryError, LibraryReadResult } from '../library/paper';
import { applySync, type ApplyOptions } from './apply-sync';
import type { VaultPort } from '../vault/vault-port';
import { exportFingerprint, exportText, type ExportContent } from './export-bytes';
import { checkExportText, checkLibrary, readFailure, SyncAbortedError } from './export-safety';
import { NoteLocator } from './note-locator';
import { renderKeyOf } from './note-renderer';
import { planSync, type PlanSyncInput } from './plan-sync';
import { emptyReport, reportOfPlan, type SyncPlan, type SyncReport } from './sync-plan';
import { stateDamageMessage } from './sync-messages';
import type { StateDamage, SyncStateStore } from './sync-state-store';
import { syncedByAnotherDevice, UnchangedExportCheck } from './unchanged-export';

/** The start of the error message for an imported citekey the export does not hold. */
export const NOT_IN_EXPORT = 'not in the export';

export interface SyncExportInput extends Omit<PlanSyncInput, 'papers' | 'state' | 'exportHash' | 'exportClean' | 'unreadable'> {
  vault: VaultPort;
  /**
   * The export file's content: its raw bytes (faster for an unchanged export, and decoded correctly whatever its
   * character set), or its text.
   */
  exportText: ExportContent;
  /** The export's path or name, used in warnings about its encoding. */
  exportName?: string;
  store: SyncStateStore;
  /** The export already read (the plugin's library cache), to save a second parse; it must be of this content. */
  library?: LibraryReadResult | null;
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

export interface SyncOutcome {
  report: SyncReport;
  /** The plan, or null when the unchanged-export fast path skipped planning. */
  plan: SyncPlan | null;
  /** The export was unchanged since the last clean sync: nothing was parsed or written. */
  skipped: boolean;
  /** Skipped because another device synced this export (an automatic sync only). */
  syncedElsewhere?: true;
  /** What the reader made of the export (null when skipped). */
  library: Pick<LibraryReadResult, 'format' | 'errors' | 'warnings'> & { paperCount: number } | null;
  warnings: string[];
  /** The stored state did not parse (its backup, or the vault, stood in for it); null when it was fine. */
  stateDamage: StateDamage | null;
}

function skipped(paperCount: number, syncedElsewhere = false): SyncOutcome {
  const report = emptyReport();
  report.unchanged = paperCount;
  return { report, plan: null, skipped: true, library: null, warnings: [], stateDamage: null, ...(syncedElsewhere ? { syncedElsewhere: true as const } : {}) };
}

function libraryErrorEntries(errors: readonly LibraryError[]): SyncReport['errors'] {
  return errors.map((e) => ({ citekey: e.citekey, path: null, message: `export${e.line === null ? '' : ` line ${e.line}`}: ${e.message}` }));
}

/**
 * Sync an export into the vault. Throws SyncAbortedError when the export is empty, half-written, unreadable or
 * far smaller than at the last sync, or the notes folder is a hidden one (nothing is touched), and TemplateError/DateFormatError for a bad template or
 * date format (nothing is touched either). Per-note problems are in the report.
 */
export async function syncExport(input: SyncExportInput): Promise<SyncOutcome> {
  const hidden = hiddenFolderProblem(input.settings.notesFolder);
  if (hidden !== null) throw new SyncAbortedError('hidden-notes-folder', `${hidden} Nothing was changed.`);
  const exportHash = exportFingerprint(input.exportText);
  const mayskip = !input.force && input.only === undefined;
  const check = new UnchangedExportCheck(input.vault, input.settings, exportHash, renderKeyOf(input.settings, input.language, input.template));
  const stored = await input.store.read(); // once: the head and the whole state come from the same text
  const head = mayskip ? stored.head() : null;
  if (mayskip && input.automatic && syncedByAnotherDevice(head, exportHash, input.device)) return skipped(head?.lastExport?.paperCount ?? 0, true);
  if (mayskip && (await check.byHead(head))) return skipped(head?.lastExport?.paperCount ?? 0);
  const state = await stored.state();
  const damage = stored.damage;
  // A damaged state is never taken as "nothing to do": the sync runs, says so, and writes a good state.
  if (mayskip && !damage && (await check.byState(state))) return skipped(state?.lastExport?.paperCount ?? 0);
  const { text, warnings: encodingWarnings } = exportText(input.exportText, input.exportName);
  checkExportText(text);
  let library: LibraryReadResult;
  try {
    library = input.library ?? readLibrary(text);
  } catch (e) {
    throw readFailure(text, e);
  }
  // Without a usable state, the shrink guard compares with the literature notes in the vault instead of nothing.
  const noteCount = damage && !damage.usedBackup ? await new NoteLocator(input.vault, input.settings.notesFolder).countNotes() : null;
  checkLibrary(library, noteCount ?? state?.lastExport?.paperCount ?? null, input.settings.minExportRatio);
  const unreadable = library.errors.flatMap((e) => (e.citekey === null ? [] : [e.citekey]));
  const plan = await planSync({ ...input, papers: library.papers, state, exportHash, exportClean: library.errors.length === 0, unreadable });
  const report = input.dryRun ? reportOfPlan(plan) : await applySync(input.vault, plan, input.store, { pause: input.pause, ...input.apply });
  // Entries of the export that could not be read are errors of this sync too (when syncing everything).
  if (input.only === undefined) report.errors.unshift(...libraryErrorEntries(library.errors));
  else {
    const found = new Set(library.papers.map((p) => p.citekey));
    for (const key of input.only) {
      if (found.has(key)) continue;
      const near = library.papers.find((p) => p.citekey.toLowerCase() === key.toLowerCase());
      report.errors.push({ citekey: key, path: null, message: `${NOT_IN_EXPORT}${near ? ` (did you mean "${near.citekey}"?)` : ''}` });
    }
  }
  const warnings = [...encodingWarnings, ...library.warnings];
  const summary = { format: library.format, errors: library.errors, warnings, paperCount: library.papers.length };
  const damageWarning = damage ? [stateDamageMessage(damage, noteCount)] : [];
  return { report, plan, skipped: false, library: summary, warnings: [...damageWarning, ...warnings, ...plan.warnings], stateDamage: damage };
}

export { SyncAbortedError };
