/**
 * Self-updating concept links. A concept note created, edited (its aliases), renamed or deleted, or any note renamed
 * or deleted, schedules one incremental update after things go quiet (debounced, not a full rebuild). The plugin's
 * own writes come back as events too; the concept service drops the paths whose text is what it last wrote, so
 * nothing loops. Started after the layout is ready (Obsidian fires `create` for every file while loading the
 * vault); every event is taken with `registerEvent`, so unload releases it. Nobody asked for these runs: a failure is a
 * standing problem (status bar, settings), and what the user must act on (a term two concepts share, a note that
 * could not be written) is one short notice per run.
 */
import { debounce, type App, type Component, type Debouncer, type TAbstractFile } from 'obsidian';
import { isInFolder } from '../../core/vault';
import { isUnloadedError } from '../plugin/unload-guard';
import { conceptPolicyLines, type ConceptLinkResult } from '../../core/concepts';
import type { CoreServices, ServiceContext } from '../plugin/core-services';
import { errorMessage } from '../../core/text';
import { joinWarnings, type StandingProblems } from '../../core/sync';
import { NOTICE_MS, type Notices } from '../plugin/notices';

/** Quiet time after the last change before the links are updated. */
export const CONCEPT_UPDATE_DELAY_MS = 2000;

export interface ConceptWatcherDeps {
  app: App;
  services: CoreServices;
  context(): ServiceContext;
  problems: StandingProblems;
  notices: Notices;
}

export class ConceptWatcher {
  private readonly changed = new Set<string>();
  private readonly flush: Debouncer<[], void>;
  private stopped = false;
  /** The last update left the note in the editor alone: update again once the user moves on. */
  private waitingForEditor = false;

  constructor(private readonly deps: ConceptWatcherDeps) {
    this.flush = debounce(() => this.run(), CONCEPT_UPDATE_DELAY_MS, true);
  }

  start(host: Pick<Component, 'registerEvent' | 'register'>): void {
    const { vault, workspace } = this.deps.app;
    host.registerEvent(vault.on('create', (file) => this.onChange(file, false)));
    host.registerEvent(vault.on('modify', (file) => this.onChange(file, false)));
    host.registerEvent(vault.on('delete', (file) => this.onChange(file, true)));
    host.registerEvent(vault.on('rename', (file, oldPath) => this.onRename(file, oldPath)));
    host.registerEvent(workspace.on('file-open', () => this.waitingForEditor && this.flush()));
    host.register(() => this.stop());
  }

  stop(): void {
    this.stopped = true;
    this.flush.cancel();
    this.changed.clear();
  }

  private isConceptNote(path: string): boolean {
    return path.endsWith('.md') && isInFolder(path, this.deps.context().settings.conceptsFolder);
  }

  /** Concept notes count on every change; other notes only when they disappear (their links in sections go stale). */
  private onChange(file: TAbstractFile, gone: boolean): void {
    if (this.isConceptNote(file.path)) this.deps.services.markConceptsChanged();
    else if (!gone || !file.path.endsWith('.md')) return;
    this.schedule([file.path]);
  }

  private onRename(file: TAbstractFile, oldPath: string): void {
    if (!file.path.endsWith('.md') && !oldPath.endsWith('.md')) return;
    if (this.isConceptNote(file.path) || this.isConceptNote(oldPath)) this.deps.services.markConceptsChanged();
    this.schedule([oldPath, file.path]);
  }

  private schedule(paths: string[]): void {
    if (this.stopped) return;
    for (const p of paths) this.changed.add(p);
    this.flush();
  }

  private run(): void {
    if (this.stopped) return;
    const paths = [...this.changed];
    this.changed.clear();
    this.deps.services.updateConceptLinks(paths, this.deps.context()).then(
      (result) => this.report(result),
      (err: unknown) => isUnloadedError(err) || this.deps.problems.set('concepts', `Concept links could not be updated: ${errorMessage(err)}`),
    );
  }

  /**
   * Quiet unless the user must act: a term two concepts share, a note that could not be written; or should know
   * once: a concept most notes mention, a term that is not linked.
   */
  private report(result: ConceptLinkResult | null): void {
    this.waitingForEditor = (result?.skipped.length ?? 0) > 0;
    this.deps.problems.clear('concepts');
    if (!result) return;
    const problems = [...result.newConflicts, ...result.failed.map((f) => `${f.path}: ${f.message}`), ...conceptPolicyLines(result)];
    if (problems.length > 0) this.deps.notices.show('concepts', `Concept links: ${joinWarnings(problems)}`, NOTICE_MS.result);
  }
}
