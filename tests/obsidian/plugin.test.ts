import * as nodeOs from 'node:os';
import * as nodePath from 'node:path';
import { readFixture } from '../support/fixtures';
import { allNoticeMessages, noticeMessages, openedModals, resetUiLog, setMockPlatform, type SuggestModal } from '../__mocks__/obsidian';
import { COMMAND_IDS } from '../../src/obsidian/commands';
import { loadLibraryReader } from '../../src/obsidian/library-reader';
import type { SyncSummary } from '../../src/obsidian/plugin-services';
import { emptySummary, fakeFileWatcher, loadPlugin, makePlugin } from './plugin-harness';

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
  const made = await makePlugin({ files: { [EXPORT]: BIB, ...extra }, loadReader: jest.fn(loadLibraryReader) });
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
      ['sync-library', 'Sync library'],
      ['insert-paper-summary', 'Insert paper summary'],
      ['open-in-zotero', 'Open in Zotero'],
      ['link-concepts-in-current-note', 'Link concepts in current note'],
      ['rebuild-concept-links', 'Rebuild concept links'],
      ['create-concept-notes-from-glossary', 'Create concept notes from glossary'],
    ]);
    expect(plugin.mock.commands.every((c) => c.hotkeys === undefined)).toBe(true);
    expect(plugin.mock.ribbonIcons.map((r) => [r.icon, r.title])).toEqual([['refresh-cw', 'Sync library']]);
    expect(plugin.mock.statusBarItems).toHaveLength(1);
    expect(plugin.mock.settingTabs).toHaveLength(1);
  });

  it('reads and parses nothing until the layout is ready, then loads the library', async () => {
    const made = await makePlugin({ files: { [EXPORT]: BIB }, loadReader: jest.fn(loadLibraryReader) });
    await made.plugin.saveData({ exportPath: EXPORT });
    const read = jest.spyOn(made.app.vault, 'read');
    await loadPlugin(made.plugin);
    await flush();
    expect(read).not.toHaveBeenCalled();
    expect(made.plugin.options?.loadReader).not.toHaveBeenCalled();
    expect(made.plugin.runtime.library.state.status).toBe('empty');
    expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: library not loaded');

    made.app.workspace.triggerLayoutReady();
    await flush();
    expect(read).toHaveBeenCalledTimes(1);
    expect(made.plugin.runtime.library.current?.result.papers.map((p) => p.citekey)).toEqual(['Ronnow.2014.Defining', 'Sen.2016.BV', 'Smolin.2013.Classical']);
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
    expect(made.plugin.runtime.library.state.status).toBe('ready');
    await made.plugin.saveData({ ...made.plugin.settingsStore.settings, exportPath: 'Other/export.bib' });
    await made.plugin.onExternalSettingsChange();
    await flush();
    expect(made.plugin.settingsStore.settings.exportPath).toBe('Other/export.bib');
    expect(made.plugin.runtime.library.current).toBeNull(); // the old library was dropped, the new path tried
    expect(made.plugin.runtime.library.state.status).toBe('error');
  });
});

