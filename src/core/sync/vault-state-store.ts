/**
 * The sync state as a JSON file in the vault folder, through VaultPort. The CLI uses
 * `<configDir>/plugins/zotero-concept-notes/sync-state.json`, beside the plugin's data.json, so both share it, and
 * keeps the previous good state in `backupPath` (sync-state.backup.json). NodeVault's writes are atomic.
 */
import type { VaultPort } from '../vault/vault-port';
import { SyncStateStore } from './sync-state-store';

export class VaultSyncStateStore extends SyncStateStore {
  constructor(
    vault: VaultPort,
    readonly path: string,
    backupPath?: string,
  ) {
    super({
      read: () => vault.read(path),
      write: (text) => vault.write(path, text),
      readBackup: backupPath === undefined ? undefined : () => vault.read(backupPath),
      writeBackup: backupPath === undefined ? undefined : (text) => vault.write(backupPath, text),
    });
  }
}
