import { readFixture } from '../support/fixtures';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { loadLibraryReader } from '../../src/obsidian/library-reader';
import type { ZoteroConceptNotesSettingTab } from '../../src/obsidian/settings-tab';
import { resetUiLog, setMockPlatform, settingsIn, SliderComponent, TextComponent, ToggleComponent, type MockElement, type Setting } from '../__mocks__/obsidian';
import { loadPlugin, makePlugin } from './plugin-harness';

const BIB = readFixture('bbt/arxiv-identifiers-460.biblatex.bib');

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2025-03-08T14:03:11Z') });
  resetUiLog();
  setMockPlatform('desktop');
});

afterEach(() => jest.useRealTimers());

async function openTab(files: Record<string, string> = { 'Zotero/library.bib': BIB }) {
  const made = await makePlugin({ files, loadReader: loadLibraryReader });
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
  return { ...made, tab, row, settings: () => made.plugin.settingsStore.settings };
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
    const { row, settings } = await openTab();
    const date = row('Date format');
    expect(date.desc).toContain('Preview: 2025-03-08 14:03:11');
    await date.control(TextComponent).simulateChange('yyyy年M月d日');
    expect(date.desc).toContain('Preview: 2025年3月8日');
    expect(settings().dateFormat).toBe('yyyy年M月d日');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // date-fns explains YYYY on the console
    await date.control(TextComponent).simulateChange('YYYY-MM-DD'); // a common slip: week-year tokens
    warn.mockRestore();
    expect(date.desc).toContain('Not a valid date format');
    expect(settings().dateFormat).toBe('yyyy年M月d日');
  });

  it('normalises folder paths, rejects "..", and says when a folder does not exist yet', async () => {
    const { row, settings } = await openTab();
    const notes = row('Notes folder');
    await notes.control(TextComponent).simulateChange('/Papers//Read/');
    expect(settings().notesFolder).toBe('Papers/Read');
    expect(notes.desc).toContain('"Papers/Read" does not exist yet');
    await notes.control(TextComponent).simulateChange('../outside');
    expect(notes.desc).toContain('A vault path cannot contain "..".');
    expect(settings().notesFolder).toBe('Papers/Read');
    await notes.control(TextComponent).simulateChange('Zotero');
    expect(notes.desc).not.toContain('does not exist yet');

    await row('More folders to link').control(TextComponent).simulateChange('Reading\n  Projects//Survey/ \n');
    expect(settings().conceptScopeFolders).toEqual(['Reading', 'Projects/Survey']);
  });

  it('validates the auto-sync delay, and stores toggles, lists and the slider at once', async () => {
    const { row, settings } = await openTab();
    const delay = row('Wait after a change (seconds)').control(TextComponent);
    await delay.simulateChange('0.05');
    expect(row('Wait after a change (seconds)').desc).toContain('between 0.2 and 600');
    expect(settings().autoSyncDelayMs).toBe(2000);
    await delay.simulateChange('5');
    expect(settings().autoSyncDelayMs).toBe(5000);

    await row('Sync when the export changes').control(ToggleComponent).simulateChange(false);
    await row('Categories').control(TextComponent).simulateChange('Papers, 多模态, ');
    await row('Stop when the export shrinks').control(SliderComponent).simulateChange(25);
    expect(settings()).toMatchObject({ autoSync: false, categories: ['Papers', '多模态'], minExportRatio: 0.25 });
  });
});
