/**
 * The settings tab, as Obsidian 1.13+ renders it (from getSettingDefinitions, rows torn down through their cleanup)
 * and as 1.8.7–1.12 render it (display/hide): every test runs in both.
 */
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { TYPING_SAVE_DELAY_MS } from '../../../src/obsidian/settings/settings-saver';
import {
  ButtonComponent,
  noticeMessages,
  setMockPlatform,
  settingsIn,
  SliderComponent,
  TextComponent,
  ToggleComponent,
  type PluginSettingTab,
  type SettingsRenderer,
} from '../../__mocks__/obsidian';
import { loadPlugin, makePlugin, usePluginTestEnvironment } from '../plugin-harness';
import { BIB, openTabWith } from './settings-harness';

usePluginTestEnvironment();

const AUTO = 'Sync when the export changes, on this device';

describe.each<SettingsRenderer>(['1.13', 'legacy'])('settings tab (%s rendering)', (renderer) => {
  const openTab = (files?: Record<string, string>, data?: Record<string, unknown>) => openTabWith(renderer, files, data);

  it('has one row for every setting (the export files one per export), under five headings, drawn the way this Obsidian draws them', async () => {
    const { tab, screen } = await openTab();
    expect(screen.declarative).toBe(renderer === '1.13');
    const keys = tab.sections().flatMap((s) => s.rows.map((r) => r.key));
    expect([...keys].sort()).toEqual([...Object.keys(DEFAULT_SETTINGS).filter((k) => k !== 'version'), 'autoSyncOnThisDevice'].sort());
    const shown = settingsIn(tab.containerEl);
    expect(shown.filter((s) => s.isHeading).map((s) => s.name)).toEqual(['Export from Zotero', 'Sync', 'Literature notes', 'Concepts', 'Writing']);
    // …and the row that adds another export to the list.
    expect(shown.filter((s) => !s.isHeading)).toHaveLength(keys.length + 1);
    expect(shown.filter((s) => s.controls.some((c) => c instanceof ButtonComponent && c.text === 'Add another export'))).toHaveLength(1);
    const definitions = tab.getSettingDefinitions() as unknown as { heading: string; items: { name: string }[] }[];
    expect(definitions.map((d) => [d.heading, d.items.length])).toEqual(tab.sections().map((s) => [s.heading, s.rows.length]));
  });

  it('saves the export path, then shows its format and size; a missing file is reported', async () => {
    const { row, settings } = await openTab();
    const exportRow = row('Export file');
    expect(exportRow.desc).toContain('Not set yet.');
    void exportRow.control(TextComponent).simulateChange('Zotero//library.bib');
    await jest.advanceTimersByTimeAsync(700);
    expect(settings().exportPaths).toEqual(['Zotero/library.bib']);
    expect(exportRow.desc).toContain('Better BibLaTeX (.bib): 3 papers');

    void exportRow.control(TextComponent).simulateChange('Zotero/gone.bib');
    await jest.advanceTimersByTimeAsync(700);
    expect(exportRow.desc).toContain('Export file not found in the vault: Zotero/gone.bib');
  });

  it('stores an absolute path inside the vault as a vault path (desktop), spelled as the file is', async () => {
    const { app, row, settings } = await openTab({ 'Zotero/Library.bib': BIB });
    app.vault.adapter.setMockBasePath('/home/me/Notes');
    void row('Export file').control(TextComponent).simulateChange('/home/me/Notes/Zotero/library.bib');
    await jest.advanceTimersByTimeAsync(700);
    expect(settings().exportPaths).toEqual(['Zotero/Library.bib']);
    expect(row('Export file').desc).toContain('Saved as "Zotero/Library.bib", its path inside the vault, which every device can read. Better BibLaTeX (.bib): 3 papers');
  });

  it("says on a phone why the desktop's absolute path syncs nothing there", async () => {
    setMockPlatform('mobile');
    const { row } = await openTab(undefined, { exportPath: '/Users/me/library.bib' });
    expect(row('Export file').desc).toContain('The export file is a path on a computer, which Obsidian on this device cannot read, so nothing syncs here.');
    void row('Export file').control(TextComponent).simulateChange('/Users/me/other.bib');
    await jest.advanceTimersByTimeAsync(700);
    expect(row('Export file').desc).toContain('cannot read, so nothing syncs here');
  });

  it('shows a live preview of the date format, and keeps the old format when the new one is invalid', async () => {
    const { row, type, settings } = await openTab();
    const date = row('Date format');
    expect(date.desc).toContain('Preview: 2025-03-08 14:03:11');
    await date.control(TextComponent).simulateChange('yyyy年M月d日');
    expect(date.desc).toContain('Preview: 2025年3月8日'); // the preview follows every keystroke
    await jest.advanceTimersByTimeAsync(TYPING_SAVE_DELAY_MS);
    expect(settings().dateFormat).toBe('yyyy年M月d日');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // date-fns explains YYYY on the console
    await type('Date format', 'YYYY-MM-DD'); // a common slip: week-year tokens
    warn.mockRestore();
    expect(date.desc).toContain('Not a valid date format');
    expect(settings().dateFormat).toBe('yyyy年M月d日');
  });

  it('normalises folder paths, rejects "..", and says when a folder does not exist yet', async () => {
    const { row, type, settings } = await openTab();
    const notes = row('Notes folder');
    await type('Notes folder', '/Papers//Read/');
    expect(settings().notesFolder).toBe('Papers/Read');
    expect(notes.desc).toContain('"Papers/Read" does not exist yet');
    await type('Notes folder', '../outside');
    expect(notes.desc).toContain('A vault path cannot contain "..".');
    expect(settings().notesFolder).toBe('Papers/Read');
    await type('Notes folder', 'Zotero');
    expect(notes.desc).not.toContain('does not exist yet');

    await type('More folders to link', 'Reading\n  Projects//Survey/ \n');
    expect(settings().conceptScopeFolders).toEqual(['Reading', 'Projects/Survey']);
  });

  it('reuses the spelling of a folder that exists in another case, and says why', async () => {
    const { row, type, settings } = await openTab({ 'Zotero/library.bib': BIB, 'Literature/Read/a.md': '', 'Reading/b.md': '' });
    await type('Notes folder', 'literature/READ');
    expect(settings().notesFolder).toBe('Literature/Read');
    expect(row('Notes folder').desc).toContain('Using the existing folder "Literature/Read": names that differ only in case are the same folder on macOS and Windows.');
    await type('More folders to link', 'reading\nProjects');
    expect(settings().conceptScopeFolders).toEqual(['Reading', 'Projects']);
    expect(row('More folders to link').desc).toContain('Using the existing "Reading"');
  });

  it('validates the auto-sync delay, and stores toggles, lists and the slider', async () => {
    const { row, type, settings } = await openTab();
    await type('Wait after a change (seconds)', '0.05');
    expect(row('Wait after a change (seconds)').desc).toContain('between 0.2 and 600');
    expect(settings().autoSyncDelayMs).toBe(2000);
    await type('Wait after a change (seconds)', '5');
    expect(settings().autoSyncDelayMs).toBe(5000);

    await row('Notice after an automatic sync').control(ToggleComponent).simulateChange(false);
    expect(settings().autoSyncNotice).toBe(false); // at once, no wait
    await type('Categories', 'Papers, 多模态, ');
    await row('Stop when the export shrinks').control(SliderComponent).simulateChange(25);
    expect(settings()).toMatchObject({ autoSyncNotice: false, categories: ['Papers', '多模态'], minExportRatio: 0.25 });
  });
});