describe('syncing', () => {
  it('syncs from the ribbon with the export text; a second click while it runs starts no second sync', async () => {
    const made = await loadedWithExport();
    made.app.workspace.triggerLayoutReady();
    await flush();
    let finish: (s: SyncSummary) => void = () => undefined;
    made.setSync(() => new Promise((resolve) => (finish = resolve)));
    made.syncCalls.length = 0;

    const ribbon = made.plugin.mock.ribbonIcons[0].el;
    ribbon.click();
    await flush();
    ribbon.click();
    made.plugin.mock.statusBarItems[0].click();
    await flush();
    expect(made.syncCalls).toHaveLength(1);
    expect(made.syncCalls[0].exportText).toBe(BIB);
    expect(made.syncCalls[0].library?.papers).toHaveLength(3);
    expect(made.syncCalls[0].settings.notesFolder).toBe('Literature');
    expect(noticeMessages()).toContain('A sync is already running.');
    expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: syncing…');

    finish(emptySummary({ created: ['Literature/a.md'], unchanged: 2 }));
    await flush();
    expect(noticeMessages()).toContain('Library synced: 1 created, 0 updated, 2 unchanged, 0 conflicts, 0 errors.');
    expect(made.plugin.mock.statusBarItems[0].textContent).toMatch(/^Zotero: 3 papers · synced \d\d:\d\d$/);
  });

  it('says so when the sync is not available in this build', async () => {
    const made = await makePlugin({ files: { [EXPORT]: BIB } });
    made.plugin.options = null; // the plugin's own wiring
    await made.plugin.saveData({ exportPath: EXPORT, autoSync: false });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await flush();
    await made.plugin.mock.command(COMMAND_IDS.syncLibrary)!.callback!();
    await flush();
    expect(noticeMessages()).toContain('Sync failed: Sync library is not available in this build yet.');
  });

  it('runs exactly one sync after the export changes and settles, however many writes came', async () => {
    const made = await loadedWithExport();
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(5000); // the start-up check (export unchanged since Obsidian closed)
    made.syncCalls.length = 0;

    // Better BibTeX rewrites the file in place: a burst of writes, the last one complete.
    const half = BIB.slice(0, Math.floor(BIB.length / 2));
    await made.app.vault.setExternal(EXPORT, half);
    await jest.advanceTimersByTimeAsync(300);
    await made.app.vault.setExternal(EXPORT, BIB.slice(0, Math.floor(BIB.length * 0.9)));
    await jest.advanceTimersByTimeAsync(300);
    const updated = BIB.replace('Defining and Detecting Quantum Speedup', 'Defining and Detecting Quantum Speedup (v2)');
    await made.app.vault.setExternal(EXPORT, updated);
    await jest.advanceTimersByTimeAsync(900);
    expect(made.syncCalls).toHaveLength(0); // still within the quiet time of the last write

    await jest.advanceTimersByTimeAsync(5000);
    expect(made.syncCalls).toHaveLength(1);
    expect(made.syncCalls[0].exportText).toBe(updated);
    expect(made.plugin.runtime.library.current?.result.papers.find((p) => p.citekey === 'Ronnow.2014.Defining')?.title).toBe(
      'Defining and Detecting Quantum Speedup (v2)',
    );
    await jest.advanceTimersByTimeAsync(60000);
    expect(made.syncCalls).toHaveLength(1);
  });

  it('retries, without a notice, when the sync finds the export half written, then syncs the complete file', async () => {
    const made = await loadedWithExport();
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(5000);
    made.syncCalls.length = 0;
    resetUiLog();
    const debug = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
    const truncated = BIB.slice(0, Math.floor(BIB.length / 2));
    made.setSync((request) =>
      request.exportText === truncated
        ? Promise.reject(Object.assign(new Error('the export looks truncated'), { name: 'SyncAbortedError', reason: 'truncated' }))
        : Promise.resolve(emptySummary({ unchanged: 3 })),
    );
    await made.app.vault.setExternal(EXPORT, truncated); // BBT stalls half way
    await jest.advanceTimersByTimeAsync(2500);
    expect(made.syncCalls.map((r) => r.exportText)).toEqual([truncated]);
    expect(allNoticeMessages()).toEqual([]);

    await made.app.vault.setExternal(EXPORT, BIB); // and finishes
    await jest.advanceTimersByTimeAsync(10000);
    expect(made.syncCalls.map((r) => r.exportText)).toEqual([truncated, BIB]);
    expect(allNoticeMessages()).toEqual([]);
    expect(debug).toHaveBeenCalledWith('Zotero Concept Notes: automatic sync skipped: the export looks truncated');
  });

  it('watches an export outside the vault with the Node watcher and syncs after it settles', async () => {
    const watcher = fakeFileWatcher();
    let size = 100;
    const fs = { promises: { stat: () => Promise.resolve({ isFile: () => true, size, mtimeMs: size }), readFile: () => Promise.resolve(BIB) } };
    const node = () => ({ fs, path: nodePath, os: nodeOs }) as never;
    const made = await makePlugin({ node, watchFile: watcher.factory, loadReader: loadLibraryReader });
    await made.plugin.saveData({ exportPath: '/home/me/Zotero/library.bib', autoSyncDelayMs: 1000 });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(5000);
    expect([...watcher.open.values()].map((w) => w.path)).toEqual(['/home/me/Zotero/library.bib']);
    made.syncCalls.length = 0;

    size = 200;
    watcher.fire('/home/me/Zotero/library.bib');
    await jest.advanceTimersByTimeAsync(1500); // quiet time over, first look at the file taken
    size = 300; // it was still being written
    await jest.advanceTimersByTimeAsync(1000);
    expect(made.syncCalls).toHaveLength(0); // the second look saw it grow
    await jest.advanceTimersByTimeAsync(5000);
    expect(made.syncCalls).toHaveLength(1);
  });
});

