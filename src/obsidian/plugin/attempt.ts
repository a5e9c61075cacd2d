/** What every command module shares: the command ids and the way a failure reaches the user. */
import { Notice } from 'obsidian';
import { isUnloadedError } from './unload-guard';
import { errorMessage } from '../../core/text';

/** Command ids, for tests and for anyone binding hotkeys. */
export const COMMAND_IDS = {
  importPaper: 'import-paper',
  syncLibrary: 'sync-library',
  insertPaperSummary: 'insert-paper-summary',
  openInZotero: 'open-in-zotero',
  linkConceptsInNote: 'link-concepts-in-current-note',
  rebuildConceptLinks: 'rebuild-concept-links',
  createConceptNotes: 'create-concept-notes-from-glossary',
  takeZoteroVersion: 'take-zotero-version',
} as const;

/**
 * Run an operation; any failure becomes a notice the user can act on (and null). A run stopped because the plugin
 * was unloaded is no failure: null, and nothing is said.
 */
export async function attempt<T>(label: string, operation: () => Promise<T>): Promise<T | null> {
  try {
    return await operation();
  } catch (err) {
    if (isUnloadedError(err)) return null;
    new Notice(`${label} failed: ${errorMessage(err)}`, 0);
    return null;
  }
}
