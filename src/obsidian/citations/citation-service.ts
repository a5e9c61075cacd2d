/**
 * "Cited in" inside Obsidian. One CitationState lives in memory for the session, built by the first run (a full one:
 * every Markdown note read once), after which a changed note costs one read and the sections it affects. Runs go one
 * at a time (they update the shared state); a run that fails drops the state, and the next run starts afresh.
 *
 * Links are written in the user's own link format (FileManager.generateMarkdownLink). The literature note open in
 * the active editor is not written while the user types in it: it is remembered and done by a later run.
 */
import type { App } from 'obsidian';
import type { CitationEngine, CitationState, CitedInResult, MakeLink } from '../../core/citations';
import type { Pause } from '../../core/scheduling';
import type { SyncProgress } from '../../core/sync';
import type { VaultPort } from '../../core/vault';
import type { ServiceContext } from '../plugin/core-services';
import { obsidianMakeLink } from '../vault/obsidian-links';

export interface CitationDeps {
  app: App;
  /** The core's citation engine, loaded before this service is made. */
  engine: CitationEngine;
  vault: VaultPort;
  /** Awaited after every note: yields to Obsidian once the time slice is used up. */
  yieldToUi: Pause;
}

/** The library's citekeys (a cited key outside them, without a note, is reported as unknown). */
export type LibraryKeys = { has(citekey: string): boolean } | null;

/** What the kept state depends on: the notes folder, and the language the sections are written in. */
function configKey(context: ServiceContext): string {
  return JSON.stringify([context.settings.notesFolder, context.language]);
}

export class CitationService {
  private state: CitationState | null = null;
  private stateKey = '';
  private queue: Promise<unknown> = Promise.resolve();
  /** Literature notes whose section was due while they were open in the editor. */
  private readonly waiting = new Set<string>();
  private readonly makeLink: MakeLink;

  constructor(private readonly deps: CitationDeps) {
    this.makeLink = obsidianMakeLink(deps.app, deps.engine.wikilinkMaker());
  }

  /** Sections are due in notes that were open in the editor: run again once the user moves on. */
  get waitingForEditor(): boolean {
    return this.waiting.size > 0;
  }

  /**
   * Update the sections `changedPaths` affect (created, modified, deleted notes; both paths of a rename), or every
   * section when `changedPaths` is null. The first run of a session, and the first after the notes folder or the
   * language changed, reads the whole vault.
   */
  update(changedPaths: readonly string[] | null, context: ServiceContext, libraryKeys: LibraryKeys, onProgress?: (progress: SyncProgress) => void): Promise<CitedInResult> {
    return this.exclusive(async () => {
      const key = configKey(context);
      const full = changedPaths === null || !this.state || this.stateKey !== key;
      if (full || !this.state) {
        this.state = this.deps.engine.createCitationState();
        this.stateKey = key;
      }
      const changed = full ? undefined : [...new Set([...(changedPaths ?? []), ...this.waiting])];
      this.waiting.clear();
      try {
        const result = await this.deps.engine.updateCitedIn(this.deps.vault, {
          notesFolder: context.settings.notesFolder,
          language: context.language,
          makeLink: this.makeLink,
          libraryKeys,
          state: this.state,
          changedPaths: changed,
          skipPaths: context.activePath ? [context.activePath] : [],
          pause: this.deps.yieldToUi,
          onProgress: onProgress && ((done, total) => onProgress({ done, total })),
        });
        for (const path of result.skipped) this.waiting.add(path);
        return result;
      } catch (err) {
        this.state = null; // half a run leaves a state that no longer matches the vault
        throw err;
      }
    });
  }

  /** Run `task` after every task queued before it. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
