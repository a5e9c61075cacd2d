/**
 * The status bar item: what `statusText` says about the library and the last sync. Clicking it syncs; the item and
 * its click are registered through the plugin, so both are released on unload. What it shows is kept by
 * StatusBarState, which exists before the item does (the controller is made first) and outlives its renders.
 */
import type { Plugin } from 'obsidian';
import { statusText, statusTooltip, type StandingProblems, type StatusView, type SyncProgress } from '../../core/sync';

export class StatusBar {
  private readonly el: HTMLElement;

  constructor(plugin: Plugin, onClick: () => void) {
    this.el = plugin.addStatusBarItem();
    this.el.addClass('zotero-concept-notes-status', 'mod-clickable');
    this.el.setAttr('aria-label', 'Sync Zotero library');
    plugin.registerDomEvent(this.el, 'click', onClick);
  }

  render(view: StatusView): void {
    this.el.setText(statusText(view));
    // The standing problems in full on hover; clicking syncs, which says what is wrong in a notice.
    this.el.setAttr('aria-label', statusTooltip(view) ?? 'Sync Zotero library');
  }
}

/** Where the status bar's figures come from, read at each render. */
export interface StatusSources {
  exportSet(): boolean;
  /** The library (one export's cache, or the shelf of several): its state and paper count. */
  library: { readonly state: StatusView['library']; readonly paperCount: StatusView['paperCount'] };
  problems: StandingProblems;
}

/** What the status bar shows between renders: the sync running, its progress, and when the last one finished. */
export class StatusBarState {
  private bar: StatusBar | null = null;
  private lastSync: Date | null = null;
  private syncView: { running: boolean; progress: SyncProgress | null } = { running: false, progress: null };

  constructor(private readonly sources: StatusSources) {}

  attach(bar: StatusBar): void {
    this.bar = bar;
    this.render();
  }

  /** When the last sync before this session finished, as the sync state recorded it (a sync of this session wins). */
  syncedBefore(at: Date): void {
    this.lastSync ??= at;
  }

  /** A sync started, progressed or ended; `finishedAt` when it went through. Shown at the next render. */
  syncChanged(running: boolean, progress: SyncProgress | null, finishedAt?: Date): void {
    this.syncView = { running, progress };
    if (finishedAt) this.lastSync = finishedAt;
  }

  render(): void {
    const { library } = this.sources;
    this.bar?.render({
      exportSet: this.sources.exportSet(),
      library: library.state,
      paperCount: library.paperCount,
      syncing: this.syncView.running,
      progress: this.syncView.progress,
      lastSync: this.lastSync,
      problems: this.sources.problems.list,
    });
  }
}
