/** Where the sync keeps its own files, in the plugin's folder of the config dir (beside data.json). */

/** The sync state: what each note was last written with. The plugin and the CLI share it. */
export const SYNC_STATE_FILE = 'sync-state.json';

/** The previous good copy of the sync state, read when the state itself is damaged. */
export const SYNC_STATE_BACKUP_FILE = 'sync-state.backup.json';

/** Held for the duration of a sync, so that two runs (CLI, plugin, two windows) never write at once. */
export const SYNC_LOCK_FILE = 'sync.lock';