describe.each<SettingsRenderer>(['1.13', 'legacy'])('automatic sync, per device (%s rendering)', (renderer) => {
  it('is on by default on a desktop that sees the export, and the choice stays on this device, out of data.json', async () => {
    const { row, plugin, app } = await openTabWith(renderer, undefined, { exportPath: 'Zotero/library.bib' });
    const toggle = row(AUTO).control(ToggleComponent);
    expect(toggle.getValue()).toBe(true);
    await toggle.simulateChange(false);
    expect(plugin.device.autoSyncChoice).toBe(false);
    expect(app.localStorage.get('zotero-concept-notes:auto-sync')).toBe('false');
    expect(JSON.stringify(await plugin.loadData())).not.toContain('autoSync"');
    expect(await plugin.controller.autoSyncEnabled()).toBe(false);
  });

  it('is off by default on a desktop without the export, and on a phone', async () => {
    const desktop = await openTabWith(renderer, {}, { exportPath: 'Zotero/library.bib' });
    expect(desktop.row(AUTO).control(ToggleComponent).getValue()).toBe(false);
    setMockPlatform('mobile');
    const phone = await openTabWith(renderer, undefined, { exportPath: 'Zotero/library.bib' });
    expect(phone.row(AUTO).control(ToggleComponent).getValue()).toBe(false);
  });

  it('takes over a switch turned off in the old synced settings', async () => {
    const { row, app } = await openTabWith(renderer, undefined, { version: 1, exportPath: 'Zotero/library.bib', autoSync: false });
    expect(row(AUTO).control(ToggleComponent).getValue()).toBe(false);
    expect(app.localStorage.get('zotero-concept-notes:auto-sync')).toBe('false');
  });

  it('shows what the automatic runs left unresolved under the switch, until it is resolved', async () => {
    const { row, plugin } = await openTabWith(renderer);
    plugin.controller.problems.set('sync', 'The note template has an error (line 4). Nothing was written.');
    expect(row(AUTO).desc).toContain('The note template has an error (line 4). Nothing was written.');
    plugin.controller.problems.clear('sync');
    expect(row(AUTO).desc).not.toContain('The note template');
  });
});

