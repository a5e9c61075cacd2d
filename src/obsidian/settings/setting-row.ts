/**
 * What a row of the settings tab is, and what the row builders (export-rows.ts, note-rows.ts, concept-rows.ts,
 * writing-rows.ts, folder-row.ts) get from the tab. In a module of its own: the tab imports the builders, so the
 * builders importing these types from the tab formed import cycles.
 */
import type { AbstractTextComponent, App, Setting } from 'obsidian';
import type { Settings } from '../../core/settings';
import type { PluginController } from '../plugin/plugin-controller';
import type { ExportPathCheck, SettingMessages } from './setting-messages';
import type { SettingsSaver } from './settings-saver';

/** The settings of this device only (kept in local storage, see DeviceStore), beside those of data.json. */
export type DeviceSettingKey = 'autoSyncOnThisDevice';

/** One setting row: what it is, and how to add its controls to a Setting. */
export interface SettingRow {
  /** The setting it edits (every key of Settings but `version`, and every device setting, has one row). */
  key: Exclude<keyof Settings, 'version'> | DeviceSettingKey;
  name: string;
  desc: string;
  /** Adds the controls; may return what to do when the row goes (save what was typed, stop listening). */
  render(setting: Setting): void | (() => void);
}

export interface SettingSection {
  heading: string;
  rows: SettingRow[];
  /** The rows are the items of a list the user adds to and removes from (Obsidian 1.13 draws its own buttons). */
  list?: { addName: string; add(): void; remove(index: number): void };
}

/** What the row builders get from the tab. */
export interface RowKit {
  app: App;
  controller: PluginController;
  messages: SettingMessages;
  saver: SettingsSaver;
  exportCheck: ExportPathCheck;
  /** The list of export files: whether an empty row was added for the next export. */
  exportList: { adding: boolean };
  settings: Readonly<Settings>;
  /** Draw the rows again (an export was added to or removed from the list). */
  refresh(): void;
  /** Save a toggle, dropdown or slider change now (a failure is a notice). */
  save(patch: Partial<Settings>): Promise<void>;
  /** A text field: what is typed in it is saved as soon as it loses focus (or the typing pauses). */
  typed<T extends AbstractTextComponent<HTMLInputElement | HTMLTextAreaElement>>(text: T): T;
  /** Say why the typed value is not valid, and keep the saved one (not even the valid value typed just before). */
  invalid(setting: Setting, key: keyof Settings, error: string): void;
}
