/**
 * Apply a sync plan through VaultPort. New notes are written only where no file exists; updates go through
 * `process`, recomputing the merge from the note's text at that moment (the user may have typed since the plan).
 * Nothing is ever deleted. The state is saved only when it changed.
 */
import { FileExistsError, ReadOnlyFileError, type VaultPort } from '../vault/vault-port';
import { mergeNote, type MergeResult } from './merge-note';
import { statOf, withNoteText } from './note-check';
import { forEachLimited } from './note-locator';
import { noteState } from './plan-parts';
import { REMOVED_FLAG_KEY, SYNC_CREATE_ONLY_KEYS } from './note-renderer';
import { emptyReport, type CreateAction, type FlagAction, type MergeAction, type SyncPlan, type SyncReport } from './sync-plan';
import { listingFingerprint, noteMap, type SyncState } from './sync-state';
import type { SyncStateStore } from './sync-state-store';
import { isInFolder } from '../vault/vault-path';
import { errorMessage } from '../text/error-message';
import type { Pause } from '../scheduling/time-slicer';

export interface ApplyOptions {
  /** Writes in flight at once. */
  concurrency?: number;
  /** Called after each note is handled (for progress), with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Awaited after every note (the plugin's time slicer yields to the event loop there when its slice is used up). */
  pause?: Pause;
}

type Outcome =
  | { kind: 'created' | 'updated' | 'flagged' | 'read-only'; path: string }
  | { kind: 'unchanged' }
  | { kind: 'conflict'; path: string; reasons: string[] }
  | { kind: 'error'; citekey: string; path: string | null; message: string };


async function applyCreate(vault: VaultPort, a: CreateAction, state: SyncState): Promise<Outcome> {
  try {
    if (a.replaces === undefined) await vault.create(a.path, a.text);
    else if ((await vault.process(a.path, (current) => (current === a.replaces ? a.text : current))) !== a.text) {
      return { kind: 'error', citekey: a.citekey, path: a.path, message: 'the file at this path changed since the sync was planned; not overwritten' };
    }
  } catch (err) {
    // A file appeared at this path since the plan: it is never overwritten.
    if (err instanceof FileExistsError) return { kind: 'error', citekey: a.citekey, path: a.path, message: 'a file appeared at this path since the sync was planned; not overwritten' };
    throw err;
  }
  state.notes[a.citekey] = withNoteText(a.note, a.text, await statOf(vault, a.path));
  return { kind: 'created', path: a.path };
}

async function applyMerge(vault: VaultPort, a: MergeAction, state: SyncState): Promise<Outcome> {
  let result: MergeResult | null = null;
  const text = await vault.process(a.path, (current) => {
    result = mergeNote(current, a.fresh, a.merge);
    return result.text;
  });
  const merged = result as MergeResult | null;
  if (!merged) return { kind: 'error', citekey: a.citekey, path: a.path, message: 'the note could not be read' };
  const note = noteState(a.note.path, a.note.paperHash, a.note.importedAt, merged.written, merged.conflicts.length > 0);
  if (a.note.export !== undefined) note.export = a.note.export;
  state.notes[a.citekey] = withNoteText(note, text, await statOf(vault, a.path));
  if (merged.conflicts.length > 0) return { kind: 'conflict', path: a.path, reasons: merged.conflicts };
  return merged.changed ? { kind: 'updated', path: a.path } : { kind: 'unchanged' };
}

async function applyFlag(vault: VaultPort, f: FlagAction): Promise<Outcome> {
  let conflicts: string[] = [];
  await vault.process(f.path, (current) => {
    const r = mergeNote(current, { entries: [], regions: [] }, {
      recorded: null,
      managedKeys: [],
      createOnlyKeys: SYNC_CREATE_ONLY_KEYS,
      removedFlag: { key: REMOVED_FLAG_KEY, value: f.date },
    });
    conflicts = r.conflicts;
    return r.text;
  });
  if (conflicts.length > 0) return { kind: 'conflict', path: f.path, reasons: ['not in the export any more, but the removed flag could not be set', ...conflicts] };
  return { kind: 'flagged', path: f.path };
}

