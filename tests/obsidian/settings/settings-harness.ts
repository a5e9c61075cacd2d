/** Opening the plugin's settings tab on a mock app, as Obsidian 1.13+ or 1.8.7–1.12 render it. */
import { TYPING_SAVE_DELAY_MS } from '../../../src/obsidian/settings/settings-saver';
import type { ZoteroConceptNotesSettingTab } from '../../../src/obsidian/settings/settings-tab';
import { settingsIn, SettingsScreen, TextComponent, type MockElement, type PluginSettingTab, type Setting, type SettingsRenderer } from '../../__mocks__/obsidian';
import { loadPlugin, makePlugin, SMALL_LIBRARY } from '../plugin-harness';

export const BIB = SMALL_LIBRARY; // 3 papers

/** The plugin loaded over `files` (with `data` as its data.json), its settings tab open; `row` finds a row by name. */
export async function openTabWith(renderer: SettingsRenderer, files: Record<string, string> = { 'Zotero/library.bib': BIB }, data?: Record<string, unknown>) {
  const made = await makePlugin({ files });
  if (data) await made.plugin.saveData(data);
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  const tab = made.plugin.mock.settingTabs[0] as ZoteroConceptNotesSettingTab & { containerEl: MockElement };
  const screen = SettingsScreen.open(tab as unknown as PluginSettingTab, renderer);
  await jest.advanceTimersByTimeAsync(0);
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
  return { ...made, tab, screen, row, type, settings: () => made.plugin.settingsStore.settings };
}

