/**
 * The real CoreServices, as `main.ts` builds them. This file is on the start-up path, so it holds no core logic:
 * the sync engine, the note renderer and the concept engine are loaded through the core's loaders, evaluated the first time a command,
 * the sync or a concept change needs them (esbuild bundles them in main.js but runs them lazily). Syncs and imports run one at a time, so two of them never write the same note or
 * the state at once. Which papers have a note is worked out once and kept until a sync, an import or a deleted or
 * renamed note changes it (the import modal asks on every open).
 */
import type { App } from 'obsidian';
import { loadCitationEngine } from '../../core/citations';
import { loadConceptEngine } from '../../core/concepts';
import { loadNoteRenderer, type CitationRenderer } from '../../core/notes';
import { loadSyncEngine, SyncStateStore, type LibrarySyncRequest, type SyncLockOptions, type SyncStateFile } from '../../core/sync';
import type { VaultPort } from '../../core/vault';
import type { Pause } from '../../core/scheduling';
import type { CitationService } from '../citations/citation-service';
import type { ConceptService } from '../concepts/concept-service';
import type { CoreServices, ServiceContext } from './core-services';

export interface LazyCoreServiceDeps {
  app: App;
  vault: VaultPort;
  /** `sync-state.json` in the plugin's folder. */
  stateFile: SyncStateFile;
  /** The sync lock shared with the CLI, built on first use; none: syncs are not locked (tests). */
  lock?: () => SyncLockOptions;
  /** Awaited between the steps of long runs (see UnloadGuard). */
  yieldToUi: Pause;
  /** Yield to the UI now, whatever is left of the time slice. */
  yieldNow(): Promise<void>;
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

export function createLazyCoreServices(deps: LazyCoreServiceDeps): CoreServices {
  let loadedConcepts: ConceptService | null = null;
  const concepts = once(async () => {
    const engine = await loadConceptEngine();
    await deps.yieldNow(); // evaluating the engine's modules is a task of its own
    const m = await import('../concepts/concept-service');
    return (loadedConcepts = new m.ConceptService({ app: deps.app, vault: deps.vault, yieldToUi: deps.yieldToUi, engine }));
  });
  let loadedCitations: CitationService | null = null;
  const citations = once(async () => {
    const engine = await loadCitationEngine();
    await deps.yieldNow(); // evaluating the engine's modules is a task of its own
    const m = await import('../citations/citation-service');
    return (loadedCitations = new m.CitationService({ app: deps.app, vault: deps.vault, yieldToUi: deps.yieldToUi, engine }));
  });
  let citation: { key: string; renderer: Promise<CitationRenderer> } | null = null;
  /** The citation template compiled once per template, the settings it reads, and language. */
  const citationRenderer = (context: ServiceContext): Promise<CitationRenderer> => {
    const { citationTemplate, dateFormat, summarySource, annotationColorLabels } = context.settings;
    const settings = { citationTemplate, dateFormat, summarySource, annotationColorLabels };
    const key = JSON.stringify([settings, context.language]);
    if (citation?.key !== key) {
      const renderer = loadNoteRenderer().then((r) => r.compileCitationTemplate({ settings, language: context.language, now: () => new Date() }));
      citation = { key, renderer };
      renderer.catch(() => {
        if (citation?.renderer === renderer) citation = null; // fixed templates are compiled again
      });
    }
    return citation.renderer;
  };
  // The engine's modules are evaluated in steps, each in a task of its own: evaluating them at once blocked the UI.
  const syncModule = once(async () => {
    for (const load of [loadNoteRenderer, loadConceptEngine]) {
      await load();
      await deps.yieldNow();
    }
    return loadSyncEngine();
  });
  // Light (the sync's front door): the start-up reads the head of the state to know the export it last synced.
  const stateStore = new SyncStateStore(deps.stateFile, deps.yieldToUi);
  const store = () => Promise.resolve(stateStore);
  const lock = once(async () => (deps.lock ? new (await syncModule()).SyncLock(deps.lock()) : undefined));
  /** The core's request for a sync or an import: new notes linked with the kept concept index, then re-linked. */
  const syncRequest = async (
    context: ServiceContext,
    rest: Pick<LibrarySyncRequest, 'exports' | 'onProgress' | 'automatic'>,
  ): Promise<LibrarySyncRequest> => {
    const conceptService = await concepts();
    return {
      ...rest,
      vault: deps.vault,
      store: await store(),
      lock: await lock(),
      settings: context.settings,
      language: context.language,
      now: context.now,
      device: context.device,
      linker: () => conceptService.linker(context),
      afterWrite: (paths) => conceptService.relinkAfterSync(paths, context),
      pause: deps.yieldToUi,
    };
  };
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
    const state = await (await store()).load();
    const keys = new Set<string>();
    for (const [citekey, note] of Object.entries(state?.notes ?? {})) {
      if (await deps.vault.exists(note.path)) keys.add(citekey);
      await deps.yieldToUi(); // 10,000 notes to look up
    }
    return keys;
  };

  return {
    syncLibrary: (request) =>
      oneWriterAtATime(async () => {
        const sync = await syncModule();
        const { summary } = await sync.syncLibrary(await syncRequest(request, { exports: request.exports, onProgress: (progress) => request.onProgress(progress), automatic: request.automatic }));
        return summary;
      }),
    importPaper: (request) =>
      oneWriterAtATime(async () => {
        const sync = await syncModule();
        const result = await sync.importPaper(await syncRequest(request, { exports: request.exports }), request.citekey, request.take);
        if (result.status === 'failed' || result.path === null) throw new Error(`${request.citekey}: ${result.message ?? 'no note could be made for it'}`);
        return { path: result.path, status: result.status, message: result.message ?? undefined, warnings: result.warnings };
      }),
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
      const { renderSummaryEntry } = await loadNoteRenderer();
      return renderSummaryEntry(paper, number, { language: context.language, summarySource: context.settings.summarySource });
    },
    syncHead: () => stateStore.loadHead(),
    linkConceptsInText: async (text, path, context) => (await concepts()).linkNoteText(text, path, context),
    rebuildConceptLinks: async (context, onProgress) => (await concepts()).rebuild(context, onProgress),
    createConceptNotesFromGlossary: async (context, onProgress) => (await concepts()).createGlossary(context, onProgress),
    updateConceptLinks: async (paths, context) => (await concepts()).update(paths, context),
    // Nothing to mark before the concept engine is loaded: without it there is no kept index to go stale.
    markConceptsChanged: () => loadedConcepts?.markConceptsChanged(),
    suggestConcepts: async (context, papers, minNotes) => (await concepts()).suggest(context, papers, minNotes),
    acceptConceptSuggestions: async (chosen, context, onProgress) => (await concepts()).acceptSuggestions(context, chosen, onProgress),
    citationRenderer,
    updateCitedIn: async (paths, context, libraryKeys, onProgress) => (await citations()).update(paths, context, libraryKeys, onProgress),
    citedInWaitsForEditor: () => loadedCitations?.waitingForEditor ?? false,
  };
}
