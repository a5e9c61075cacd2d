/**
 * A file of the plugin's own in its folder of the config dir (e.g. the sync state beside data.json). Obsidian does
 * not index the config dir, so these go through `vault.adapter`; notes never do (see ObsidianVault).
 */
import { normalizePath, type DataAdapter, type Plugin } from 'obsidian';

export class PluginConfigFile {
  constructor(
    private readonly adapter: Pick<DataAdapter, 'exists' | 'read' | 'write'>,
    /** Vault-relative path inside the config dir, e.g. ".obsidian/plugins/zotero-concept-notes/sync-state.json". */
    readonly path: string,
  ) {}

  /** `name` in the plugin's folder (the manifest's `dir`, else `<configDir>/plugins/<id>`). */
  static inPluginFolder(plugin: Plugin, name: string): PluginConfigFile {
    const dir = plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`;
    return new PluginConfigFile(plugin.app.vault.adapter, normalizePath(`${dir}/${name}`));
  }

  /** The file's text, or null when it does not exist. */
  async read(): Promise<string | null> {
    return (await this.adapter.exists(this.path)) ? this.adapter.read(this.path) : null;
  }

  write(text: string): Promise<void> {
    return this.adapter.write(this.path, text);
  }
}
