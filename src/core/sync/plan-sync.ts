/**
 * Plan a sync: for every paper, decide create / update / unchanged / conflict / error, and which notes of papers
 * that left the export get the removed flag. Reads the vault, never writes it. A TemplateError or DateFormatError
 * (bad template or date format) stops the whole plan: it would fail every paper. This is the run over the export
 * (duplicates, papers skipped by their notes' stats, batches of whole papers, the export's figures); what happens to
 * each note is decided in note-planner.ts.
 */
import type { Paper } from '../library/paper';
import { paperSource, type PaperKey } from '../library/library-index';
import { checkPaperCount } from './export-safety';
import { NotePlanner } from './note-planner';
import { forEachLimited } from './note-locator';
import type { PlanSyncInput } from './plan-sync-input';
import type { SyncPlan } from './sync-plan';

export type { PlanSyncInput } from './plan-sync-input';

/** Whole papers read from the source at a time. */
const READ_BATCH = 256;

/**
 * Plan a sync of `papers` into the vault. Throws SyncAbortedError (before reading any note) when the papers are
 * none, or far fewer than at the last full sync; throws TemplateError for a template that does not compile.
 */
export async function planSync(input: PlanSyncInput): Promise<SyncPlan> {
  const source = input.source ?? paperSource(input.papers ?? []);
  const full = input.only === undefined;
  if (full && !input.shrinkChecked) checkPaperCount(source.entries.length, 0, input.state?.lastExport?.paperCount ?? null, input.settings.minExportRatio);
  const planner = new NotePlanner(input);
  const wanted = input.only ? new Set(input.only) : null;
  const seen = new Set<string>();
  const outOfScope: string[] = [];
  const candidates: { key: PaperKey; index: number }[] = [];
  for (const key of source.entries) {
    if (wanted && !wanted.has(key.citekey)) continue;
    if (input.scope && !input.scope.includes(key)) {
      outOfScope.push(key.citekey);
      continue;
    }
    const index = planner.actions.length;
    if (seen.has(key.citekey)) {
      planner.actions.push({ kind: 'error', citekey: key.citekey, path: null, reasons: ['duplicate citekey in the export: only its first entry is synced'] });
      continue;
    }
    seen.add(key.citekey);
    planner.actions.push({ kind: 'error', citekey: key.citekey, path: null, reasons: ['not planned'] });
    candidates.push({ key, index });
  }
  // Papers whose note is as the last sync left it are skipped without being read (a stat per note, in parallel).
  const work: typeof candidates = [];
  await forEachLimited(
    candidates,
    input.concurrency ?? 16,
    async (item) => {
      if (!(await planner.unchanged(item.key, item.index))) work.push(item);
    },
    input.pause,
  );
  work.sort((a, b) => a.index - b.index);
  // The others are read whole, a batch at a time (a 10,000-paper first sync never holds every paper at once).
  for (let from = 0; from < work.length; from += READ_BATCH) {
    const batch = work.slice(from, from + READ_BATCH);
    const read = new Map((await source.papers(batch.map((w) => w.key.citekey))).map((p) => [p.citekey, p]));
    // Papers without any note (all of them in a first sync) need no vault access: planned in a plain loop, without
    // the promises per paper of the others.
    const others: { paper: Paper; hash: string; index: number }[] = [];
    for (const { key, index } of batch) {
      const paper = read.get(key.citekey);
      if (!paper) planner.actions[index] = { kind: 'error', citekey: key.citekey, path: null, reasons: ['could not be read from the export'] };
      else if (await planner.isNew(paper)) planner.planNew(paper, index, key.hash);
      else others.push({ paper, hash: key.hash, index });
      if (input.pause) await input.pause();
    }
    await forEachLimited(others, input.concurrency ?? 16, ({ paper, hash, index }) => planner.planPaper(paper, hash, index), input.pause);
  }
  await planner.allocateCreates();
  const flagged = full ? await planner.planRemovals(new Set([...seen, ...outOfScope, ...(input.unreadable ?? []), ...(input.present ?? [])])) : [];
  const next = planner.next;
  if (full) {
    const clean = input.exportClean !== false && planner.actions.every((a) => a.kind !== 'conflict' && a.kind !== 'error');
    const last = input.state?.lastExport ?? null;
    const exportHash = input.exportHash ?? '';
    // An export with unreadable entries (a partial file) never lowers the shrink guard's baseline.
    const count = source.entries.length;
    const paperCount = input.exportClean === false ? Math.max(count, last?.paperCount ?? 0) : count;
    const scope = input.scope?.key ?? '';
    const same = last !== null && last.exportHash === exportHash && last.paperCount === paperCount && last.clean === clean && (last.scope ?? '') === scope;
    const extra = { ...(input.device ? { device: input.device } : {}), ...(scope !== '' ? { scope, scopePapers: count - outOfScope.length } : {}) };
    next.lastExport = same ? last : { exportHash, paperCount, syncedAt: input.now.toISOString(), clean, notesListing: last?.notesListing ?? '', ...extra };
  }
  return { actions: planner.actions, flagged, warnings: planner.warnings, previousState: input.state, nextState: next, notesFolder: input.settings.notesFolder, full };
}
