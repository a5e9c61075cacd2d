/**
 * The plugin's notices: at most one per kind of message on screen. A second message of a kind that is still shown
 * replaces its text (`setMessage`) instead of stacking a new notice under it, so ten failed syncs are one notice
 * and a sync's result replaces the previous sync's. Automatic runs never call this with a sticky duration: their
 * standing problems go to the status bar and the settings tab (StandingProblems) instead.
 */
import { Notice } from 'obsidian';
import { formatProgress, type SyncProgress } from '../../core/sync';

/** How long a notice stays: results are read in a few seconds; 0 stays until dismissed (failures of a command). */
export const NOTICE_MS = { short: 6000, result: 10000, sticky: 0 } as const;

interface Shown {
  notice: Notice;
  /** When it goes away by itself (Infinity: when dismissed or hidden). */
  until: number;
}

export class Notices {
  private readonly shown = new Map<string, Shown>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /**
   * Show `message` as the notice of `kind`. The notice still shown for that kind gets the new text when it stays
   * long enough for it (Obsidian keeps a notice's first duration); otherwise it is hidden and a fresh one shown.
   */
  show(kind: string, message: string, durationMs: number): Notice {
    const now = this.now();
    const until = durationMs > 0 ? now + durationMs : Infinity;
    const current = this.shown.get(kind);
    if (current && isOnScreen(current.notice) && now < current.until) {
      const bothSticky = durationMs === 0 && current.until === Infinity;
      const longEnough = durationMs > 0 && current.until !== Infinity && current.until - now >= durationMs / 2;
      if (bothSticky || longEnough) return current.notice.setMessage(message);
      current.notice.hide();
    }
    const notice = new Notice(message, durationMs);
    this.shown.set(kind, { notice, until });
    return notice;
  }

  /** Take the notice of `kind` away (e.g. the progress of a run that ended). */
  hide(kind: string): void {
    this.shown.get(kind)?.notice.hide();
    this.shown.delete(kind);
  }
}

/** False once the user dismissed the notice (its element left the page); true where that cannot be told. */
function isOnScreen(notice: Notice): boolean {
  return (notice.messageEl as HTMLElement | undefined)?.isConnected !== false;
}

/** A notice of kind `kind` showing the progress of `task` (`what`: "Linking concepts"), hidden when it ends. */
export async function withProgress(notices: Notices, kind: string, what: string, task: (onProgress: (p: SyncProgress) => void) => Promise<void>): Promise<void> {
  notices.show(kind, formatProgress(what, null), NOTICE_MS.sticky);
  let shown = '';
  try {
    await task((progress) => {
      const text = formatProgress(what, progress);
      if (text !== shown) notices.show(kind, (shown = text), NOTICE_MS.sticky);
    });
  } finally {
    notices.hide(kind);
  }
}
