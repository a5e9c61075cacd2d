/** The words the plugin shows about syncs and errors, in one place (sentence case, no jargon). */
import type { SyncProgress, SyncSummary } from './plugin-services';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Library synced: 2 created, 1 updated, 120 unchanged, 1 conflict, 0 errors." (+ the conflicting notes) */
export function formatSyncSummary(summary: SyncSummary): string {
  if (summary.skipped) return 'Library synced: the export has not changed since the last sync.';
  const parts = [
    `${summary.created.length.toLocaleString('en-US')} created`,
    `${summary.updated.length.toLocaleString('en-US')} updated`,
    `${summary.unchanged.toLocaleString('en-US')} unchanged`,
    plural(summary.conflicts.length, 'conflict'),
    plural(summary.errors.length, 'error'),
  ];
  let text = `Library synced: ${parts.join(', ')}.`;
  if (summary.conflicts.length > 0) {
    text += `\nYour edits were kept in: ${listSome(summary.conflicts)}`;
  }
  if (summary.errors.length > 0) {
    text += `\nNot synced: ${listSome(summary.errors.map((e) => `${e.citekey ?? e.path ?? '?'} (${e.message})`))}`;
  }
  return text;
}

/** Whether an automatic sync is worth a notice (something changed or needs the user). */
export function summaryIsNoteworthy(summary: SyncSummary): boolean {
  return !summary.skipped && summary.created.length + summary.updated.length + summary.conflicts.length + summary.errors.length > 0;
}

/** "Syncing library… 120/1,234" (just "Syncing library…" before the total is known). */
export function formatProgress(what: string, progress: SyncProgress | null): string {
  if (!progress || progress.total === 0) return `${what}…`;
  return `${what}… ${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')}`;
}

function listSome(items: string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** The message of any thrown value. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
