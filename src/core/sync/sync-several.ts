/**
 * The sync of several exports (see several-exports.ts for how they are named and merged). Per export:
 *
 * - **Safety checks.** The half-written/unreadable check and the shrink check (against that export's own papers at
 *   its last sync) run on each export. One that fails is reported with its file name and the others still sync; its
 *   papers' notes are then neither rewritten nor flagged as removed. Only when no export could be read does the sync
 *   stop, with the first export's error (as for one export).
 * - **No-op.** Nothing changed in any export, nor in the notes: the whole sync is skipped on the state's head, as
 *   for one export (the fingerprint recorded is that of all the exports). An export unchanged since its own last
 *   clean sync, whose notes are all in place, is not even read when another one changed.
 * - **Devices.** An automatic sync leaves an export that another device synced already at this very fingerprint;
 *   when that is every export that changed, the whole sync is skipped.
 * - **Collections.** A sync limited to collections (sync-scope.ts) reads every export, since a collection may be in
 *   any of them; it refuses only when no export has any of the names, and warns of a name none of them has.
 */
import type { IndexedExport } from '../library/library-index';
import { hiddenFolderProblem } from '../settings/setting-inputs';
import { applySync } from './apply-sync';
import { exportFingerprint } from './export-bytes';
import { checkPaperCount, defectError, SyncAbortedError } from './export-safety';
import { NoteLocator } from './note-locator';
import { renderKeyOf } from './note-renderer';
import { planSync } from './plan-sync';
import {
  collisionWarnings,
  combinedFingerprint,
  exportKeys,
  exportRecords,
  mergeExports,
  recordSyncedElsewhere,
  type ReadExport,
  type SyncExportSource,
} from './several-exports';
import type { SyncExportInput } from './sync-export-input';
import { stateDamageMessage } from './sync-messages';
import { lastSyncedPapers, libraryErrorEntries, missingCitekeys, readInProcess, skippedOutcome, type ExportOutcome, type SyncOutcome } from './sync-outcome';
import { reportOfPlan, type SyncPlan } from './sync-plan';
import type { ExportRecord, SyncState } from './sync-state';
import { UnchangedExportCheck } from './unchanged-export';
import { resolveSyncScope, scopeKey, type SyncScope } from './sync-scope';
import { collectionList } from '../library/collections';
import { errorMessage } from '../text/error-message';

export interface SeveralExportsInput extends Omit<SyncExportInput, 'exports' | 'exportText' | 'exportName' | 'exportHash' | 'readExport'> {
  exports: readonly SyncExportSource[];
}

/** An export that could not be synced: its message names its file. */
interface Failure {
  index: number;
  error: Error;
}

/** What each export's record says now; `whole`: the fingerprint of them all. */
interface Fingerprints {
  keys: string[];
  hashes: string[];
  whole: string;
}

/** Whether every export is one another device synced, or one unchanged since (and at least one was synced elsewhere). */
function allSyncedElsewhere(records: (ExportRecord | null)[], hashes: string[], device: string | undefined): boolean {
  const elsewhere = records.map((r, i) => recordSyncedElsewhere(r, hashes[i], device));
  return elsewhere.some(Boolean) && records.every((r, i) => elsewhere[i] || (r !== null && hashes[i] !== '' && r.exportHash === hashes[i]));
}

/** The error as it is reported: the export's file name first, and what became of its notes. */
function failureMessage(name: string, error: Error): string {
  const text = errorMessage(error).replace(/;?\s*nothing was changed\.?/i, '').trim().replace(/\.$/, '');
  return `${name}: ${text}. Its papers' notes were left as they are.`;
}

/** Read one export and run its safety checks; throws what makes it fail. */
async function readChecked(input: SeveralExportsInput, source: SyncExportSource, hash: string, last: ExportRecord | null): Promise<IndexedExport> {
  const library = source.read ? await source.read() : await readInProcess(source.content ?? '', hash, source.name);
  if (library.defect) throw defectError(library.defect);
  checkPaperCount(library.entries.length, library.errors.length, last?.paperCount ?? null, input.settings.minExportRatio);
  return library;
}

/** The plugin was unloaded while an export was read: the whole run stops (it is no failure of that export). */
function stopsTheRun(err: unknown): boolean {
  return err instanceof Error && err.name === 'PluginUnloadedError';
}

