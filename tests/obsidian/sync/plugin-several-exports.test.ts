/**
 * The plugin (mock Obsidian) with two exports, a personal library (.bib) and a group library (CSL JSON): one sync
 * over both, the library search over both, a watcher per export, one bad export not stopping the other, and the
 * settings' list of export files.
 */
import { parseSyncState } from '../../../src/core/sync/sync-state-text';
import {
  ButtonComponent,
  openedModals,
  type EditorSuggest,
  settingsIn,
  TextComponent,
  visibleNotices,
  type App,
  type FuzzyMatch,
  type Setting,
  type SettingsRenderer,
  type SuggestModal,
} from '../../__mocks__/obsidian';
import type { PaperEntry, PaperMatch } from '../../../src/core/library';
import { flush, loadPlugin, makePlugin, SMALL_LIBRARY, STATE_PATH, usePluginTestEnvironment, watchedParser } from '../plugin-harness';
import { openTabWith } from '../settings/settings-harness';

const PERSONAL = 'Zotero/personal.bib';
const GROUP = 'Zotero/group.json';
const YIN = 'yinSurveyMultimodalLarge2024'; // in SMALL_LIBRARY, and (another paper) in the group library
const groupLibrary = (wongTitle = 'Group reading: scaling laws') =>
  JSON.stringify([
    { id: YIN, type: 'article-journal', title: 'A group paper that reuses a key', issued: { 'date-parts': [[2023]] } },
    { id: 'wongScalingLaws2023', type: 'article-journal', title: wongTitle, author: [{ family: 'Wong', given: 'Ada' }], issued: { 'date-parts': [[2023]] } },
  ]);

usePluginTestEnvironment();

async function started(app?: App, parser = watchedParser()) {
  const made = await makePlugin({ app, files: app ? undefined : { [PERSONAL]: SMALL_LIBRARY, [GROUP]: groupLibrary() }, createParser: parser.createParser });
  if (!app) await made.plugin.saveData({ version: 3, exportPaths: [PERSONAL, GROUP], autoSyncDelayMs: 1000 });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await jest.advanceTimersByTimeAsync(5000); // this desktop syncs the exports it has not synced yet
  return { ...made, parsed: parser.parsed };
}

const notesIn = (app: App) => Object.keys(app.vault.snapshot()).filter((p) => p.startsWith('Literature/')).sort();
const state = (app: App) => parseSyncState(app.vault.adapter.files.get(STATE_PATH) ?? null)!;

