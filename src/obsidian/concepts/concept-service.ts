/**
 * The concept engine inside Obsidian. One ConceptLinkState lives in memory for the session, created on first need
 * (a sync, a concept-note change, a command), never at start-up. The engine updates that state while it plans, so
 * plans run one at a time (a queue) and every plan is applied; a run that fails throws the state away and the next
 * run starts from scratch.
 *
 * Notes open in an editor are changed through it (ObsidianVault), so a run never loses typing or moves a cursor.
 * The note of the active editor is still left alone: it is where the user is typing, and links appearing there
 * unasked would land under the cursor and in the middle of the user's undo history. It stays pending in the state
 * and is linked by a later run once the user moves on ("Link concepts in current note" links it at once).
 */
import type { App } from 'obsidian';
import type {
  AdoptedNote,
  ConceptApplyResult,
  ConceptEngine,
  ConceptLinkPlan,
  ConceptLinkResult,
  ConceptLinkState,
  ConceptSuggestion,
  GlossaryOutcome,
  MakeLink,
  SuggestionPaper,
  TermIndex,
  TextLinkResult,
  VaultSuggestions,
} from '../../core/concepts';
import { conceptPolicyLines } from '../../core/concepts';
import type { NoteLinker, SyncProgress } from '../../core/sync';
import { errorMessage, hashString } from '../../core/text';
import { isInFolder, type VaultPort } from '../../core/vault';
import type { Pause } from '../../core/scheduling';
import type { ServiceContext } from '../plugin/core-services';
import { isUnloadedError } from '../plugin/unload-guard';
import { obsidianMakeLink } from '../vault/obsidian-links';

export interface ConceptDeps {
  app: App;
  /** The core's concept engine, loaded before this service is made. */
  engine: ConceptEngine;
  vault: VaultPort;
  /** Awaited after every note: yields to Obsidian once the time slice is used up. */
  yieldToUi: Pause;
}

type Progress = (progress: SyncProgress) => void;

/** What the kept state depends on: when it changes, the state is dropped. */
function configKey(context: ServiceContext): string {
  const s = context.settings;
  return JSON.stringify([s.notesFolder, s.conceptsFolder, s.conceptScopeFolders, s.linkInHeadings, context.language]);
}

export class ConceptService {
  private state: ConceptLinkState | null = null;
  private stateKey = '';
  private queue: Promise<unknown> = Promise.resolve();
  /** A concept note changed since the kept index was built: the index must be read again before use. */
  private conceptsChanged = false;
  private readonly reportedConflicts = new Set<string>();
  /** Concepts already named as linked from most notes (automatic runs name each once). */
  private readonly reportedUbiquitous = new Set<string>();
  private readonly makeLink: MakeLink;

  constructor(private readonly deps: ConceptDeps) {
    this.makeLink = obsidianMakeLink(deps.app, deps.engine.wikilinkMaker());
  }

  markConceptsChanged(): void {
    this.conceptsChanged = true;
  }

  /** Link every note of the scope from a fresh state. */
  rebuild(context: ServiceContext, onProgress?: Progress): Promise<ConceptLinkResult> {
    return this.exclusive(() => {
      this.reset(context);
      return this.run(context, undefined, onProgress, true);
    });
  }

  /** Create the missing glossary notes (adopting the user's notes of those names), then rebuild with them. */
  createGlossary(context: ServiceContext, onProgress?: Progress): Promise<GlossaryOutcome> {
    return this.exclusive(async () => {
      const result = await this.deps.engine.createGlossaryNotes(this.deps.vault, context.settings, { language: context.language });
      const adopted = this.withAdoptions(context, result.adopted);
      this.reset(adopted.context);
      const links = await this.run(adopted.context, undefined, onProgress, true);
      return { created: result.created, skipped: result.skipped.length, adopted: result.adopted, adoptedConcepts: adopted.list, links };
    });
  }

  /** Definition pairs found in the notes in scope and in `papers` (the library), for the user to choose from. */
  suggest(context: ServiceContext, papers: readonly SuggestionPaper[], minNotes: number): Promise<VaultSuggestions> {
    return this.deps.engine.suggestConceptsFromVault(this.deps.vault, context.settings, { papers, minNotes, pause: this.deps.yieldToUi });
  }