export async function syncSeveralExports(input: SeveralExportsInput): Promise<SyncOutcome> {
  const hidden = hiddenFolderProblem(input.settings.notesFolder);
  if (hidden !== null) throw new SyncAbortedError('hidden-notes-folder', `${hidden} Nothing was changed.`);
  const keys = exportKeys(input.exports.map((e) => e.name));
  const hashes = input.exports.map((e) => e.hash ?? (e.content === undefined ? '' : exportFingerprint(e.content)));
  const prints: Fingerprints = { keys, hashes, whole: combinedFingerprint(keys, hashes) };
  const mayskip = !input.force && input.only === undefined;
  const renderKey = renderKeyOf(input.settings, input.language, input.template);
  // A sync limited to collections: its scope is part of what a skipped sync must have had (see sync-scope.ts).
  const scoped = input.only === undefined ? input.settings.syncCollections : [];
  const scopeId = scopeKey(scoped);
  const check = new UnchangedExportCheck(input.vault, input.settings, prints.whole, renderKey, scopeId);
  const stored = await input.store.read();
  const head = mayskip ? stored.head() : null;
  const total = (records: (ExportRecord | null)[]) => records.reduce((n, r) => n + (r?.paperCount ?? 0), 0);
  const sameScope = (head?.lastExport?.scope ?? '') === scopeId;
  if (mayskip && sameScope && input.automatic && allSyncedElsewhere(exportRecords(head, keys), hashes, input.device)) return skippedOutcome(total(exportRecords(head, keys)), true);
  if (mayskip && (await check.byHead(head))) return skippedOutcome(lastSyncedPapers(head?.lastExport));
  const state = await stored.state();
  const damage = stored.damage;
  if (mayskip && !damage && (await check.byState(state))) return skippedOutcome(lastSyncedPapers(state?.lastExport));
  const records = exportRecords(state, keys);
  const outcomes: ExportOutcome[] = input.exports.map((e, i) => ({ name: e.name, key: keys[i], status: 'synced', format: null, paperCount: null }));
  // Exports left alone: synced by another device (an automatic sync), or unchanged with their notes in place.
  for (let i = 0; i < keys.length; i++) {
    const last = records[i];
    if (!mayskip || !last || scopeId !== '') continue;
    if (input.automatic && recordSyncedElsewhere(last, hashes[i], input.device)) outcomes[i] = { ...outcomes[i], status: 'elsewhere', paperCount: last.paperCount };
    else if (!damage && state && last.clean && hashes[i] !== '' && last.exportHash === hashes[i] && state.renderKey === renderKey && (await check.notesInPlace(state, (n) => n.export === keys[i]))) {
      outcomes[i] = { ...outcomes[i], status: 'unchanged', paperCount: last.paperCount };
    }
  }
  const read: ReadExport[] = [];
  const failures: Failure[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (outcomes[i].status !== 'synced') continue;
    const source = input.exports[i];
    try {
      const library = await readChecked(input, source, hashes[i], records[i]);
      read.push({ index: i, key: keys[i], name: source.name, library });
      outcomes[i] = { ...outcomes[i], format: library.format, paperCount: library.entries.length };
    } catch (err) {
      if (stopsTheRun(err)) throw err;
      const error = err instanceof Error ? err : new Error(String(err));
      failures.push({ index: i, error });
      outcomes[i] = { ...outcomes[i], status: 'failed', message: failureMessage(source.name, error) };
    }
  }
  if (read.length === 0 && failures.length > 0) throw failures[0].error; // nothing could be read: as for one export
  const held = new Set(outcomes.filter((o) => o.status !== 'synced').map((o) => o.key));
  const papers = read.reduce((n, r) => n + r.library.entries.length, 0);
  const errors = read.reduce((n, r) => n + r.library.errors.length, 0);
  // Without a usable state, or with the state of one export, the papers of them all guard against a shrunken file.
  const noteCount = damage && !damage.usedBackup ? await new NoteLocator(input.vault, input.settings.notesFolder).countNotes() : null;
  const baseline = noteCount ?? (state?.exports ? null : (state?.lastExport?.paperCount ?? null));
  if (held.size === 0) checkPaperCount(papers, errors, baseline, input.settings.minExportRatio);
  const merged = mergeExports(read, state, held);
  // The collections of every export read (a scope is read whole: see above); refused when no name matches any.
  const collections = collectionList(read.flatMap((r) => r.library.collections.map((c) => c.path)));
  const { scope, warnings: scopeWarnings } = resolveSyncScope({ collections, entries: merged.source.entries }, scoped, read.map((r) => r.name));
  const exportClean = failures.length === 0 && errors === 0 && !outcomes.some((o) => o.status === 'elsewhere');
  const plan = await planSync({ ...input, source: merged.source, state, exportHash: prints.whole, exportClean, present: merged.present, exportOf: merged.exportOf, shrinkChecked: true, scope: scope ?? undefined });
  if (plan.full) recordExports(plan, input, prints, read, records, exportClean, merged.source.entries.length, scope);
  const report = input.dryRun ? reportOfPlan(plan) : await applySync(input.vault, plan, input.store, { pause: input.pause, ...input.apply });
  // The papers of the exports left unread are unchanged (as a whole skipped sync counts them).
  if (input.only === undefined) report.unchanged += outcomes.reduce((n, o) => n + (o.status === 'unchanged' || o.status === 'elsewhere' ? (o.paperCount ?? 0) : 0), 0);
  const failed = failures.map((f) => ({ citekey: null, path: null, export: input.exports[f.index].name, message: outcomes[f.index].message ?? errorMessage(f.error) }));
  if (input.only === undefined) report.errors.unshift(...failed, ...read.flatMap((r) => libraryErrorEntries(r.library.errors, r.name)));
  else {
    const unread = failures.length === 0 ? '' : ` (${failures.map((f) => input.exports[f.index].name).join(', ')} could not be read)`;
    const citekeys = read.flatMap((r) => r.library.entries.map((e) => e.citekey));
    report.errors.push(...missingCitekeys(input.only, (k) => merged.exportOf(k) !== undefined, citekeys, unread));
  }
  const library = { format: read[0]?.library.format ?? null, errors: read.flatMap((r) => r.library.errors), warnings: read.flatMap((r) => r.library.warnings), paperCount: papers };
  const damageWarning = damage ? [stateDamageMessage(damage, noteCount)] : [];
  const warnings = [...damageWarning, ...collisionWarnings(merged.collisions), ...library.warnings, ...scopeWarnings, ...plan.warnings];
  return { report, plan, skipped: false, scope: scope?.summary ?? null, library, exports: outcomes, warnings, stateDamage: damage };
}