/**
 * Apply `plan` to the vault and save the resulting state through `store` (only if it changed). Per-note failures
 * are reported, never thrown; the rest of the plan is still applied.
 */
export async function applySync(vault: VaultPort, plan: SyncPlan, store: SyncStateStore, options: ApplyOptions = {}): Promise<SyncReport> {
  const state: SyncState = { ...plan.nextState, notes: noteMap(plan.nextState.notes) };
  const work: { citekey: string; path: string; run: () => Promise<Outcome> }[] = [];
  for (const a of plan.actions) {
    if (a.kind === 'create') work.push({ citekey: a.citekey, path: a.path, run: () => applyCreate(vault, a, state) });
    else if (a.kind === 'update' || a.kind === 'conflict') work.push({ citekey: a.citekey, path: a.path, run: () => applyMerge(vault, a, state) });
  }
  for (const f of plan.flagged) work.push({ citekey: f.citekey, path: f.path, run: () => applyFlag(vault, f) });
  const outcomes: Outcome[] = new Array<Outcome>(work.length);
  let done = 0;
  await forEachLimited(work, options.concurrency ?? 16, async (item, i) => {
    try {
      outcomes[i] = await item.run();
    } catch (e) {
      // A read-only note is the user saying "leave it": skipped, not failed.
      if (isPermissionDenied(e)) outcomes[i] = { kind: 'read-only', path: item.path };
      else outcomes[i] = { kind: 'error', citekey: item.citekey, path: item.path, message: errorMessage(e) };
    }
    done++;
    options.onProgress?.(done, work.length);
  }, options.pause);
  await vault.settle?.();
  const report = emptyReport();
  for (const a of plan.actions) {
    if (a.kind === 'unchanged') report.unchanged++;
    else if (a.kind === 'error') report.errors.push({ citekey: a.citekey, path: a.path, message: a.reasons.join('; ') });
  }
  for (const o of outcomes) {
    if (o.kind === 'created') report.created.push(o.path);
    else if (o.kind === 'updated') report.updated.push(o.path);
    else if (o.kind === 'flagged') report.flagged.push(o.path);
    else if (o.kind === 'read-only') report.readOnly.push(o.path);
    else if (o.kind === 'unchanged') report.unchanged++;
    else if (o.kind === 'conflict') {
      report.conflicts.push(o.path);
      report.conflictDetails.push({ path: o.path, reasons: o.reasons });
    } else if (o.kind === 'error') report.errors.push({ citekey: o.citekey, path: o.path, message: o.message });
  }
  // A note that could not be written must be planned again next time: forget what the plan expected of it.
  outcomes.forEach((o, i) => {
    if (o.kind === 'error' || o.kind === 'read-only') forgetFailed(state, plan, work[i].citekey);
  });
  if (report.errors.length > 0 || report.conflicts.length > 0 || report.readOnly.length > 0) {
    if (state.lastExport) state.lastExport = { ...state.lastExport, clean: false };
    if (state.exports) state.exports = state.exports.map((r) => ({ ...r, clean: false })); // each export parsed again next time
  }
  if (plan.full && state.lastExport) await recordListing(vault, plan.notesFolder, state);
  await store.save(state); // written only when it differs from the stored text
  return report;
}

/**
 * The note may not be written: ReadOnlyFileError (the Node backend checks first), or the permission error a backend
 * that does not check (Obsidian's adapter) gets from the file system.
 */
function isPermissionDenied(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof ReadOnlyFileError || code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/** Remember the notes folder as this sync left it, for the unchanged-export fast path (see sync-export.ts). */
async function recordListing(vault: VaultPort, folder: string, state: SyncState): Promise<void> {
  const last = state.lastExport;
  if (!last) return;
  const outside = Object.values(state.notes).some((n) => n.removed === undefined && !isInFolder(n.path, folder));
  const listing = outside ? '' : listingFingerprint(await vault.list(folder, '.md'));
  if (listing !== last.notesListing) state.lastExport = { ...last, notesListing: listing };
}

function forgetFailed(state: SyncState, plan: SyncPlan, citekey: string): void {
  const before = plan.previousState?.notes[citekey];
  if (before) state.notes[citekey] = before;
  else delete state.notes[citekey];
}
