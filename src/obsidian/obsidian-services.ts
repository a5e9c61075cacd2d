/**
 * The real PluginServices, as `main.ts` builds them. This file is on the start-up path, so it holds no core logic:
 * the sync (reader, renderer, sync engine) and the concept engine are dynamic imports, evaluated the first time a
 * command, the sync or a concept change needs them (esbuild bundles them in main.js but runs them lazily); the
 * summary entry imports only its own small module. Syncs and imports run one at a time, so two of them never write
 * the same note or the state at once. Which papers have a note is worked out once and kept until a sync, an
 * import or a deleted or renamed note changes it (the import modal asks on every open).
 */
import type { App } from 'obsidian';
import { SyncStateStore } from '../core/sync/sync-state-store';
import type { VaultPort } from '../core/vault/vault-port';
import type { ConceptService } from './concept-service';
import type { PluginConfigFile } from './config-file';
import type { PluginServices } from './plugin-services';
import type { SyncService } from './sync-service';

export interface ObsidianServiceDeps {
  app: App;
  vault: VaultPort;
  /** `sync-state.json` in the plugin's folder. */
  stateFile: Pick<PluginConfigFile, 'read' | 'write'>;
  yieldToUi: () => Promise<void>;
}

/** A loader that imports once, and tries again after a failed import. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    }));
}

export function createObsidianServices(deps: ObsidianServiceDeps): PluginServices {
  const store = new SyncStateStore(deps.stateFile);
  let loadedConcepts: ConceptService | null = null;
  const concepts = once(() =>
    import('./concept-service').then((m) => (loadedConcepts = new m.ConceptService({ app: deps.app, vault: deps.vault, yieldToUi: deps.yieldToUi }))),
  );
  const sync = once(async (): Promise<SyncService> => {
    const [m, conceptService] = await Promise.all([import('./sync-service'), concepts()]);
    return new m.SyncService({ vault: deps.vault, store, yieldToUi: deps.yieldToUi }, conceptService);
  });
  let noted: Promise<Set<string>> | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  /** Run after every write queued before; what is cached about notes is dropped once it ends. */
  const oneWriterAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = writing.then(task).finally(() => {
      noted = null;
    });
    writing = run.catch(() => undefined);
    return run;
  };
  const findNoted = async (): Promise<Set<string>> => {
    const state = await store.load();
    const keys = new Set<string>();
    for (const [citekey, note] of Object.entries(state?.notes ?? {})) if (await deps.vault.exists(note.path)) keys.add(citekey);
    return keys;
  };

  return {
    syncLibrary: (request) => oneWriterAtATime(async () => (await sync()).sync(request)),
    importPaper: (request) => oneWriterAtATime(async () => (await sync()).importPaper(request)),
    notedCitekeys() {
      const found = (noted ??= findNoted());
      found.catch(() => {
        if (noted === found) noted = null; // try again on the next open
      });
      return found;
    },
    notesChanged() {
      noted = null;
    },
    async renderPaperSummary(paper, number, context) {
      const { renderSummaryEntry } = await import('../core/notes/summary-entry');
      return renderSummaryEntry(paper, number, { language: context.language, summarySource: context.settings.summarySource });
    },
    async lastSyncedAt() {
      const at = (await store.loadHead())?.lastExport?.syncedAt;
      const date = at ? new Date(at) : null;
      return date && !Number.isNaN(date.getTime()) ? date : null;
    },
    linkConceptsInText: async (text, path, context) => (await concepts()).linkNoteText(text, path, context),
    rebuildConceptLinks: async (context, onProgress) => (await concepts()).rebuild(context, onProgress),
    createConceptNotesFromGlossary: async (context, onProgress) => (await concepts()).createGlossary(context, onProgress),
    updateConceptLinks: async (paths, context) => (await concepts()).update(paths, context),
    // Nothing to mark before the concept engine is loaded: without it there is no kept index to go stale.
    markConceptsChanged: () => loadedConcepts?.markConceptsChanged(),
  };
}
