/** What every command module shares: the command ids and the way a failure reaches the user. */
import { isUnloadedError } from './unload-guard';
import { errorMessage } from '../../core/text';
import { NOTICE_MS, type Notices } from './notices';

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
  suggestConcepts: 'suggest-concepts-from-library',
  insertCitation: 'insert-citation',
  insertLiteratureLink: 'insert-link-to-literature-note',
  rebuildCitedIn: 'rebuild-cited-in-lists',
} as const;

/**
 * Run an operation the user asked for; a failure becomes a notice they can act on (and null), one per label: the
 * same action failing again updates it. A run stopped because the plugin was unloaded is no failure: null, and
 * nothing is said.
 */
export async function attempt<T>(notices: Notices, label: string, operation: () => Promise<T>): Promise<T | null> {
  try {
    return await operation();
  } catch (err) {
    if (isUnloadedError(err)) return null;
    notices.show(label, `${label} failed: ${errorMessage(err)}`, NOTICE_MS.sticky);
    return null;
  }
}
