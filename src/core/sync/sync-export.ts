/**
 * The whole sync from the export's content: skip an unchanged export (see unchanged-export.ts), else read it (or
 * take it read: the plugin parses in a worker), safety checks, plan, and apply (or not, for a dry run).
 */
import { hiddenFolderProblem } from '../settings/setting-inputs';
import { applySync } from './apply-sync';
import { exportFingerprint } from './export-bytes';
import { checkPaperCount, defectError, SyncAbortedError } from './export-safety';
import { NoteLocator } from './note-locator';
import { renderKeyOf } from './note-renderer';
import { planSync } from './plan-sync';
import { reportOfPlan } from './sync-plan';
import { stateDamageMessage } from './sync-messages';
import { syncedByAnotherDevice, UnchangedExportCheck } from './unchanged-export';
import { exportKeys, exportRecords } from './several-exports';
import { syncSeveralExports } from './sync-several';
import type { SyncExportInput } from './sync-export-input';

export type { SyncExportInput } from './sync-export-input';
import { lastSyncedPapers, libraryErrorEntries, missingCitekeys, readInProcess, skippedOutcome as skipped, type SyncOutcome } from './sync-outcome';
import { resolveSyncScope, scopeKey } from './sync-scope';

export { NOT_IN_EXPORT, type ExportOutcome, type SyncOutcome } from './sync-outcome';


/**
 * Sync an export into the vault. Throws SyncAbortedError when the export is empty, half-written, unreadable or
 * far smaller than at the last sync, or the notes folder is a hidden one (nothing is touched), and TemplateError/DateFormatError for a bad template or
 * date format (nothing is touched either). Per-note problems are in the report. Several exports: see
 * sync-several.ts (one bad export there does not stop the others).
 */
export function syncExport(input: SyncExportInput): Promise<SyncOutcome> {
  const given = input.exports ?? [];
  if (given.length > 1) return syncSeveralExports({ ...input, exports: given });
  const one = given[0];
  return one ? syncOneExport({ ...input, exports: undefined, exportText: one.content, exportName: one.name, exportHash: one.hash, readExport: one.read }) : syncOneExport(input);
}

async function syncOneExport(input: SyncExportInput): Promise<SyncOutcome> {
  const hidden = hiddenFolderProblem(input.settings.notesFolder);
  if (hidden !== null) throw new SyncAbortedError('hidden-notes-folder', `${hidden} Nothing was changed.`);
  const exportHash = input.exportHash ?? exportFingerprint(input.exportText ?? '');
  const mayskip = !input.force && input.only === undefined;
  const scoped = input.only === undefined ? input.settings.syncCollections : [];
  const scopeId = scopeKey(scoped);
  const check = new UnchangedExportCheck(input.vault, input.settings, exportHash, renderKeyOf(input.settings, input.language, input.template), scopeId);
  const stored = await input.store.read(); // once: the head and the whole state come from the same text
  const head = mayskip ? stored.head() : null;
  if (mayskip && input.automatic && syncedByAnotherDevice(head, exportHash, input.device, scopeId)) return skipped(lastSyncedPapers(head?.lastExport), true);
  if (mayskip && (await check.byHead(head))) return skipped(lastSyncedPapers(head?.lastExport));
  const state = await stored.state();
  const damage = stored.damage;
  // A damaged state is never taken as "nothing to do": the sync runs, says so, and writes a good state.
  if (mayskip && !damage && (await check.byState(state))) return skipped(lastSyncedPapers(state?.lastExport));
  const read = input.readExport ? await input.readExport() : await readInProcess(input.exportText ?? '', exportHash, input.exportName);
  if (read.defect) throw defectError(read.defect);
  // Without a usable state, the shrink guard compares with the literature notes in the vault instead of nothing.
  const noteCount = damage && !damage.usedBackup ? await new NoteLocator(input.vault, input.settings.notesFolder).countNotes() : null;
  const key = input.exportName === undefined ? undefined : exportKeys([input.exportName])[0];
  // After a sync of several exports, the baseline is this export's own part of it (none: it is new).
  const last = state?.exports ? (key === undefined ? null : exportRecords(state, [key])[0]) : state?.lastExport;
  checkPaperCount(read.entries.length, read.errors.length, noteCount ?? last?.paperCount ?? null, input.settings.minExportRatio);
  const { scope, warnings: scopeWarnings } = resolveSyncScope(read, scoped, input.exportName); // throws when no name matches
  const unreadable = read.errors.flatMap((e) => (e.citekey === null ? [] : [e.citekey]));
  const exportOf = key === undefined ? undefined : () => key;
  const plan = await planSync({ ...input, source: read, state, exportHash, exportClean: read.errors.length === 0, unreadable, exportOf, shrinkChecked: true, scope: scope ?? undefined });
  if (plan.full) delete plan.nextState.exports; // one export again: its record is lastExport
  const report = input.dryRun ? reportOfPlan(plan) : await applySync(input.vault, plan, input.store, { pause: input.pause, ...input.apply });
  // Entries of the export that could not be read are errors of this sync too (when syncing everything).
  if (input.only === undefined) report.errors.unshift(...libraryErrorEntries(read.errors));
  else report.errors.push(...missingCitekeys(input.only, (k) => read.entry(k) !== undefined, read.entries.map((e) => e.citekey)));
  // The reader's warnings start with those about the export's encoding (see readExport).
  const summary = { format: read.format, errors: read.errors, warnings: read.warnings, paperCount: read.entries.length };
  const damageWarning = damage ? [stateDamageMessage(damage, noteCount)] : [];
  const warnings = [...damageWarning, ...read.warnings, ...scopeWarnings, ...plan.warnings];
  return { report, plan, skipped: false, scope: scope?.summary ?? null, library: summary, warnings, stateDamage: damage };
}

export { SyncAbortedError };
