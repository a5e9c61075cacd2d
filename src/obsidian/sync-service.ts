/**
 * The sync inside Obsidian: `runSync` with the library the cache already parsed (no second parse), the vault
 * adapter, the state shared with the CLI, the note template from the settings and Obsidian's link format for the
 * concept links of new notes. After the notes are written, the concept links of the notes that changed are
 * updated. Loaded on first use (it pulls in the reader, the renderer and the sync engine), never at start-up.
 */
import { loadNoteTemplate } from '../core/notes/load-template';
import type { VaultPort } from '../core/vault/vault-port';
import { outcomeSummary, runSync, type RunSyncInput, type SyncOutcome } from '../core/sync/run-sync';
import type { SyncStateStore } from '../core/sync/sync-state-store';
import type { ConceptService } from './concept-service';
import { isUnloadedError } from './plugin-lifetime';
import type { ConceptLinkResult, ImportRequest, ImportResult, ServiceContext, SyncRequest, SyncSummary } from './plugin-services';
import { errorMessage } from '../core/text/error-message';

export interface SyncDeps {
  vault: VaultPort;
  store: SyncStateStore;
  /** Let Obsidian paint; the sync awaits it every batch of notes. */
  yieldToUi: () => Promise<void>;
}

/** What a concept run says that the user should know after a sync. */
function conceptWarnings(result: ConceptLinkResult | null): string[] {
  if (!result) return [];
  return [...result.newConflicts, ...result.failed.map((f) => `Concept links not written in ${f.path}: ${f.message}`)];
}

export class SyncService {
  constructor(
    private readonly deps: SyncDeps,
    private readonly concepts: ConceptService,
  ) {}

  /** Sync the whole export; throws SyncAbortedError (export half written, far smaller) or TemplateError. */
  async sync(request: SyncRequest): Promise<SyncSummary> {
    const outcome = await this.run(request, { apply: { onProgress: (done, total) => request.onProgress({ done, total }) } });
    const summary = outcomeSummary(outcome);
    const relinkWarnings = await this.relink([...summary.created, ...summary.updated, ...summary.conflicts], request);
    return { ...summary, warnings: [...summary.warnings, ...relinkWarnings] };
  }

  /** Create or update one paper's note; throws when the paper is not in the export or its note cannot be written. */
  async importPaper(request: ImportRequest): Promise<ImportResult> {
    const { report, plan } = await this.run(request, { only: [request.citekey] });
    const error = report.errors.find((e) => e.citekey === request.citekey);
    const path = plan?.actions.find((a) => a.citekey === request.citekey)?.path ?? null;
    if (error || path === null) throw new Error(`${request.citekey}: ${error?.message ?? 'no note could be made for it'}`);
    const status = report.created.includes(path) ? 'created' : report.updated.includes(path) ? 'updated' : report.conflicts.includes(path) ? 'conflict' : 'unchanged';
    const warnings = status === 'unchanged' ? [] : await this.relink([path], request);
    const kept = report.conflictDetails.find((c) => c.path === path)?.reasons;
    return { path, status, message: kept ? `Your edits in ${path} were kept: ${kept.join('; ')}` : undefined, warnings };
  }

  private async run(request: SyncRequest | ImportRequest, extra: Partial<RunSyncInput>): Promise<SyncOutcome> {
    const template = await loadNoteTemplate(this.deps.vault, request.settings); // a bad template stops here: nothing written
    const linker = await this.concepts.linker(request);
    return runSync({
      vault: this.deps.vault,
      store: this.deps.store,
      exportText: request.exportText,
      library: request.library,
      settings: request.settings,
      now: request.now,
      language: request.language,
      template,
      linker,
      pause: this.deps.yieldToUi,
      ...extra,
    });
  }

  /** Update the concept links the written notes affect (their mentions feed the concept notes' sections). */
  private async relink(paths: string[], context: ServiceContext): Promise<string[]> {
    if (paths.length === 0) return [];
    try {
      return conceptWarnings(await this.concepts.update(paths, context, true));
    } catch (err) {
      if (isUnloadedError(err)) throw err; // the plugin is unloading: the sync stops, nothing to report
      return [`Concept links were not updated: ${errorMessage(err)}`];
    }
  }
}
