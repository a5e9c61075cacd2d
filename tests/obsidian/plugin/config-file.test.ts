import { PluginConfigFile } from '../../../src/obsidian/plugin/config-file';
import { loadPlugin, makePlugin } from '../plugin-harness';

describe('PluginConfigFile', () => {
  it('keeps a file in the plugin folder of the config dir, through the adapter, out of the vault index', async () => {
    const { plugin, app } = await makePlugin();
    await loadPlugin(plugin);
    const file = PluginConfigFile.inPluginFolder(plugin, 'sync-state.json');
    expect(file.path).toBe('.obsidian/plugins/zotero-concept-notes/sync-state.json');
    expect(await file.read()).toBeNull();
    await file.write('{"version":1}');
    expect(await file.read()).toBe('{"version":1}');
    expect(app.vault.adapter.files.get('.obsidian/plugins/zotero-concept-notes/sync-state.json')).toBe('{"version":1}');
    expect(app.vault.getFiles()).toEqual([]);
  });

  it('uses the folder Obsidian gives in the manifest when there is one', async () => {
    const { plugin } = await makePlugin();
    plugin.manifest.dir = 'Custom config/plugins/zcn';
    expect(PluginConfigFile.inPluginFolder(plugin, 'x.json').path).toBe('Custom config/plugins/zcn/x.json');
  });
});
