/** Where the sync keeps its own files, in the plugin's folder of the config dir (beside data.json). */

/** The sync state: what each note was last written with. The plugin and the CLI share it. */
export const SYNC_STATE_FILE = 'sync-state.json';