describe('import paper', () => {
  it('searches the library, creates the chosen note and opens it', async () => {
    const made = await loadedWithExport();
    made.app.workspace.triggerLayoutReady();
    await flush();
    made.plugin.mock.command(COMMAND_IDS.importPaper)!.callback!();
    const modal = openedModals()[0] as SuggestModal<{ item: { citekey: string } }>;
    const found = await modal.simulateQuery('quantum speedup');
    expect(found.map((m) => m.item.citekey)).toEqual(['Ronnow.2014.Defining']);
    await modal.simulateChoose(found[0]);
    await flush();
    expect(made.app.vault.contentOf('Literature/Ronnow.2014.Defining.md')).toBe('# Defining and Detecting Quantum Speedup\n');
    expect(made.app.workspace.openedFiles).toEqual(['Literature/Ronnow.2014.Defining.md']);
  });

  it('opens at once while the library is still loading, says so, and fills in when it is loaded', async () => {
    let release: () => void = () => undefined;
    const slowReader = () => new Promise<Awaited<ReturnType<typeof loadLibraryReader>>>((resolve) => (release = () => void loadLibraryReader().then(resolve)));
    const made = await makePlugin({ files: { [EXPORT]: BIB }, loadReader: slowReader });
    await made.plugin.saveData({ exportPath: EXPORT });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    made.plugin.mock.command(COMMAND_IDS.importPaper)!.callback!();
    const modal = openedModals()[0] as SuggestModal<unknown>;
    expect(await modal.simulateQuery('')).toEqual([]);
    expect(modal.resultContainerEl.textContent).toBe('Loading library…');
    await flush();
    release();
    await flush();
    expect(modal.suggestions).toHaveLength(3);
  });
});

describe('mobile', () => {
  it('reads an export inside the vault, and explains that one outside it needs the desktop app', async () => {
    setMockPlatform('mobile');
    const inVault = await loadedWithExport();
    inVault.app.workspace.triggerLayoutReady();
    await flush();
    expect(inVault.plugin.runtime.library.current?.result.papers).toHaveLength(3);

    const outside = await makePlugin({ loadReader: loadLibraryReader });
    outside.plugin.options = { services: outside.services }; // the real Node lookup: none on mobile
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
    const status = made.plugin.mock.statusBarItems[0];
    expect(made.app.vault.listenerCount()).toBe(3);
    expect(status.listenerCount('click')).toBe(1);
    expect(jest.getTimerCount()).toBeGreaterThan(0);

    made.plugin.mock.unload();
    expect(made.app.vault.listenerCount()).toBe(0);
    expect(status.listenerCount()).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
    expect(made.plugin.mock.lifecycle.released).toBe(made.plugin.mock.lifecycle.registered);
    expect(made.plugin.mock.commands).toEqual([]);
    expect(made.plugin.mock.ribbonIcons).toEqual([]);
    await jest.advanceTimersByTimeAsync(60000);
    expect(made.syncCalls).toHaveLength(0);

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
    expect(made.plugin.runtime.library.state.status).toBe('empty');
    expect(jest.getTimerCount()).toBe(0);
  });
});