  /** The suggestions the user ticked become concept notes (or adopt the user's notes), then everything is linked. */
  acceptSuggestions(context: ServiceContext, chosen: readonly ConceptSuggestion[], onProgress?: Progress): Promise<GlossaryOutcome> {
    return this.exclusive(async () => {
      if (!this.state?.index || this.stateKey !== configKey(context)) this.reset(context);
      const state = this.state!;
      const skipPaths = context.activePath ? [context.activePath] : [];
      try {
        const accepted = await this.deps.engine.acceptConceptSuggestions(
          this.deps.vault,
          { settings: context.settings, state, skipPaths, makeLink: this.makeLink, language: context.language, pause: this.deps.yieldToUi, onProgress: this.progress(onProgress) },
          chosen,
        );
        const adopted = this.withAdoptions(context, accepted.notes.adopted);
        const links = this.summarize(accepted.plan, accepted.applied, true);
        return { created: accepted.notes.created, skipped: accepted.notes.skipped.length, adopted: accepted.notes.adopted, adoptedConcepts: adopted.list, links };
      } catch (err) {
        this.state = null;
        throw err;
      }
    });
  }

  /**
   * Update the links `changedPaths` affect (concept notes edited, notes written by a sync, renamed or deleted).
   * Paths whose text is what the last run left there (the plugin's own writes) are dropped. With no state yet, the
   * first run is a full one, but only when `initialise` is set or a concept note changed. Null: nothing to do.
   */
  update(changedPaths: readonly string[], context: ServiceContext, initialise = false): Promise<ConceptLinkResult | null> {
    return this.exclusive(async () => {
      if (this.state && this.stateKey !== configKey(context)) this.state = null;
      const concepts = context.settings.conceptsFolder;
      if (!this.state?.index) {
        const conceptChanged = changedPaths.some((p) => p.endsWith('.md') && isInFolder(p, concepts));
        if (!initialise && !conceptChanged) return null;
        if ((await this.deps.vault.list(concepts, '.md')).length === 0) return null; // no concepts: nothing to link
        this.reset(context);
        return this.run(context, undefined);
      }
      // Events that arrive from here on mark the index stale again; those before are all in `changedPaths`.
      this.conceptsChanged = false;
      const changed = await this.withoutOwnWrites(this.state, changedPaths);
      if (changed.length === 0 && this.state.pending.size === 0) return null;
      return this.run(context, changed);
    });
  }

  /** The linker the sync applies to new notes: the kept index when it is current, else one read from the vault. */
  async linker(context: ServiceContext): Promise<NoteLinker | undefined> {
    const index = await this.currentIndex(context);
    return this.deps.engine.noteLinker(index, { makeLink: this.makeLink, linkInHeadings: context.settings.linkInHeadings });
  }

  /**
   * After a sync wrote `paths`: update the concept links they affect (their mentions feed the concept notes'
   * sections), and say what the user should know. A failure is a warning of the sync, not a failed sync.
   */
  async relinkAfterSync(paths: readonly string[], context: ServiceContext): Promise<string[]> {
    try {
      const result = await this.update(paths, context, true);
      if (!result) return [];
      return [...result.newConflicts, ...result.failed.map((f) => `Concept links not written in ${f.path}: ${f.message}`), ...conceptPolicyLines(result)];
    } catch (err) {
      if (isUnloadedError(err)) throw err; // the plugin is unloading: the sync stops, nothing to report
      return [`Concept links were not updated: ${errorMessage(err)}`];
    }
  }

  /** Links for the text of a note being edited, as minimal edits for the editor. */
  async linkNoteText(text: string, path: string, context: ServiceContext): Promise<TextLinkResult> {
    const index = await this.currentIndex(context);
    const made: string[] = [];
    const makeLink: MakeLink = (target, surface, sourcePath) => {
      const link = this.makeLink(target, surface, sourcePath);
      made.push(link);
      return link;
    };
    const result = this.deps.engine.linkText(text, index, { sourcePath: path, makeLink, linkInHeadings: context.settings.linkInHeadings });
    if (result.links.length > 0 && this.deps.engine.inScope(path, this.deps.engine.resolveScope(context.settings))) {
      // The kept state recorded the old text: have the next run read this note (its mentions feed the sections).
      void this.exclusive(() => {
        this.state?.pending.add(path);
        return Promise.resolve();
      });
    }
    return { edits: this.deps.engine.editsFromLinks(text, result.text, result.links, made), concepts: result.links.map((l) => l.concept) };
  }

