/**
 * "Cited in" keeps itself current. Any Markdown note created (a sync's new literature notes too), modified, renamed
 * or deleted schedules one incremental update once things go quiet (debounced): the changed notes are read again and
 * only the sections whose lists change are written. The first update of a session reads the whole vault. The plugin's
 * own writes come back as events and find nothing to change, so nothing loops. The literature note open in the
 * editor waits until the user moves on. Started after the layout is ready (Obsidian fires `create` for every file
 * while loading the vault); every event is taken with `registerEvent`, so unload releases it. Nobody asked for these
 * runs: a failure is a standing problem (status bar, settings), a note that could not be written one short notice.
 */
import { debounce, type App, type Component, type Debouncer } from 'obsidian';
import type { CitedInResult } from '../../core/citations';
import { errorMessage } from '../../core/text';
import { joinWarnings, type StandingProblems } from '../../core/sync';
import type { CoreServices, ServiceContext } from '../plugin/core-services';
import { NOTICE_MS, type Notices } from '../plugin/notices';
import { isUnloadedError } from '../plugin/unload-guard';

/** Quiet time after the last change before "Cited in" is updated. */
export const CITED_IN_UPDATE_DELAY_MS = 2000;

export interface CitedInWatcherDeps {
  app: App;
  services: CoreServices;
  context(): ServiceContext;
  /** The loaded library's citekeys, or null before it is loaded. */
  libraryKeys(): { has(citekey: string): boolean } | null;
  problems: StandingProblems;
  notices: Notices;
}

export class CitedInWatcher {
  private readonly changed = new Set<string>();
  private readonly flush: Debouncer<[], void>;
  private stopped = false;
  /** The next run reads every note (the setting was just turned on). */
  private fullRun = false;
  private readonly reportedFailures = new Set<string>();

  constructor(private readonly deps: CitedInWatcherDeps) {
    this.flush = debounce(() => this.run(), CITED_IN_UPDATE_DELAY_MS, true);
  }

  start(host: Pick<Component, 'registerEvent' | 'register'>): void {
    const { vault, workspace } = this.deps.app;
    host.registerEvent(vault.on('create', (file) => this.schedule([file.path])));
    host.registerEvent(vault.on('modify', (file) => this.schedule([file.path])));
    host.registerEvent(vault.on('delete', (file) => this.schedule([file.path])));
    host.registerEvent(vault.on('rename', (file, oldPath) => this.schedule([oldPath, file.path])));
    host.registerEvent(workspace.on('file-open', () => this.deps.services.citedInWaitsForEditor() && this.flush()));
    host.register(() => this.stop());
  }

  stop(): void {
    this.stopped = true;
    this.flush.cancel();
    this.changed.clear();
  }

  /** Every section again, soon (the setting was turned on: what changed while it was off is not known). */
  scheduleFullRun(): void {
    if (this.stopped || !this.enabled()) return;
    this.fullRun = true;
    this.flush();
  }

  private enabled(): boolean {
    return this.deps.context().settings.citedInSections;
  }

  private schedule(paths: string[]): void {
    if (this.stopped || !paths.some((p) => p.endsWith('.md')) || !this.enabled()) return;
    for (const p of paths) this.changed.add(p);
    this.flush();
  }

  private run(): void {
    if (this.stopped || !this.enabled()) return;
    const paths = this.fullRun ? null : [...this.changed];
    this.changed.clear();
    this.fullRun = false;
    this.deps.services.updateCitedIn(paths, this.deps.context(), this.deps.libraryKeys()).then(
      (result) => this.report(result),
      (err: unknown) => isUnloadedError(err) || this.deps.problems.set('citations', `"Cited in" could not be updated: ${errorMessage(err)}`),
    );
  }

  /** Quiet unless a note could not be written (said once per note and reason). */
  private report(result: CitedInResult): void {
    this.deps.problems.clear('citations');
    const failures = result.failed.map((f) => `${f.path}: ${f.message}`).filter((f) => !this.reportedFailures.has(f));
    for (const f of failures) this.reportedFailures.add(f);
    if (failures.length > 0) this.deps.notices.show('citations', `"Cited in" not written: ${joinWarnings(failures)}`, NOTICE_MS.result);
  }
}