describe.each<SettingsRenderer>(['1.13', 'legacy'])('saving what is typed (%s rendering)', (renderer) => {
  const openTab = () => openTabWith(renderer);

  it('saves a folder once the typing pauses, not on every keystroke: a sync meanwhile uses the saved folder', async () => {
    const { row, plugin, settings } = await openTab();
    const save = jest.spyOn(plugin, 'saveData');
    const folder = row('Notes folder');
    for (const typed of ['L', 'Li', 'Lit', 'Lit/', 'Lit/R', 'Lit/Read']) {
      await folder.control(TextComponent).simulateChange(typed);
      await jest.advanceTimersByTimeAsync(300);
      expect(plugin.controller.context().settings.notesFolder).toBe('Literature'); // what a sync started now would use
    }
    expect(folder.desc).toContain('"Lit/Read" does not exist yet'); // the message follows every keystroke
    expect(save).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(TYPING_SAVE_DELAY_MS - 300);
    expect(save).toHaveBeenCalledTimes(1);
    expect(settings().notesFolder).toBe('Lit/Read');
  });

  it('saves at once when the field loses focus or the settings close; an invalid value cancels the waiting one', async () => {
    const { row, screen, settings } = await openTab();
    const notes = row('Notes folder').control(TextComponent);
    await notes.simulateChange('Papers');
    notes.inputEl.dispatchEvent({ type: 'blur' });
    await jest.advanceTimersByTimeAsync(0);
    expect(settings().notesFolder).toBe('Papers');

    await notes.simulateChange('Pap'); // valid, waiting…
    await notes.simulateChange('Pap/..'); // …then invalid: neither is saved
    await jest.advanceTimersByTimeAsync(TYPING_SAVE_DELAY_MS * 2);
    expect(settings().notesFolder).toBe('Papers');

    await row('Categories').control(TextComponent).simulateChange('Reading list');
    screen.close();
    await jest.advanceTimersByTimeAsync(0);
    expect(settings().categories).toEqual(['Reading list']);
  });

  it('turns a failed save into a notice instead of an unhandled rejection, one notice however often it fails', async () => {
    const { row, plugin, type, settings } = await openTab();
    jest.spyOn(plugin, 'saveData').mockRejectedValue(new Error('disk full'));
    await expect(row('Built-in glossary').control(ToggleComponent).simulateChange(false)).resolves.toBeUndefined();
    await type('Categories', 'A, B');
    expect(noticeMessages()).toEqual(['Saving the settings failed: disk full']);
    expect(settings().useBuiltinGlossary).toBe(false); // in effect for this session; saved by the next successful save
  });
});

describe('the 1.13 settings screen', () => {
  it('gets the definitions when the tab is added (for its search), before the layout is ready, without reading anything', async () => {
    const made = await makePlugin({ files: { 'Zotero/library.bib': BIB } });
    const read = jest.spyOn(made.app.vault, 'read');
    await loadPlugin(made.plugin);
    const tab = made.plugin.mock.settingTabs[0] as PluginSettingTab;
    expect(tab.settingItems).toHaveLength(5);
    expect(read).not.toHaveBeenCalled();
  });

  it('tears the rows down on close: the export path typed last is saved and checked', async () => {
    const { row, screen, settings } = await openTabWith('1.13');
    void row('Export file').control(TextComponent).simulateChange('Zotero/library.bib');
    screen.close(); // before the check's pause
    await jest.advanceTimersByTimeAsync(0);
    expect(settings().exportPaths).toEqual(['Zotero/library.bib']);
  });
});

describe.each<SettingsRenderer>(['1.13', 'legacy'])('folders Obsidian hides (%s rendering)', (renderer) => {
  it('refuses a notes or concepts folder in the config folder, or any hidden folder, and keeps the saved one', async () => {
    const { row, type, settings } = await openTabWith(renderer);
    await type('Notes folder', '.obsidian/Literature');
    expect(row('Notes folder').desc).toContain('".obsidian/Literature" is inside Obsidian\'s config folder (.obsidian)');
    await type('Concepts folder', 'Notes/.hidden');
    expect(row('Concepts folder').desc).toContain('"Notes/.hidden" is a hidden folder');
    expect(settings()).toMatchObject({ notesFolder: 'Literature', conceptsFolder: 'Concepts' });
  });
});
