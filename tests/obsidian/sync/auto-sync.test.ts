/**
 * What an automatic sync (the export changed, nobody asked) says and does: silent unless it created notes or found
 * a conflict, problems in the status bar rather than notices, per device, and never behind another device's back.
 */
import * as nodeOs from 'node:os';
import * as nodePath from 'node:path';
import { parseSyncStateHead } from '../../../src/core/sync/sync-state-text';
import { allNoticeMessages, resetUiLog, setMockPlatform, visibleNotices, type App } from '../../__mocks__/obsidian';
import { loadPlugin, makePlugin, SMALL_LIBRARY, STATE_PATH, usePluginTestEnvironment } from '../plugin-harness';

const EXPORT = 'Zotero/library.bib';
const ONE_MORE = `${SMALL_LIBRARY}
@article{newPaper2025,
  title = {A New Paper},
  author = {Wang, Li},
  date = {2025},
  journaltitle = {Journal}
}
`;

usePluginTestEnvironment();

/** The plugin on a desktop with the export in the vault, after its start-up sync. */
async function started(settings: Record<string, unknown> = {}, app?: App) {
  const made = await makePlugin({ app, files: app ? undefined : { [EXPORT]: SMALL_LIBRARY } });
  await made.plugin.saveData({ exportPath: EXPORT, autoSyncDelayMs: 1000, ...settings });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await jest.advanceTimersByTimeAsync(5000);
  return made;
}

/** Better BibTeX rewrites the export; the automatic sync runs once it settles. */
async function exportChanges(made: Awaited<ReturnType<typeof started>>, text: string) {
  resetUiLog();
  await made.app.vault.setExternal(EXPORT, text);
  await jest.advanceTimersByTimeAsync(5000);
}

describe('automatic sync', () => {
  it('says in one short notice that it created notes; nothing when it only updated some', async () => {
    const made = await started();
    expect(made.summaries.map((s) => s.created.length)).toEqual([3]);
    await exportChanges(made, ONE_MORE);
    expect(visibleNotices().map((n) => [n.message, n.duration])).toEqual([['Zotero library synced: 1 note created.', 6000]]);
    await exportChanges(made, ONE_MORE.replace('A New Paper', 'A New Paper (v2)'));
    expect(made.summaries.at(-1)).toMatchObject({ updated: ['Literature/newPaper2025.md'] });
    expect(allNoticeMessages()).toEqual([]);
  });

  it('is silent about created notes when the user turned that notice off', async () => {
    const made = await started({ autoSyncNotice: false });
    await exportChanges(made, ONE_MORE);
    expect(made.summaries.at(-1)).toMatchObject({ created: ['Literature/newPaper2025.md'] });
    expect(allNoticeMessages()).toEqual([]);
  });

  it('leaves a failure in the status bar, not in a notice, until a sync goes through', async () => {
    const made = await started();
    const status = made.plugin.mock.statusBarItems[0];
    await made.app.vault.setExternal('Templates/paper.md', '# {{title}}\n\n{{#if doi}}\n');
    await made.plugin.settingsStore.update({ noteTemplatePath: 'Templates/paper.md' });
    await exportChanges(made, ONE_MORE);
    expect(allNoticeMessages()).toEqual([]);
    expect(status.textContent).toBe('Zotero: 4 papers · synced 14:03 · last sync had problems');
    expect(status.getAttr('aria-label')).toMatch(/^The note template has an error \(Templates\/paper\.md, line \d+: [\s\S]+\)\. Nothing was written\.$/);

    await made.plugin.settingsStore.update({ noteTemplatePath: '' });
    await exportChanges(made, ONE_MORE.replace('A New Paper', 'A New Paper (v2)'));
    expect(status.textContent).toBe('Zotero: 4 papers · synced 14:03');
    expect(status.getAttr('aria-label')).toBe('Sync Zotero library');
  });
});

describe('an export that could not be read', () => {
  it('stays a problem in the status bar until a sync by hand reads it (automatic sync off here)', async () => {
    const made = await makePlugin({ files: {} });
    made.plugin.device.setAutoSyncChoice(false);
    await made.plugin.saveData({ exportPath: EXPORT });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(100);
    const status = made.plugin.mock.statusBarItems[0];
    expect(status.textContent).toBe('Zotero: export not readable');
    await made.app.vault.setExternal(EXPORT, SMALL_LIBRARY);
    made.plugin.mock.ribbonIcons[0].el.click();
    await jest.advanceTimersByTimeAsync(100);
    expect(status.textContent).toBe('Zotero: 3 papers · synced 14:03');
    expect(status.getAttr('aria-label')).toBe('Sync Zotero library');
  });
});

