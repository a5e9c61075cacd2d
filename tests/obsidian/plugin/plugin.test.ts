import * as nodeOs from 'node:os';
import * as nodePath from 'node:path';
import { allNoticeMessages, resetUiLog, setMockPlatform, visibleNotices } from '../../__mocks__/obsidian';
import { EXPORT_ON_ANOTHER_COMPUTER } from '../../../src/core/export';
import { fakeFileWatcher, loadPlugin, makePlugin, SMALL_LIBRARY, watchedParser } from '../plugin-harness';

const BIB = SMALL_LIBRARY; // 3 papers
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
      ['suggest-concepts-from-library', 'Suggest concepts from library'],
      ['take-zotero-version', "Take Zotero's version of this note's managed parts"],
      ['insert-citation', 'Insert citation'],
      ['insert-link-to-literature-note', 'Insert link to literature note'],
      ['rebuild-cited-in-lists', 'Rebuild cited-in lists'],
    ]);
    expect(plugin.mock.commands.every((c) => c.hotkeys === undefined)).toBe(true);
    // Editor commands get the editor from Obsidian; "Open in Zotero", the glossary and "Cited in" ones show only where they apply.
    const kinds = Object.fromEntries(plugin.mock.commands.map((c) => [c.id, Object.keys(c).filter((k) => k.endsWith('allback'))]));
    expect(kinds).toEqual({
      'import-paper': ['callback'],
      'sync-library': ['callback'],
      'insert-paper-summary': ['editorCallback'],
      'open-in-zotero': ['checkCallback'],
      'link-concepts-in-current-note': ['editorCheckCallback'],
      'rebuild-concept-links': ['callback'],
      'create-concept-notes-from-glossary': ['checkCallback'],
      'take-zotero-version': ['checkCallback'],
      'suggest-concepts-from-library': ['callback'],
      'insert-citation': ['editorCallback'],
      'insert-link-to-literature-note': ['editorCallback'],
      'rebuild-cited-in-lists': ['checkCallback'],
    });
    expect(plugin.mock.editorSuggests).toHaveLength(1); // the citation suggester
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
    expect(made.plugin.controller.library.current?.entries.map((p) => p.citekey)).toEqual(['yinSurveyMultimodalLarge2024', 'linMultiLayerVisual2025', 'liBenchmarkingMultimodalRetrieval2024']);
    expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: 3 papers · not synced yet');
  });

  it('says in the status bar, never in a notice to click away at every launch, when the export cannot be read', async () => {
    const { plugin, app } = await makePlugin();
    await plugin.saveData({ exportPath: 'Zotero/missing.bib' });
    await loadPlugin(plugin);
    app.workspace.triggerLayoutReady();
    await flush();
    expect(allNoticeMessages()).toEqual([]);
    const status = plugin.mock.statusBarItems[0];
    expect(status.textContent).toBe('Zotero: export not readable');
    expect(status.getAttr('aria-label')).toBe('Export file not found in the vault: Zotero/missing.bib');

    await app.vault.setExternal('Zotero/missing.bib', BIB); // the export appears: the problem goes once it is read
    await jest.advanceTimersByTimeAsync(5000);
    expect(status.textContent).toMatch(/^Zotero: 3 papers · synced \d\d:\d\d$/); // and this desktop synced it
    expect(status.getAttr('aria-label')).toBe('Sync Zotero library');
  });
});

describe('settings', () => {
  it('round-trip through loadData/saveData, normalised, and reach a second plugin instance', async () => {
    const first = await makePlugin();
    await first.plugin.saveData({ bibPath: '/old/place.bib', notesFolder: 'Papers' }); // version 0 data
    await loadPlugin(first.plugin);
    expect(first.plugin.settingsStore.settings.exportPaths).toEqual(['/old/place.bib']);
    await first.plugin.settingsStore.update({ conceptsFolder: '概念', autoSyncNotice: false });

    const saved = (await first.plugin.loadData()) as Record<string, unknown>;
    expect(saved).toMatchObject({ version: 3, exportPaths: ['/old/place.bib'], exportPath: '/old/place.bib', notesFolder: 'Papers', conceptsFolder: '概念', autoSyncNotice: false });
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
    await made.plugin.saveData({ ...made.plugin.settingsStore.settings, exportPaths: ['Other/export.bib'] });
    await made.plugin.onExternalSettingsChange();
    await flush();
    expect(made.plugin.settingsStore.settings.exportPaths).toEqual(['Other/export.bib']);
    expect(made.plugin.controller.library.current).toBeNull(); // the old library was dropped, the new path tried
    expect(made.plugin.controller.library.state.status).toBe('error');
  });
});

describe('mobile', () => {
  it('reads an export inside the vault', async () => {
    setMockPlatform('mobile');
    const inVault = await loadedWithExport();
    inVault.app.workspace.triggerLayoutReady();
    await flush();
    expect(inVault.plugin.controller.library.current?.entries).toHaveLength(3);
  });

  it("with the desktop's absolute export path: no notice at launch, the reason in the status bar, and once per manual sync", async () => {
    setMockPlatform('mobile');
    const phone = await makePlugin();
    phone.plugin.overrides = {}; // the real Node lookup: none on mobile
    await phone.plugin.saveData({ exportPath: '/Users/me/library.bib' });
    await loadPlugin(phone.plugin);
    phone.app.workspace.triggerLayoutReady();
    await flush();
    expect(allNoticeMessages()).toEqual([]);
    expect(phone.plugin.controller.library.state.status).toBe('empty'); // not even tried
    const status = phone.plugin.mock.statusBarItems[0];
    expect(status.getAttr('aria-label')).toBe(EXPORT_ON_ANOTHER_COMPUTER);
    expect(status.textContent).toBe('Zotero: export not readable');

    phone.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    phone.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(visibleNotices().map((n) => n.message)).toEqual([
      'Sync failed: An export file outside the vault can only be read by the desktop app. On mobile, keep the export inside the vault and set a vault path.',
    ]);
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
    await jest.advanceTimersByTimeAsync(0); // Obsidian's metadata cache parses those writes (its timers, not the plugin's)
    const status = made.plugin.mock.statusBarItems[0];
    // The export watcher, the concept watcher, the "Cited in" watcher, the noted-notes cache.
    expect(made.app.vault.listenerCount()).toBe(3 + 4 + 4 + 2);
    expect(made.app.workspace.listenerCount('file-open')).toBe(2);
    expect(status.listenerCount('click')).toBe(1);
    expect(jest.getTimerCount()).toBeGreaterThan(1);

    made.plugin.mock.unload();
    expect(made.app.vault.listenerCount()).toBe(0);
    expect(made.app.workspace.listenerCount()).toBe(0);
    expect(status.listenerCount()).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
    expect(made.plugin.mock.lifecycle.released).toBe(made.plugin.mock.lifecycle.registered);
    expect(made.plugin.mock.commands).toEqual([]);
    expect(made.plugin.mock.editorSuggests).toEqual([]);
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
    await outside.plugin.settingsStore.update({ exportPaths: ['/b/library.bib'] });
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