describe('the plugin with two exports', () => {
  it('syncs both, the citekey in both from the first export listed, and says so naming both files', async () => {
    const made = await started();
    expect(notesIn(made.app)).toEqual(['Literature/liBenchmarkingMultimodalRetrieval2024.md', 'Literature/linMultiLayerVisual2025.md', 'Literature/wongScalingLaws2023.md', `Literature/${YIN}.md`]);
    expect(made.app.vault.contentOf(`Literature/${YIN}.md`)).toContain('title: A Survey on Multimodal Large Language Models\n');
    expect(state(made.app).notes.wongScalingLaws2023.export).toBe('group.json');
    expect(state(made.app).notes[YIN].export).toBe('personal.bib');
    made.plugin.mock.ribbonIcons[0].el.click(); // by hand: nothing changed, nothing parsed or written
    await flush();
    made.app.vault.resetWrites();
    made.plugin.mock.command('sync-library')!.callback!();
    await flush();
    expect(made.app.vault.writes).toEqual([]);
    expect(made.summaries.at(-1)).toMatchObject({ skipped: true });
    // The warning was in the first (automatic) sync's summary.
    expect(made.summaries[0].warnings).toContain(
      `citekey ${YIN} is in both ${PERSONAL} and ${GROUP}: synced from ${PERSONAL}; the entry in ${GROUP} was left out. Give it another citation key in Better BibTeX to sync both.`,
    );
    expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: 4 papers · synced 14:03');
  });

  it('searches both exports in "Import paper", and imports a paper of the group library', async () => {
    const made = await started();
    made.plugin.mock.command('import-paper')!.callback!();
    const modal = openedModals().at(-1) as SuggestModal<FuzzyMatch<PaperEntry>>;
    await flush();
    const found = await modal.simulateQuery('scaling laws');
    expect(found.map((m) => m.item.citekey)).toEqual(['wongScalingLaws2023']);
    expect((await modal.simulateQuery('multimodal large language')).map((m) => m.item.title)).toContain('A Survey on Multimodal Large Language Models');
    expect((await modal.simulateQuery('reuses a key')).map((m) => m.item.citekey)).toEqual([]); // the left-out entry is not offered
    await modal.simulateChoose(found[0]);
    await flush();
    expect(made.app.workspace.openedFiles).toEqual(['Literature/wongScalingLaws2023.md']);
  });

  it('offers the papers of both exports in the [@ suggester, and cites the group paper', async () => {
    const made = await started();
    const text = 'As shown [@scaling laws|] here.\n';
    const file = await made.app.vault.setExternal('Drafts/Survey.md', text.replace('|', ''));
    const view = made.app.workspace.openInEditor(file, text.replace('|', ''));
    view.editor.setCursor(view.editor.offsetToPos(text.indexOf('|')));
    const suggester = made.plugin.mock.editorSuggests[0] as EditorSuggest<PaperMatch>;
    const shown = await suggester.simulateTyping(view.editor, view.file!);
    expect(shown.map((m) => m.item.citekey)).toEqual(['wongScalingLaws2023']);
    suggester.simulateSelect(shown[0]);
    await flush();
    expect(view.editor.getValue()).toBe('As shown [@wongScalingLaws2023] here.\n');
  });

  it('watches each export: a change to the group library syncs, and the personal library is not parsed again', async () => {
    const made = await started();
    made.parsed.length = 0;
    await made.app.vault.setExternal(GROUP, groupLibrary('Group reading: scaling laws, revised'));
    await jest.advanceTimersByTimeAsync(5000);
    expect(made.summaries.at(-1)).toMatchObject({ updated: ['Literature/wongScalingLaws2023.md'], flagged: [], errors: [] });
    expect(made.parsed).toEqual([groupLibrary('Group reading: scaling laws, revised')]);
  });

  it('syncs the personal library when the group export is half written, names that file, and leaves its notes as they are', async () => {
    const made = await started();
    const wong = made.app.vault.contentOf('Literature/wongScalingLaws2023.md');
    await made.app.vault.setExternal(GROUP, groupLibrary().slice(0, 80)); // Better BibTeX caught mid-write
    await made.app.vault.setExternal(PERSONAL, SMALL_LIBRARY.replace('A Survey on Multimodal Large Language Models', 'A Survey on Multimodal LLMs'));
    await jest.advanceTimersByTimeAsync(200);
    made.plugin.mock.command('sync-library')!.callback!();
    await flush();
    const summary = made.summaries.at(-1)!;
    expect(summary.updated).toEqual([`Literature/${YIN}.md`]);
    expect(summary.flagged).toEqual([]);
    expect(summary.errors).toEqual([expect.objectContaining({ export: GROUP, message: expect.stringMatching(/^Zotero\/group\.json: .*Its papers' notes were left as they are\.$/) as string })]);
    expect(made.app.vault.contentOf('Literature/wongScalingLaws2023.md')).toBe(wong);
    expect(visibleNotices().map((n) => n.message).join('\n')).toContain('Not synced: Zotero/group.json: ');
  });

  it('reads neither export at the next start when both are the ones the last sync read', async () => {
    const first = await started();
    first.plugin.mock.unload();
    const next = await started(first.app);
    expect(next.parsed).toEqual([]);
    expect(next.syncCalls).toEqual([]);
    expect(next.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: 4 papers · synced 14:03');
  });
});

describe.each<SettingsRenderer>(['1.13', 'legacy'])('the list of export files (%s rendering)', (renderer) => {
  const rows = (container: Parameters<typeof settingsIn>[0]) => settingsIn(container).filter((s) => s.name.startsWith('Export file'));
  const button = (setting: Setting, text: string) => setting.controls.find((c): c is ButtonComponent => c instanceof ButtonComponent && c.text === text)!;

  it('adds a second export, checks it, and removes it again', async () => {
    const { tab, settings } = await openTabWith(renderer, { [PERSONAL]: SMALL_LIBRARY, [GROUP]: groupLibrary() }, { version: 3, exportPaths: [PERSONAL] });
    await jest.advanceTimersByTimeAsync(100);
    expect(rows(tab.containerEl).map((r) => r.name)).toEqual(['Export file']);
    const add = settingsIn(tab.containerEl).find((s) => s.controls.some((c) => c instanceof ButtonComponent && c.text === 'Add another export'))!;
    await button(add, 'Add another export').simulateClick();
    const second = rows(tab.containerEl)[1];
    expect(second.name).toBe('Export file 2');
    void second.control(TextComponent).simulateChange(GROUP);
    await jest.advanceTimersByTimeAsync(700);
    expect(settings().exportPaths).toEqual([PERSONAL, GROUP]);
    expect(second.desc).toContain('Better CSL JSON: 2 papers');
    expect(rows(tab.containerEl)[0].desc).toContain('Better BibLaTeX (.bib): 3 papers');
    await button(second, renderer === '1.13' ? 'Delete' : 'Remove').simulateClick();
    await jest.advanceTimersByTimeAsync(100);
    expect(settings().exportPaths).toEqual([PERSONAL]);
    expect(rows(tab.containerEl).map((r) => r.name)).toEqual(['Export file']);
  });

  it('refuses an export listed already', async () => {
    const { tab, settings } = await openTabWith(renderer, { [PERSONAL]: SMALL_LIBRARY, [GROUP]: groupLibrary() }, { version: 3, exportPaths: [PERSONAL, GROUP] });
    const second = rows(tab.containerEl)[1];
    void second.control(TextComponent).simulateChange(PERSONAL);
    await jest.advanceTimersByTimeAsync(700);
    expect(second.desc).toContain('This export is in the list already.');
    expect(settings().exportPaths).toEqual([PERSONAL, GROUP]);
  });
});
