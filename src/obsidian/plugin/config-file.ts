/**
 * A file of the plugin's own in its folder of the config dir (the sync state and its backup, the sync lock).
 * Obsidian does not index the config dir, so these go through `vault.adapter`; notes never do (see ObsidianVault).
 *
 * A write replaces the file whole, so a crash (or Obsidian closing) never leaves it cut: the text goes to a
 * temporary file (named as core/vault/temp-names.ts says) that then takes the file's place. The adapter's `rename`
 * is not documented to replace an existing file, so when it refuses, the old file is removed first; a crash in that
 * instant leaves the new text in the temporary file, which `read` then returns.
 */
import { normalizePath, type DataAdapter, type Plugin } from 'obsidian';
import { SYNC_STATE_BACKUP_FILE, SYNC_STATE_FILE, type SyncStateFile } from '../../core/sync';
import { isOwnTempName, tempFileName, vaultBasename, vaultDirname } from '../../core/vault';

export type ConfigAdapter = Pick<DataAdapter, 'exists' | 'read' | 'write' | 'remove' | 'rename' | 'list'>;

export class PluginConfigFile {
  constructor(
    private readonly adapter: ConfigAdapter,
    /** Vault-relative path inside the config dir, e.g. ".obsidian/plugins/zotero-concept-notes/sync-state.json". */
    readonly path: string,
  ) {}

  /** `name` in the plugin's folder (the manifest's `dir`, else `<configDir>/plugins/<id>`). */
  static inPluginFolder(plugin: Plugin, name: string): PluginConfigFile {
    const dir = plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`;
    return new PluginConfigFile(plugin.app.vault.adapter, normalizePath(`${dir}/${name}`));
  }

  /** The file's text, or null when it does not exist (nor a replacement a crash left half done). */
  async read(): Promise<string | null> {
    if (await this.adapter.exists(this.path)) return this.adapter.read(this.path);
    const [left] = await this.leftTemps();
    return left === undefined ? null : this.adapter.read(left);
  }

  /** Replace the file's text whole (see the top of this file). */
  async write(text: string): Promise<void> {
    const temp = normalizePath(`${vaultDirname(this.path)}/${tempFileName(vaultBasename(this.path), crypto.getRandomValues(new Uint8Array(6)))}`);
    await this.adapter.write(temp, text);
    try {
      await this.adapter.rename(temp, this.path);
    } catch (err) {
      if (!(await this.adapter.exists(this.path))) {
        await this.adapter.remove(temp).catch(() => undefined);
        throw err;
      }
      await this.adapter.remove(this.path);
      await this.adapter.rename(temp, this.path);
    }
    for (const left of await this.leftTemps()) await this.adapter.remove(left).catch(() => undefined);
  }

  /**
   * Write `text` only when there is no file: false when there is one. The adapter has no exclusive create, so two
   * writers may both get true; the sync lock checks again after a pause (see core/sync/sync-lock.ts).
   */
  async create(text: string): Promise<boolean> {
    if (await this.adapter.exists(this.path)) return false;
    await this.adapter.write(this.path, text);
    return true;
  }

  async remove(): Promise<void> {
    if (await this.adapter.exists(this.path)) await this.adapter.remove(this.path);
  }

  /** Temporary files of this file left by a crash (the one `read` takes was complete: the old file goes only after). */
  private async leftTemps(): Promise<string[]> {
    const dir = vaultDirname(this.path);
    if (!(await this.adapter.exists(dir === '' ? '/' : dir))) return [];
    const { files } = await this.adapter.list(dir === '' ? '/' : dir);
    return files.filter((f) => isOwnTempName(vaultBasename(f), vaultBasename(this.path)));
  }
}

/**
 * The sync state (shared with the CLI) and its previous good copy, in the plugin's folder. `check` runs before
 * every write and throws once the plugin is unloaded, so nothing is written after that.
 */
export function pluginSyncStateFile(plugin: Plugin, check: () => void): SyncStateFile {
  const state = PluginConfigFile.inPluginFolder(plugin, SYNC_STATE_FILE);
  const backup = PluginConfigFile.inPluginFolder(plugin, SYNC_STATE_BACKUP_FILE);
  return {
    read: () => state.read(),
    write: async (text) => {
      check();
      await state.write(text);
    },
    readBackup: () => backup.read(),
    writeBackup: async (text) => {
      check();
      await backup.write(text);
    },
  };
}
