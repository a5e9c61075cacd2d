import { readFixture } from '../../support/fixtures';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { TYPING_SAVE_DELAY_MS } from '../../../src/obsidian/settings/settings-saver';
import type { ZoteroConceptNotesSettingTab } from '../../../src/obsidian/settings/settings-tab';
import { noticeMessages, setMockPlatform, settingsIn, SliderComponent, TextComponent, ToggleComponent, type MockElement, type Setting } from '../../__mocks__/obsidian';
import { loadPlugin, makePlugin, usePluginTestEnvironment } from '../plugin-harness';

const BIB = readFixture('bbt/arxiv-identifiers-460.biblatex.bib');

usePluginTestEnvironment();

async function openTab(files: Record<string, string> = { 'Zotero/library.bib': BIB }) {
  const made = await makePlugin({ files });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  const tab = made.plugin.mock.settingTabs[0] as ZoteroConceptNotesSettingTab & { containerEl: MockElement };
  const imperative: { display(): void } = tab; // the rendering Obsidian 1.8.7–1.12 uses
  imperative.display();
  const row = (name: string): Setting => {
    const found = settingsIn(tab.containerEl).find((s) => s.name === name);
    if (!found) throw new Error(`no setting named ${name}`);
    return found;
  };
  /** Type `value` into a row's text field, then let the typing pause long enough for the save. */
  const type = async (name: string, value: string) => {
    await row(name).control(TextComponent).simulateChange(value);
    await jest.advanceTimersByTimeAsync(TYPING_SAVE_DELAY_MS);
  };
  return { ...made, tab, row, type, settings: () => made.plugin.settingsStore.settings };
}

describe('settings tab', () => {
  it('has one row for every setting, under three headings, the same rows in both renderings', async () => {
    const { tab } = await openTab();
    const keys = tab.sections().flatMap((s) => s.rows.map((r) => r.key));
    expect([...keys].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).filter((k) => k !== 'version').sort());
    const shown = settingsIn(tab.containerEl);
    expect(shown.filter((s) => s.isHeading).map((s) => s.name)).toEqual(['Export from Zotero', 'Literature notes', 'Concepts']);
    expect(shown.filter((s) => !s.isHeading)).toHaveLength(keys.length);
    const definitions = tab.getSettingDefinitions() as unknown as { heading: string; items: { name: string }[] }[];
    expect(definitions.map((d) => [d.heading, d.items.length])).toEqual(tab.sections().map((s) => [s.heading, s.rows.length]));
  });

  it('saves the export path, then shows its format and size; a missing file is reported', async () => {
    const { row, settings } = await openTab();
    const exportRow = row('Export file');
    expect(exportRow.desc).toContain('Not set yet.');
    void exportRow.control(TextComponent).simulateChange('Zotero//library.bib');
    await jest.advanceTimersByTimeAsync(700);
    expect(settings().exportPath).toBe('Zotero/library.bib');
    expect(exportRow.desc).toContain('Better BibLaTeX (.bib): 3 papers');

    void exportRow.control(TextComponent).simulateChange('Zotero/gone.bib');
    await jest.advanceTimersByTimeAsync(700);
    expect(exportRow.desc).toContain('Export file not found in the vault: Zotero/gone.bib');
  });

  it('refuses an absolute export path on mobile with a message saying why', async () => {
    setMockPlatform('mobile');
    const { row } = await openTab();
    void row('Export file').control(TextComponent).simulateChange('/Users/me/library.bib');
    await jest.advanceTimersByTimeAsync(700);
    expect(row('Export file').desc).toContain('Only the desktop app can read a file outside the vault.');
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

  it('validates the auto-sync delay, and stores toggles, lists and the slider', async () => {
    const { row, type, settings } = await openTab();
    await type('Wait after a change (seconds)', '0.05');
    expect(row('Wait after a change (seconds)').desc).toContain('between 0.2 and 600');
    expect(settings().autoSyncDelayMs).toBe(2000);
    await type('Wait after a change (seconds)', '5');
    expect(settings().autoSyncDelayMs).toBe(5000);

    await row('Sync when the export changes').control(ToggleComponent).simulateChange(false);
    expect(settings().autoSync).toBe(false); // at once, no wait
    await type('Categories', 'Papers, 多模态, ');
    await row('Stop when the export shrinks').control(SliderComponent).simulateChange(25);
    expect(settings()).toMatchObject({ autoSync: false, categories: ['Papers', '多模态'], minExportRatio: 0.25 });
  });
});

describe('saving what is typed', () => {
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

  it('saves at once when the field loses focus or the tab closes; an invalid value cancels the waiting one', async () => {
    const { row, tab, settings } = await openTab();
    const notes = row('Notes folder').control(TextComponent);
    await notes.simulateChange('Papers');
    notes.inputEl.dispatchEvent({ type: 'blur' });
    await jest.advanceTimersByTimeAsync(0);
    expect(settings().notesFolder).toBe('Papers');

    await row('Categories').control(TextComponent).simulateChange('Reading list');
    tab.hide();
    await jest.advanceTimersByTimeAsync(0);
    expect(settings().categories).toEqual(['Reading list']);

    await notes.simulateChange('Pap'); // valid, waiting…
    await notes.simulateChange('Pap/..'); // …then invalid: neither is saved
    await jest.advanceTimersByTimeAsync(TYPING_SAVE_DELAY_MS * 2);
    expect(settings().notesFolder).toBe('Papers');
  });

  it('turns a failed save into a notice instead of an unhandled rejection', async () => {
    const { row, plugin, type, settings } = await openTab();
    jest.spyOn(plugin, 'saveData').mockRejectedValue(new Error('disk full'));
    await expect(row('Sync when the export changes').control(ToggleComponent).simulateChange(false)).resolves.toBeUndefined();
    await type('Categories', 'A, B');
    expect(noticeMessages()).toEqual(['Saving the settings failed: disk full', 'Saving the settings failed: disk full']);
    expect(settings().autoSync).toBe(false); // in effect for this session; saved by the next successful save
  });
});
