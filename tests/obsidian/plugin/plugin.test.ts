import * as nodeOs from 'node:os';
import * as nodePath from 'node:path';
import { readFixture } from '../../support/fixtures';
import { noticeMessages, resetUiLog, setMockPlatform } from '../../__mocks__/obsidian';
import { fakeFileWatcher, loadPlugin, makePlugin, watchedParser } from '../plugin-harness';

const BIB = readFixture('bbt/arxiv-identifiers-460.biblatex.bib'); // 3 papers
const EXPORT = 'Zotero/library.bib';

/** Let pending promises and zero-delay timers run (fake timers). */
const flush = () => jest.advanceTimersByTimeAsync(1);

beforeEach(() => {
  jest.useFakeTimers();
  resetUiLog();
  setMockPlatform('desktop');
});

afterEach(() => {
  jest.useRealTimers();
});

async function loadedWithExport(extra: Record<string, string> = {}) {
  const made = await makePlugin({ files: { [EXPORT]: BIB, ...extra } });
  await made.plugin.saveData({ exportPath: EXPORT, autoSyncDelayMs: 1000 });
  await loadPlugin(made.plugin);
  return made;
}

describe('onload', () => {
  it('registers the commands (no hotkeys), the ribbon icon, the status bar and the settings tab', async () => {
    const { plugin } = await makePlugin();
    await loadPlugin(plugin);
    expect(plugin.mock.commands.map((c) => [c.id, c.name])).toEqual([
      ['import-paper', 'Import paper'],
      ['sync-library', 'Sync Zotero library'],
      ['insert-paper-summary', 'Insert paper summary'],
      ['open-in-zotero', 'Open in Zotero'],
      ['link-concepts-in-current-note', 'Link concepts in current note'],
      ['rebuild-concept-links', 'Rebuild concept links'],
      ['create-concept-notes-from-glossary', 'Create concept notes from glossary'],
    ]);
    expect(plugin.mock.commands.every((c) => c.hotkeys === undefined)).toBe(true);
    // Editor commands get the editor from Obsidian; "Open in Zotero" and the glossary one show only where they apply.
    const kinds = Object.fromEntries(plugin.mock.commands.map((c) => [c.id, Object.keys(c).filter((k) => k.endsWith('allback'))]));
    expect(kinds).toEqual({
      'import-paper': ['callback'],
      'sync-library': ['callback'],
      'insert-paper-summary': ['editorCallback'],
      'open-in-zotero': ['checkCallback'],
      'link-concepts-in-current-note': ['editorCheckCallback'],
      'rebuild-concept-links': ['callback'],
      'create-concept-notes-from-glossary': ['checkCallback'],
    });
    expect(plugin.mock.ribbonIcons.map((r) => [r.icon, r.title])).toEqual([['refresh-cw', 'Sync Zotero library']]);
    expect(plugin.mock.statusBarItems).toHaveLength(1);
    expect(plugin.mock.settingTabs).toHaveLength(1);
  });

  it('reads and parses nothing until the layout is ready, then loads the library', async () => {
    const parser = watchedParser();
    const made = await makePlugin({ files: { [EXPORT]: BIB }, createParser: parser.createParser });
    await made.plugin.saveData({ exportPath: EXPORT });
    const read = jest.spyOn(made.app.vault, 'readBinary');
    const adapterRead = jest.spyOn(made.app.vault.adapter, 'read');
    await loadPlugin(made.plugin);
    await flush();
    expect(read).not.toHaveBeenCalled();
    expect(adapterRead).not.toHaveBeenCalled(); // not even the sync state
    expect(parser.parsed).toEqual([]);
    // No vault event is taken before the layout is ready (Obsidian fires "create" for every file while loading).
    expect(made.app.vault.listenerCount()).toBe(0);
    expect(made.app.workspace.listenerCount()).toBe(0);
    expect(made.plugin.controller.library.state.status).toBe('empty');
    expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: library not loaded');

    made.app.workspace.triggerLayoutReady();
    await flush();
    expect(read).toHaveBeenCalledTimes(1);
    expect(parser.parsed).toEqual([BIB]);
    expect(made.plugin.controller.library.current?.entries.map((p) => p.citekey)).toEqual(['Ronnow.2014.Defining', 'Sen.2016.BV', 'Smolin.2013.Classical']);
    expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: 3 papers · not synced yet');
  });

  it('tells the user, once the layout is ready, when the export cannot be read', async () => {
    const { plugin, app } = await makePlugin();
    await plugin.saveData({ exportPath: 'Zotero/missing.bib' });
    await loadPlugin(plugin);
    app.workspace.triggerLayoutReady();
    await flush();
    expect(noticeMessages()).toEqual(['Zotero Concept Notes: Export file not found in the vault: Zotero/missing.bib']);
    expect(plugin.mock.statusBarItems[0].textContent).toBe('Zotero: export not readable');
  });
});

