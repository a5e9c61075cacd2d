/**
 * The sync state kept in the plugin's folder (`sync-state.json` beside data.json), in the format the CLI writes to
 * `.obsidian/plugins/zotero-concept-notes/sync-state.json`: plugin and CLI share one state, so a CLI sync followed
 * by a plugin sync (or the reverse) writes nothing twice. The config dir is not indexed by Obsidian, so the file
 * goes through PluginConfigFile (the adapter), never through the notes' VaultPort; the core's SyncStateStore reads
 * and writes it.
 */

/** The file name, in the plugin's folder. */
export const SYNC_STATE_FILE = 'sync-state.json';
