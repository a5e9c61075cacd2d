/**
 * The real PluginServices, as `main.ts` builds them. This file is on the start-up path, so it holds no core logic:
 * the sync (reader, renderer, sync engine) and the concept engine are dynamic imports, evaluated the first time a
 * command, the sync or a concept change needs them (esbuild bundles them in main.js but runs them lazily).
 * Syncs and imports run one at a time, so two of them never write the same note or the state at once.
 */
import type { App } from 'obsidian';
import type { VaultPort } from '../core/vault/vault-port';
import type { ConceptService } from './concept-service';
import type { PluginConfigFile } from './config-file';
import type { PluginServices } from './plugin-services';
import type { SyncService } from './sync-service';
import { PluginSyncStateStore } from './sync-state-file';

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
  const store = new PluginSyncStateStore(deps.stateFile);
  let loadedConcepts: ConceptService | null = null;
  const concepts = once(() =>
    import('./concept-service').then((m) => (loadedConcepts = new m.ConceptService({ app: deps.app, vault: deps.vault, yieldToUi: deps.yieldToUi }))),
  );
  const sync = once(async (): Promise<SyncService> => {
    const [m, conceptService] = await Promise.all([import('./sync-service'), concepts()]);
    return new m.SyncService({ vault: deps.vault, store, yieldToUi: deps.yieldToUi }, conceptService);
  });
  let writing: Promise<unknown> = Promise.resolve();
  const oneWriterAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = writing.then(task);
    writing = run.catch(() => undefined);
    return run;
  };

  return {
    syncLibrary: (request) => oneWriterAtATime(async () => (await sync()).sync(request)),
    importPaper: (request) => oneWriterAtATime(async () => (await sync()).importPaper(request)),
    async notedCitekeys() {
      const state = await store.load();
      const keys = new Set<string>();
      for (const [citekey, note] of Object.entries(state?.notes ?? {})) if (await deps.vault.exists(note.path)) keys.add(citekey);
      return keys;
    },
    renderPaperSummary: async (paper, number, context) => (await sync()).renderSummary(paper, number, context),
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
