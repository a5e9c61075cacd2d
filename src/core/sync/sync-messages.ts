/** The words the plugin and the CLI show about syncs and errors, in one place (sentence case, no jargon). */
import { errorMessage } from '../text/error-message';
import { listSome, plural } from '../text/counts';
import type { StateDamage } from './sync-state-store';
import { scopeText } from './sync-scope';
import type { SyncProgress, SyncSummary } from './sync-summary';

/** How the message about a damaged sync state starts (the automatic sync's notice finds it among the warnings). */
const STATE_DAMAGED = 'The sync state file was damaged';

/**
 * "Library synced: 2 created, 1 updated, 120 unchanged, 1 conflict, 0 errors." (", 3 flagged" when papers left the
 * export), then the conflicting notes, the failed papers, the flagged notes and any warning.
 */
export function formatSyncSummary(summary: SyncSummary): string {
  const warnings = summary.warnings;
  if (summary.skipped) return ['Library synced: the export has not changed since the last sync.', ...warnings].join('\n');
  const flagged = summary.flagged;
  const parts = [
    `${summary.created.length.toLocaleString('en-US')} created`,
    `${summary.updated.length.toLocaleString('en-US')} updated`,
    `${summary.unchanged.toLocaleString('en-US')} unchanged`,
    plural(summary.conflicts.length, 'conflict'),
    plural(summary.errors.length, 'error'),
    ...(flagged.length > 0 ? [`${flagged.length.toLocaleString('en-US')} flagged`] : []),
    ...(summary.readOnly.length > 0 ? [`${summary.readOnly.length.toLocaleString('en-US')} read-only`] : []),
  ];
  const scope = summary.scope ? ` (${scopeText(summary.scope)})` : '';
  let text = `Library synced${scope}: ${parts.join(', ')}.`;
  if (summary.conflicts.length > 0) {
    text += `\nYour edits were kept in: ${listSome(summary.conflicts)}`;
  }
  if (summary.errors.length > 0) {
    // An export that could not be read names itself in its message.
    text += `\nNot synced: ${listSome(summary.errors.map((e) => (e.export !== undefined ? e.message : `${e.citekey ?? e.path ?? '?'} (${e.message})`)))}`;
  }
  if (flagged.length > 0) text += `\nNo longer in the export (flagged, not deleted): ${listSome(flagged)}`;
  if (summary.readOnly.length > 0) text += `\nRead-only, left alone: ${listSome(summary.readOnly)}`;
  if (warnings.length > 0) text += `\n${listSome(warnings, 3, '\n')}`;
  return text;
}

/**
 * The short notice after an automatic sync, or null for none: automatic syncs are silent unless they created notes
 * or found a conflict (and the user kept that notice on), or the sync state was damaged. Updates, flags and unchanged
 * papers are not news.
 */
export function autoSyncNoticeText(summary: SyncSummary): string | null {
  if (summary.skipped) return null;
  const parts: string[] = [];
  if (summary.created.length > 0) parts.push(`${plural(summary.created.length, 'note')} created`);
  if (summary.conflicts.length > 0) parts.push(`${plural(summary.conflicts.length, 'conflict')} (your edits were kept in ${listSome(summary.conflicts, 2)})`);
  const damage = summary.stateDamaged ? (summary.warnings.find((w) => w.startsWith(STATE_DAMAGED)) ?? `${STATE_DAMAGED}.`) : null;
  if (parts.length === 0) return damage;
  const synced = `Zotero library synced: ${parts.join(', ')}.`;
  return damage === null ? synced : `${synced}\n${damage}`;
}

/**
 * What a sync that went through leaves as a standing problem (entries of the export it could not sync), or null.
 * Shown in the status bar and the settings until a sync without errors.
 */
export function syncProblemText(summary: SyncSummary): string | null {
  if (summary.errors.length === 0) return null;
  // An export that could not be read (one of several) is an error without a citekey, naming its file.
  const exports = summary.errors.filter((e) => e.export !== undefined);
  const papers = summary.errors.filter((e) => e.export === undefined);
  const failed = papers.map((e) => `${e.citekey ?? e.path ?? '?'} (${e.message})`);
  const lines = exports.map((e) => `The last sync could not read ${e.message}`);
  if (papers.length > 0) lines.push(`The last sync could not sync ${plural(papers.length, 'paper')}: ${listSome(failed)}`);
  return lines.join('\n');
}

/** The warnings of one run as one message, for one notice. */
export function joinWarnings(warnings: readonly string[]): string {
  return listSome(warnings, 3, '\n');
}

/** What a damaged sync state means for this sync (`noteCount`: the literature notes it was checked against). */
export function stateDamageMessage(damage: StateDamage, noteCount: number | null): string {
  const what = `${STATE_DAMAGED} (cut, or not valid JSON)`;
  if (damage.usedBackup) return `${what}: its previous good copy was used, and a good state is written now.`;
  const against = noteCount === null ? '' : ` The export was checked against the ${noteCount.toLocaleString('en-US')} literature notes in the vault.`;
  return `${what} and no good copy was kept: notes were found by their citekeys, and edits of yours in the plugin's parts may show as conflicts this once.${against}`;
}

/** "Syncing library… 120/1,234" (just "Syncing library…" before the total is known). */
export function formatProgress(what: string, progress: SyncProgress | null): string {
  if (!progress || progress.total === 0) return `${what}…`;
  return `${what}… ${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')}`;
}

/**
 * A failed sync in words the user can act on. Errors are told apart by name, so this file does not import the
 * (lazily loaded) core modules that define them.
 */
export function describeSyncError(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'TemplateError') return `The note template has an error (${errorMessage(err)}). Nothing was written.`;
  if (name === 'DateFormatError') return `${errorMessage(err)}. Nothing was written; fix the date format in the settings.`;
  if (name === 'SyncLockedError') return errorMessage(err);
  return `Sync failed: ${errorMessage(err)}`;
}