describe('two devices, one vault', () => {
  it('records this device in the sync state, and leaves alone an export another device synced', async () => {
    const desktop = await started();
    const deviceId = desktop.plugin.device.deviceId;
    expect(parseSyncStateHead(desktop.app.vault.adapter.files.get(STATE_PATH) ?? null)?.lastExport?.device).toBe(deviceId);

    // A second computer: the same export and state arrive through the vault's sync; the notes are still on their way.
    const laptop = await makePlugin({ files: { [EXPORT]: SMALL_LIBRARY, [STATE_PATH]: desktop.app.vault.adapter.files.get(STATE_PATH)! } });
    await laptop.plugin.saveData({ exportPath: EXPORT, autoSyncDelayMs: 1000 });
    await loadPlugin(laptop.plugin);
    laptop.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(5000);
    expect(laptop.plugin.device.deviceId).not.toBe(deviceId);
    expect(laptop.summaries).toEqual([]); // at start-up the export is the one the state names: not even parsed
    await laptop.app.vault.setExternal(EXPORT, SMALL_LIBRARY); // the vault's sync writes the export again
    await jest.advanceTimersByTimeAsync(5000);
    expect(laptop.summaries).toEqual([expect.objectContaining({ skipped: true, syncedElsewhere: true, created: [] })]);
    expect(Object.keys(laptop.app.vault.snapshot()).filter((p) => p.startsWith('Literature/'))).toEqual([]);

    laptop.plugin.mock.ribbonIcons[0].el.click(); // asked for by hand, it runs
    await jest.advanceTimersByTimeAsync(100);
    expect(laptop.summaries.at(-1)).toMatchObject({ created: ['Literature/yinSurveyMultimodalLarge2024.md', 'Literature/linMultiLayerVisual2025.md', 'Literature/liBenchmarkingMultimodalRetrieval2024.md'] });
  });

  it('does not sync by itself on a phone until turned on there', async () => {
    setMockPlatform('mobile');
    const phone = await started();
    expect(phone.syncCalls).toEqual([]);
    await exportChanges(phone, ONE_MORE);
    expect(phone.syncCalls).toEqual([]);
    expect(phone.plugin.controller.library.current?.entries).toHaveLength(4); // still read, for "Import paper"

    phone.plugin.device.setAutoSyncChoice(true);
    await exportChanges(phone, ONE_MORE.replace('A New Paper', 'A New Paper (v2)'));
    expect(phone.syncCalls).toHaveLength(1);
  });
});

describe('paths that other devices can use', () => {
  it('stores an absolute export path inside the vault as a vault path at start-up (desktop)', async () => {
    const node = () => ({ fs: { promises: {} }, path: nodePath, os: nodeOs }) as never;
    const made = await makePlugin({ files: { [EXPORT]: SMALL_LIBRARY }, node });
    made.app.vault.adapter.setMockBasePath('/home/me/Notes');
    await made.plugin.saveData({ exportPath: '/home/me/Notes/Zotero/library.bib' });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(5000);
    expect(made.plugin.settingsStore.settings.exportPaths).toEqual([EXPORT]);
    expect(await made.plugin.loadData()).toMatchObject({ exportPaths: [EXPORT], exportPath: EXPORT });
    expect(made.plugin.controller.library.current?.entries).toHaveLength(3);
  });

  it('writes notes into the folder that exists when the setting spells it in another case', async () => {
    const made = await makePlugin({ files: { [EXPORT]: SMALL_LIBRARY, 'Literature/mine.md': 'my note' } });
    made.app.vault.caseInsensitive = true; // a Mac: creating "literature/" beside "Literature/" would fail
    await made.plugin.saveData({ exportPath: 'zotero/LIBRARY.bib', notesFolder: 'literature' });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(5000);
    const paths = Object.keys(made.app.vault.snapshot());
    expect(paths.filter((p) => p.toLowerCase().startsWith('literature/')).sort()).toEqual([
      'Literature/liBenchmarkingMultimodalRetrieval2024.md',
      'Literature/linMultiLayerVisual2025.md',
      'Literature/mine.md',
      'Literature/yinSurveyMultimodalLarge2024.md',
    ]);
  });
});
