/**
 * What the plugin's status bar says: library size and last sync time ("Zotero: 1,234 papers · synced 14:03"), or
 * progress while a sync runs. Pure, so the words are tested without a status bar.
 */
import { format } from 'date-fns/format';
import { isToday } from 'date-fns/isToday';
import type { LibraryState } from '../library/library-cache';
import type { SyncProgress } from './sync-summary';

export interface StatusView {
  exportSet: boolean;
  library: LibraryState;
  /** Papers in the library, loaded or known from the last sync (see LibraryCache.paperCount). */
  paperCount: number | null;
  syncing: boolean;
  progress: SyncProgress | null;
  lastSync: Date | null;
}

/** The status text for a view of the plugin's state. */
export function statusText(view: StatusView): string {
  if (view.syncing) {
    const p = view.progress;
    return p && p.total > 0 ? `Zotero: syncing ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}…` : 'Zotero: syncing…';
  }
  if (!view.exportSet) return 'Zotero: no export file set';
  const lib = view.library;
  const n = view.paperCount;
  if (n === null) {
    if (lib.status === 'error') return 'Zotero: export not readable';
    return lib.status === 'loading' ? 'Zotero: loading library…' : 'Zotero: library not loaded';
  }
  const size = `${n.toLocaleString('en-US')} ${n === 1 ? 'paper' : 'papers'}`;
  const when = view.lastSync ? `synced ${format(view.lastSync, isToday(view.lastSync) ? 'HH:mm' : 'MMM d')}` : 'not synced yet';
  return `Zotero: ${size} · ${when}${lib.status === 'error' ? ' · export not readable' : ''}`;
}
