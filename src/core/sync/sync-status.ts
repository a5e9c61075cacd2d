/**
 * What the plugin's status bar says: library size and last sync time ("Zotero: 1,234 papers · synced 14:03"), or
 * progress while a sync runs, then the standing problems in a few words (the whole message is its tooltip). Pure,
 * so the words are tested without a status bar.
 */
import { format } from 'date-fns/format';
import { isToday } from 'date-fns/isToday';
import type { LibraryState } from '../library/library-cache';
import { problemLabel, type Problem } from './problems';
import type { SyncProgress } from './sync-summary';

export interface StatusView {
  exportSet: boolean;
  library: LibraryState;
  /** Papers in the library, loaded or known from the last sync (see LibraryCache.paperCount). */
  paperCount: number | null;
  syncing: boolean;
  progress: SyncProgress | null;
  lastSync: Date | null;
  /** Standing problems (see problems.ts); none when omitted. */
  problems?: readonly Problem[];
}

/** The standing problems in a few words each, after " · ". An unreadable export is said once. */
function problemsText(view: StatusView): string {
  const labels = (view.problems ?? []).map((p) => problemLabel(p.kind));
  if (view.library.status === 'error') labels.unshift(problemLabel('export'));
  return [...new Set(labels)].map((label) => ` · ${label}`).join('');
}

/** The tooltip: every standing problem in full, or null when there is none. */
export function statusTooltip(view: StatusView): string | null {
  const problems = view.problems ?? [];
  return problems.length === 0 ? null : problems.map((p) => p.message).join('\n');
}

/** The status text for a view of the plugin's state. */
export function statusText(view: StatusView): string {
  if (view.syncing) {
    const p = view.progress;
    return p && p.total > 0 ? `Zotero: syncing ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}…` : 'Zotero: syncing…';
  }
  if (!view.exportSet) return 'Zotero: no export file set';
  const problems = problemsText(view);
  const lib = view.library;
  const n = view.paperCount;
  if (n === null) {
    if (lib.status === 'error' || problems !== '') return `Zotero:${problems.slice(2)}`;
    return lib.status === 'loading' ? 'Zotero: loading library…' : 'Zotero: library not loaded';
  }
  const size = `${n.toLocaleString('en-US')} ${n === 1 ? 'paper' : 'papers'}`;
  const when = view.lastSync ? `synced ${format(view.lastSync, isToday(view.lastSync) ? 'HH:mm' : 'MMM d')}` : 'not synced yet';
  return `Zotero: ${size} · ${when}${problems}`;
}
