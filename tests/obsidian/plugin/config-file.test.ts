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
    try {
      expect(PluginConfigFile.inPluginFolder(plugin, 'x.json').path).toBe('Custom config/plugins/zcn/x.json');
    } finally {
      delete plugin.manifest.dir; // the manifest object is shared by every plugin the harness makes
    }
  });
});

describe('PluginConfigFile writes', () => {
  const PATH = '.obsidian/plugins/zotero-concept-notes/sync-state.json';
  const tempsIn = (files: Map<string, string>) => [...files.keys()].filter((p) => /\/\.sync-state\.json\.zcn-[0-9a-f]{12}\.tmp$/.test(p));

  it('replaces the file whole through a temporary file, which the adapter refuses to rename over it', async () => {
    const { plugin, app } = await makePlugin();
    const file = PluginConfigFile.inPluginFolder(plugin, 'sync-state.json');
    const adapter = app.vault.adapter;
    await file.write('first');
    const writes: string[] = [];
    adapter.beforeWrite = (path) => writes.push(path);
    await file.write('second');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^\.obsidian\/plugins\/zotero-concept-notes\/\.sync-state\.json\.zcn-[0-9a-f]{12}\.tmp$/);
    expect(adapter.files.get(PATH)).toBe('second');
    expect(tempsIn(adapter.files)).toEqual([]);
  });

  it('leaves the old text whole when writing the new one fails (a crash mid-write)', async () => {
    const { plugin, app } = await makePlugin();
    const file = PluginConfigFile.inPluginFolder(plugin, 'sync-state.json');
    await file.write('old and complete');
    app.vault.adapter.beforeWrite = () => {
      throw new Error('killed');
    };
    await expect(file.write('new')).rejects.toThrow('killed');
    expect(await file.read()).toBe('old and complete');
  });

  it('reads the new text a crash left in the temporary file after the old file was removed, and cleans up after', async () => {
    const { plugin, app } = await makePlugin();
    const file = PluginConfigFile.inPluginFolder(plugin, 'sync-state.json');
    const adapter = app.vault.adapter;
    await file.write('old');
    // The crash came between removing the old file and renaming the new one into place.
    jest.spyOn(adapter, 'rename').mockRejectedValue(new Error('killed'));
    await expect(file.write('new and complete')).rejects.toThrow('killed');
    expect(adapter.files.has(PATH)).toBe(false);
    expect(await file.read()).toBe('new and complete');
    jest.restoreAllMocks();
    await file.write('next');
    expect(await file.read()).toBe('next');
    expect(tempsIn(adapter.files)).toEqual([]);
  });
});
