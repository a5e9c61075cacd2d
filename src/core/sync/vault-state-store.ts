/**
 * A SyncStateStore keeping the state as a JSON file in the vault folder. The CLI uses
 * `<configDir>/plugins/zotero-concept-notes/sync-state.json`, beside the plugin's data.json, so both share it.
 */
import type { VaultPort } from '../vault/vault-port';
import { parseSyncState, parseSyncStateHead, serializeSyncState, type SyncState, type SyncStateHead, type SyncStateStore } from './sync-state';

export class VaultSyncStateStore implements SyncStateStore {
  constructor(
    private readonly vault: VaultPort,
    readonly path: string,
  ) {}

  async load(): Promise<SyncState | null> {
    return parseSyncState(await this.vault.read(this.path));
  }

  async loadHead(): Promise<SyncStateHead | null> {
    return parseSyncStateHead(await this.vault.read(this.path));
  }

  async save(state: SyncState): Promise<void> {
    await this.vault.write(this.path, serializeSyncState(state));
  }
}
