/**
 * The sync use cases, shared by the CLI and the plugin: load the note template, build the concept linker for new
 * notes, run the engine (sync-export.ts), let the caller update what depends on the written notes, and return the
 * summary. "Sync Zotero library" syncs every paper; "Import paper" one citekey. Each shell only gathers the inputs (its
 * vault, state file, settings and export bytes) and shows the result.
 */
import { loadConceptIndex } from '../concepts/load-index';
import { noteLinker } from '../concepts/link-text';
import { loadNoteTemplate } from '../notes/load-template';
import type { ExportContent } from './export-bytes';
import { NOT_IN_EXPORT, syncExport, type SyncExportInput } from './sync-export';
import type { SyncOutcome } from './sync-outcome';
import type { TakeZoteroVersion } from './plan-parts';
import type { NoteLinker } from './sync-plan';
import type { SyncLock } from './sync-lock';
import { outcomeSummary, type SyncProgress, type SyncSummary } from './sync-summary';

/**
 * What a sync use case is given: the engine's input as the shells have it (see SyncExportInput for each field), plus
 * what the use case does around the engine.
 */
export interface LibrarySyncRequest
  extends Pick<
    SyncExportInput,
    'vault' | 'store' | 'settings' | 'language' | 'now' | 'exports' | 'exportName' | 'exportHash' | 'readExport' | 'pause' | 'dryRun' | 'force' | 'device' | 'automatic'
  > {
  /** The export file's content (text, or its bytes: an unchanged export is then not even decoded). */
  exportContent?: ExportContent;
  /** The linker for new notes; default: one over the concept notes in the vault, writing wikilinks. */
  linker?: () => Promise<NoteLinker | undefined>;
  /** Notes were written: update what depends on them (the plugin re-links concepts). Returns warnings. */
  afterWrite?: (paths: string[]) => Promise<string[]>;
  onProgress?: (progress: SyncProgress) => void;
  /** Held for the whole run (not for a dry run), so that no other run writes the notes or the state meanwhile. */
  lock?: SyncLock;
  /**
   * Called holding the lock, before anything else: removes what an interrupted run left behind (the CLI's
   * temporary files) and returns the paths removed.
   */
  removeLeftovers?: () => Promise<string[]>;
}

export interface LibrarySyncResult {
  outcome: SyncOutcome;
  summary: SyncSummary;
}

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'conflict';

export interface PaperImportResult extends LibrarySyncResult {
  citekey: string;
  /** The paper's note, or null when none could be made (see `error`). */
  path: string | null;
  status: ImportStatus | 'failed';
  /** Why the import failed, or what was kept for a conflict. */
  message: string | null;
  /** The citekey is not in the export at all. */
  notInExport: boolean;
  /** What updating the notes that depend on this one had to say (e.g. a concept link not written). */
  warnings: string[];
}

/** New notes get concept links when the vault has concept notes (none: no linker). */
async function vaultLinker(request: LibrarySyncRequest): Promise<NoteLinker | undefined> {
  const { index } = await loadConceptIndex(request.vault, request.settings);
  return noteLinker(index, { linkInHeadings: request.settings.linkInHeadings });
}

/**
 * Run the engine with the template and linker of `request`. Throws TemplateError (bad template), DateFormatError
 * and SyncAbortedError (half-written, unreadable or shrunken export) before anything is written.
 */
async function run(request: LibrarySyncRequest, extra: Partial<SyncExportInput>): Promise<SyncOutcome> {
  const template = await loadNoteTemplate(request.vault, request.settings);
  const linker = await (request.linker ?? (() => vaultLinker(request)))();
  const onProgress = request.onProgress;
  return syncExport({
    vault: request.vault,
    store: request.store,
    exports: request.exports,
    exportText: request.exportContent,
    exportName: request.exportName,
    exportHash: request.exportHash,
    readExport: request.readExport,
    settings: request.settings,
    now: request.now,
    language: request.language,
    template,
    linker,
    pause: request.pause,
    dryRun: request.dryRun,
    force: request.force,
    device: request.device,
    automatic: request.automatic,
    apply: onProgress ? { onProgress: (done, total) => onProgress({ done, total }) } : undefined,
    ...extra,
  });
}

async function dependentsUpdated(request: LibrarySyncRequest, paths: string[]): Promise<string[]> {
  return paths.length === 0 || !request.afterWrite || request.dryRun ? [] : request.afterWrite(paths);
}

/**
 * Run `task` holding the request's lock (when it has one and writes), after removing what an interrupted run left;
 * the task gets the warning to add about that (if any).
 */
function underLock<T>(request: LibrarySyncRequest, task: (notes: string[]) => Promise<T>): Promise<T> {
  if (!request.lock || request.dryRun) return task([]);
  return request.lock.hold(async () => {
    const removed = (await request.removeLeftovers?.()) ?? [];
    const n = removed.length;
    return task(n === 0 ? [] : [`Removed ${n} temporary file${n === 1 ? '' : 's'} left by an interrupted sync.`]);
  });
}

/** Sync every paper of the export. */
export function syncLibrary(request: LibrarySyncRequest): Promise<LibrarySyncResult> {
  return underLock(request, async (notes) => {
    const outcome = await run(request, {});
    outcome.warnings.unshift(...notes);
    const { created, updated, conflicts } = outcome.report;
    const warnings = await dependentsUpdated(request, [...created, ...updated, ...conflicts]);
    return { outcome, summary: outcomeSummary(outcome, warnings) };
  });
}

/**
 * Create or update the note of one paper. With `take`, Zotero's version of those parts of its note replaces
 * whatever is there, the user's edits included (the way back from a conflict, or a key edited by mistake).
 */
export function importPaper(request: LibrarySyncRequest, citekey: string, take?: Omit<TakeZoteroVersion, 'citekey'>): Promise<PaperImportResult> {
  return underLock(request, (notes) => importUnlocked(request, citekey, notes, take && { citekey, ...take }));
}

async function importUnlocked(request: LibrarySyncRequest, citekey: string, notes: string[], take: TakeZoteroVersion | undefined): Promise<PaperImportResult> {
  const outcome = await run(request, { only: [citekey], take });
  outcome.warnings.unshift(...notes);
  const { report, plan } = outcome;
  const error = report.errors.find((e) => e.citekey === citekey);
  const path = plan?.actions.find((a) => a.citekey === citekey)?.path ?? null;
  const status: PaperImportResult['status'] =
    error || path === null
      ? 'failed'
      : report.created.includes(path)
        ? 'created'
        : report.updated.includes(path)
          ? 'updated'
          : report.conflicts.includes(path)
            ? 'conflict'
            : 'unchanged';
  const kept = report.conflictDetails.find((c) => c.path === path)?.reasons;
  const message = error?.message ?? (path === null ? 'no note could be made for it' : kept ? `Your edits in ${path} were kept: ${kept.join('; ')}` : null);
  const warnings = status === 'failed' || status === 'unchanged' || path === null ? [] : await dependentsUpdated(request, [path]);
  return {
    outcome,
    summary: outcomeSummary(outcome, warnings),
    citekey,
    path,
    status,
    message,
    notInExport: error?.message.startsWith(NOT_IN_EXPORT) ?? false,
    warnings,
  };
}
