/**
 * The sync state kept in the plugin's folder (`sync-state.json` beside data.json), in the format the CLI writes to
 * `.obsidian/plugins/zotero-concept-notes/sync-state.json`: plugin and CLI share one state, so a CLI sync followed
 * by a plugin sync (or the reverse) writes nothing twice. The config dir is not indexed by Obsidian, so the file
 * goes through PluginConfigFile (the adapter), never through the notes' VaultPort.
 */
import { parseSyncState, parseSyncStateHead, serializeSyncState, type SyncState, type SyncStateHead, type SyncStateStore } from '../core/sync/sync-state';
import type { PluginConfigFile } from './config-file';

/** The file name, in the plugin's folder. */
export const SYNC_STATE_FILE = 'sync-state.json';

export class PluginSyncStateStore implements SyncStateStore {
  constructor(private readonly file: Pick<PluginConfigFile, 'read' | 'write'>) {}

  async load(): Promise<SyncState | null> {
    return parseSyncState(await this.file.read());
  }

  async loadHead(): Promise<SyncStateHead | null> {
    return parseSyncStateHead(await this.file.read());
  }

  save(state: SyncState): Promise<void> {
    return this.file.write(serializeSyncState(state));
  }
}
