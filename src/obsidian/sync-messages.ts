/** The words the plugin shows about syncs and errors, in one place (sentence case, no jargon). */
import type { ConceptLinkResult, SyncProgress, SyncSummary } from './plugin-services';
import { errorMessage } from '../core/text/error-message';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * "Library synced: 2 created, 1 updated, 120 unchanged, 1 conflict, 0 errors." (", 3 flagged" when papers left the
 * export), then the conflicting notes, the failed papers, the flagged notes and any warning.
 */
export function formatSyncSummary(summary: SyncSummary): string {
  const warnings = summary.warnings ?? [];
  if (summary.skipped) return ['Library synced: the export has not changed since the last sync.', ...warnings].join('\n');
  const flagged = summary.flagged ?? [];
  const parts = [
    `${summary.created.length.toLocaleString('en-US')} created`,
    `${summary.updated.length.toLocaleString('en-US')} updated`,
    `${summary.unchanged.toLocaleString('en-US')} unchanged`,
    plural(summary.conflicts.length, 'conflict'),
    plural(summary.errors.length, 'error'),
    ...(flagged.length > 0 ? [`${flagged.length.toLocaleString('en-US')} flagged`] : []),
  ];
  let text = `Library synced: ${parts.join(', ')}.`;
  if (summary.conflicts.length > 0) {
    text += `\nYour edits were kept in: ${listSome(summary.conflicts)}`;
  }
  if (summary.errors.length > 0) {
    text += `\nNot synced: ${listSome(summary.errors.map((e) => `${e.citekey ?? e.path ?? '?'} (${e.message})`))}`;
  }
  if (flagged.length > 0) text += `\nNo longer in the export (flagged, not deleted): ${listSome(flagged)}`;
  if (warnings.length > 0) text += `\n${listSome(warnings, 3, '\n')}`;
  return text;
}

/** Whether an automatic sync is worth a notice (something changed or needs the user; warnings ride along). */
export function summaryIsNoteworthy(summary: SyncSummary): boolean {
  const changed = summary.created.length + summary.updated.length + (summary.flagged ?? []).length;
  return !summary.skipped && changed + summary.conflicts.length + summary.errors.length > 0;
}

/**
 * "Concept links rebuilt: 12 links added, 5 notes updated." then the notes left alone (open in the editor), alias
 * conflicts and notes that could not be written.
 */
export function formatConceptRun(title: string, result: ConceptLinkResult): string {
  if (result.conceptCount === 0) return `${title}: there are no concept notes yet. Add notes to the concepts folder, or run "Create concept notes from glossary".`;
  const linkCount = Object.values(result.links).reduce((n, list) => n + list.length, 0);
  const lines = [`${title}: ${plural(linkCount, 'link')} added, ${plural(result.updated.length, 'note')} updated.`];
  if (result.skipped.length > 0) lines.push(`Left alone while open in the editor (linked later): ${listSome(result.skipped)}`);
  if (result.newConflicts.length > 0) lines.push(listSome(result.newConflicts, 3, '\n'));
  if (result.failed.length > 0) lines.push(`Not linked: ${listSome(result.failed.map((f) => `${f.path} (${f.message})`))}`);
  return lines.join('\n');
}

/** "Syncing library… 120/1,234" (just "Syncing library…" before the total is known). */
export function formatProgress(what: string, progress: SyncProgress | null): string {
  if (!progress || progress.total === 0) return `${what}…`;
  return `${what}… ${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')}`;
}

function listSome(items: string[], max = 3, separator = ', '): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/**
 * A failed sync in words the user can act on. Errors are told apart by name, so this file does not import the
 * (lazily loaded) core modules that define them.
 */
export function describeSyncError(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'TemplateError') return `The note template has an error (${errorMessage(err)}). Nothing was written.`;
  if (name === 'DateFormatError') return `${errorMessage(err)}. Nothing was written; fix the date format in the settings.`;
  return `Sync failed: ${errorMessage(err)}`;
}