describe('settings', () => {
  it('round-trip through loadData/saveData, normalised, and reach a second plugin instance', async () => {
    const first = await makePlugin();
    await first.plugin.saveData({ bibPath: '/old/place.bib', notesFolder: 'Papers' }); // version 0 data
    await loadPlugin(first.plugin);
    expect(first.plugin.settingsStore.settings.exportPath).toBe('/old/place.bib');
    await first.plugin.settingsStore.update({ conceptsFolder: '概念', autoSync: false });

    const saved = (await first.plugin.loadData()) as Record<string, unknown>;
    expect(saved).toMatchObject({ version: 1, exportPath: '/old/place.bib', notesFolder: 'Papers', conceptsFolder: '概念', autoSync: false });
    expect(saved.bibPath).toBeUndefined();

    const second = await makePlugin({ app: first.app });
    await loadPlugin(second.plugin);
    expect(second.plugin.settingsStore.settings).toEqual(first.plugin.settingsStore.settings);
  });

  it('apply a data.json changed on disk (onExternalSettingsChange) without a restart', async () => {
    const made = await loadedWithExport();
    made.app.workspace.triggerLayoutReady();
    await flush();
    expect(made.plugin.controller.library.state.status).toBe('ready');
    await made.plugin.saveData({ ...made.plugin.settingsStore.settings, exportPath: 'Other/export.bib' });
    await made.plugin.onExternalSettingsChange();
    await flush();
    expect(made.plugin.settingsStore.settings.exportPath).toBe('Other/export.bib');
    expect(made.plugin.controller.library.current).toBeNull(); // the old library was dropped, the new path tried
    expect(made.plugin.controller.library.state.status).toBe('error');
  });
});

describe('mobile', () => {
  it('reads an export inside the vault, and explains that one outside it needs the desktop app', async () => {
    setMockPlatform('mobile');
    const inVault = await loadedWithExport();
    inVault.app.workspace.triggerLayoutReady();
    await flush();
    expect(inVault.plugin.controller.library.current?.entries).toHaveLength(3);

    const outside = await makePlugin();
    outside.plugin.overrides = {}; // the real Node lookup: none on mobile
    await outside.plugin.saveData({ exportPath: '/Users/me/library.bib' });
    await loadPlugin(outside.plugin);
    outside.app.workspace.triggerLayoutReady();
    await flush();
    expect(noticeMessages().some((m) => m.includes('can only be read by the desktop app'))).toBe(true);
  });
});

describe('onunload', () => {
  it('releases every event, watcher, interval and timer it took', async () => {
    const watcher = fakeFileWatcher();
    const made = await loadedWithExport();
    made.app.workspace.triggerLayoutReady();
    await flush();
    await made.app.vault.setExternal(EXPORT, BIB + '\n'); // a settle timer is now pending
    await made.app.vault.setExternal('Concepts/ICL.md', '---\naliases: [in-context learning]\n---\n'); // a concept update is pending too
    const status = made.plugin.mock.statusBarItems[0];
    expect(made.app.vault.listenerCount()).toBe(3 + 4 + 2); // the export watcher, the concept watcher, the noted-notes cache
    expect(made.app.workspace.listenerCount('file-open')).toBe(1);
    expect(status.listenerCount('click')).toBe(1);
    expect(jest.getTimerCount()).toBeGreaterThan(1);

    made.plugin.mock.unload();
    expect(made.app.vault.listenerCount()).toBe(0);
    expect(made.app.workspace.listenerCount()).toBe(0);
    expect(status.listenerCount()).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
    expect(made.plugin.mock.lifecycle.released).toBe(made.plugin.mock.lifecycle.registered);
    expect(made.plugin.mock.commands).toEqual([]);
    expect(made.plugin.mock.ribbonIcons).toEqual([]);
    await jest.advanceTimersByTimeAsync(60000);
    expect(made.syncCalls).toHaveLength(0);
    expect(made.conceptUpdates).toHaveLength(0);

    // The Node watcher of an export outside the vault is closed too, and so is the one of an old path.
    const outside = await makePlugin({ watchFile: watcher.factory, node: () => ({ fs: { promises: {} }, path: nodePath, os: nodeOs }) as never });
    await outside.plugin.saveData({ exportPath: '/a/library.bib' });
    await loadPlugin(outside.plugin);
    outside.app.workspace.triggerLayoutReady();
    await flush();
    expect(watcher.open.size).toBe(1);
    await outside.plugin.settingsStore.update({ exportPath: '/b/library.bib' });
    expect([...watcher.open.values()].map((w) => w.path)).toEqual(['/b/library.bib']);
    outside.plugin.mock.unload();
    expect(watcher.open.size).toBe(0);
  });

  it('does not start anything when unloaded before the layout was ready', async () => {
    const made = await loadedWithExport();
    made.plugin.mock.unload();
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(10000);
    expect(made.app.vault.listenerCount()).toBe(0);
    expect(made.plugin.controller.library.state.status).toBe('empty');
    expect(jest.getTimerCount()).toBe(0);
  });
});
