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
import {
  applyConceptPlan,
  createConceptLinkState,
  createGlossaryNotes,
  linkText,
  loadConceptIndex,
  noteLinker,
  planConceptLinks,
  type ConceptLinkState,
  type MakeLink,
  type TermIndex,
} from '../core/concepts';
import { inScope, resolveScope } from '../core/concepts/scope';
import type { NoteLinker } from '../core/sync/sync-plan';
import { hashString } from '../core/text/fingerprint';
import { isInFolder } from '../core/vault/vault-path';
import type { VaultPort } from '../core/vault/vault-port';
import { obsidianMakeLink } from './obsidian-links';
import type { ConceptLinkResult, GlossaryOutcome, ServiceContext, SyncProgress, TextLinkResult } from './plugin-services';
import { editsFromLinks } from './text-edits';

export interface ConceptDeps {
  app: App;
  vault: VaultPort;
  /** Let Obsidian paint; awaited every few notes. */
  yieldToUi: () => Promise<void>;
}

type Progress = (progress: SyncProgress) => void;

/** Notes between two yields to the UI. */
const YIELD_EVERY = 50;

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
  private readonly makeLink: MakeLink;

  constructor(private readonly deps: ConceptDeps) {
    this.makeLink = obsidianMakeLink(deps.app);
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

  /** Create the missing glossary notes, then rebuild (their terms link everywhere, their sections fill in). */
  createGlossary(context: ServiceContext, onProgress?: Progress): Promise<GlossaryOutcome> {
    return this.exclusive(async () => {
      const result = await createGlossaryNotes(this.deps.vault, context.settings, { language: context.language });
      this.reset(context);
      const links = await this.run(context, undefined, onProgress, true);
      return { created: result.created, skipped: result.skipped.length, links };
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
    return noteLinker(index, { makeLink: this.makeLink, linkInHeadings: context.settings.linkInHeadings });
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
    const result = linkText(text, index, { sourcePath: path, makeLink, linkInHeadings: context.settings.linkInHeadings });
    if (result.links.length > 0 && inScope(path, resolveScope(context.settings))) {
      // The kept state recorded the old text: have the next run read this note (its mentions feed the sections).
      void this.exclusive(() => {
        this.state?.pending.add(path);
        return Promise.resolve();
      });
    }
    return { edits: editsFromLinks(text, result.text, result.links, made), concepts: result.links.map((l) => l.concept) };
  }

  private async currentIndex(context: ServiceContext): Promise<TermIndex> {
    const kept = this.state?.index;
    if (kept && !this.conceptsChanged && this.stateKey === configKey(context)) return kept;
    return (await loadConceptIndex(this.deps.vault, context.settings)).index;
  }

  private reset(context: ServiceContext): void {
    this.state = createConceptLinkState();
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
      const plan = await planConceptLinks(this.deps.vault, {
        settings: context.settings,
        state,
        changedPaths,
        skipPaths,
        makeLink: this.makeLink,
        language: context.language,
        onProgress: (done, total) => {
          planned = total;
          onProgress?.({ done, total });
          return done % YIELD_EVERY === 0 ? this.deps.yieldToUi() : undefined;
        },
      });
      const applied = await applyConceptPlan(this.deps.vault, plan, {
        skipPaths,
        onProgress: (done, total) => {
          onProgress?.({ done: planned + done, total: planned + total });
          return done % YIELD_EVERY === 0 ? this.deps.yieldToUi() : undefined;
        },
      });
      const conflicts = plan.conflicts.map((c) => `"${c.term}" is a term of ${c.concepts.map((p) => `"${p}"`).join(' and ')}, so it is not linked.`);
      const newConflicts = reportAll ? conflicts : conflicts.filter((c) => !this.reportedConflicts.has(c));
      for (const c of conflicts) this.reportedConflicts.add(c);
      const problems = reportAll ? plan.problems : [];
      return {
        conceptCount: plan.index.concepts.length,
        updated: applied.updated,
        links: applied.links,
        newConflicts,
        skipped: [...new Set([...plan.skipped.map((s) => s.path), ...applied.skipped])].sort(),
        failed: [...applied.failed, ...problems],
      };
    } catch (err) {
      this.state = null; // a plan not applied leaves a state that no longer matches the vault
      throw err;
    }
  }
}