/**
 * Record in the planned state each export read (its fingerprint, papers and whether it was clean), keep the
 * records of those left alone, and make `lastExport` the sync of them all. Records that did not change are kept as
 * they were, so an unchanged sync leaves the state's text as it was.
 */
function recordExports(
  plan: SyncPlan,
  input: SeveralExportsInput,
  prints: Fingerprints,
  read: readonly ReadExport[],
  records: (ExportRecord | null)[],
  exportClean: boolean,
  planned: number,
  scope: SyncScope | null,
): void {
  const next: SyncState = plan.nextState;
  const syncedAt = input.now.toISOString();
  const device = input.device ? { device: input.device } : {};
  const planClean = plan.actions.every((a) => a.kind !== 'conflict' && a.kind !== 'error');
  const list: ExportRecord[] = [];
  prints.keys.forEach((key, i) => {
    const old = records[i];
    const r = read.find((x) => x.index === i);
    if (!r) {
      if (old) list.push(old);
      return;
    }
    const count = r.library.entries.length;
    // An export with unreadable entries (a partial file) never lowers its shrink guard's baseline.
    const paperCount = r.library.errors.length > 0 ? Math.max(count, old?.paperCount ?? 0) : count;
    const clean = planClean && r.library.errors.length === 0;
    const exportHash = prints.hashes[i] || r.library.fingerprint;
    const same = old !== null && old.exportHash === exportHash && old.paperCount === paperCount && old.clean === clean;
    list.push(same ? old : { key, exportHash, paperCount, syncedAt, clean, ...device });
  });
  next.exports = list;
  const last = plan.previousState?.lastExport ?? null;
  // The papers of them all: those synced (a citekey in two exports once), and those of the exports left unread.
  const paperCount = planned + records.reduce((n, r, i) => n + (r && !read.some((x) => x.index === i) ? r.paperCount : 0), 0);
  const clean = planClean && exportClean;
  const scoped = scope ? { scope: scope.key, scopePapers: scope.summary.papers } : {};
  const same = last !== null && last.exportHash === prints.whole && last.paperCount === paperCount && last.clean === clean && (last.scope ?? '') === (scope?.key ?? '');
  next.lastExport = same ? last : { exportHash: prints.whole, paperCount, syncedAt, clean, notesListing: last?.notesListing ?? '', ...device, ...scoped };
}