  private async currentIndex(context: ServiceContext): Promise<TermIndex> {
    const kept = this.state?.index;
    if (kept && !this.conceptsChanged && this.stateKey === configKey(context)) return kept;
    return (await this.deps.engine.loadConceptIndex(this.deps.vault, context.settings)).index;
  }

  private reset(context: ServiceContext): void {
    this.state = this.deps.engine.createConceptLinkState();
    this.stateKey = configKey(context);
  }

  /** Run `task` after every task queued before it (plans must not interleave: they update the shared state). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async withoutOwnWrites(state: ConceptLinkState, paths: readonly string[]): Promise<string[]> {
    const kept: string[] = [];
    for (const path of new Set(paths)) {
      await this.deps.yieldToUi(); // a sync may hand over 10,000 paths
      const record = state.notes.get(path);
      const text = await this.deps.vault.read(path);
      if (text === null ? record === undefined : record !== undefined && !state.pending.has(path) && record.hash === hashString(text)) continue;
      kept.push(path);
    }
    return kept;
  }

  /** Plan and apply one run (full when `changedPaths` is undefined) with the kept state. */
  private async run(context: ServiceContext, changedPaths: string[] | undefined, onProgress?: Progress, reportAll = false): Promise<ConceptLinkResult> {
    const state = this.state!;
    const skipPaths = context.activePath ? [context.activePath] : [];
    this.conceptsChanged = false;
    let planned = 0;
    try {
      const plan = await this.deps.engine.planConceptLinks(this.deps.vault, {
        settings: context.settings,
        state,
        changedPaths,
        skipPaths,
        makeLink: this.makeLink,
        language: context.language,
        pause: this.deps.yieldToUi,
        onProgress: (done, total) => {
          planned = total;
          onProgress?.({ done, total });
          return this.deps.yieldToUi();
        },
      });
      const applied = await this.deps.engine.applyConceptPlan(this.deps.vault, plan, {
        skipPaths,
        onProgress: (done, total) => {
          onProgress?.({ done: planned + done, total: planned + total });
          return this.deps.yieldToUi();
        },
      });
      return this.summarize(plan, applied, reportAll);
    } catch (err) {
      this.state = null; // a plan not applied leaves a state that no longer matches the vault
      throw err;
    }
  }

  /** Progress of one plan-and-apply that reports its own totals, pausing after every note (see UnloadGuard). */
  private progress(onProgress?: Progress): (done: number, total: number) => Promise<void> | undefined {
    return (done, total) => {
      onProgress?.({ done, total });
      return this.deps.yieldToUi();
    };
  }

  /**
   * What the user hears of a run: all conflicts, problems and concepts most notes mention when they asked for it
   * (`reportAll`), else only those not said before; refused terms once per state.
   */
  private summarize(plan: ConceptLinkPlan, applied: ConceptApplyResult, reportAll: boolean): ConceptLinkResult {
    const conflicts = plan.conflicts.map((c) => `"${c.term}" is a term of ${c.concepts.map((p) => `"${p}"`).join(' and ')}, so it is not linked.`);
    const newConflicts = reportAll ? conflicts : conflicts.filter((c) => !this.reportedConflicts.has(c));
    for (const c of conflicts) this.reportedConflicts.add(c);
    const ubiquitous = reportAll ? plan.ubiquitous : plan.ubiquitous.filter((u) => !this.reportedUbiquitous.has(u.path));
    for (const u of plan.ubiquitous) this.reportedUbiquitous.add(u.path);
    const problems = reportAll ? plan.problems : [];
    return {
      conceptCount: plan.index.concepts.length,
      updated: applied.updated,
      links: applied.links,
      newConflicts,
      skipped: [...new Set([...plan.skipped.map((s) => s.path), ...applied.skipped])].sort(),
      failed: [...applied.failed, ...problems],
      ubiquitous,
      rejected: plan.newRejected,
    };
  }

  /** The context with the notes just adopted added to its settings, and the list to save (null: none adopted). */
  private withAdoptions(context: ServiceContext, adopted: readonly AdoptedNote[]): { context: ServiceContext; list: string[] | null } {
    if (adopted.length === 0) return { context, list: null };
    const list = this.deps.engine.withAdopted(context.settings.adoptedConcepts, adopted);
    return { context: { ...context, settings: { ...context.settings, adoptedConcepts: list } }, list };
  }
}
