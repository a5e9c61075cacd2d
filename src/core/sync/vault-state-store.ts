/**
 * The sync state as a JSON file in the vault folder, through VaultPort. The CLI uses
 * `<configDir>/plugins/zotero-concept-notes/sync-state.json`, beside the plugin's data.json, so both share it.
 */
import type { VaultPort } from '../vault/vault-port';
import { SyncStateStore } from './sync-state-store';

export class VaultSyncStateStore extends SyncStateStore {
  constructor(
    vault: VaultPort,
    readonly path: string,
  ) {
    super({ read: () => vault.read(path), write: (text) => vault.write(path, text) });
  }
}
