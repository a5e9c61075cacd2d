/**
 * The settings tab: one row per setting of src/core/settings (and per setting of this device), grouped under
 * headings; the rows are in export-rows.ts, note-rows.ts, concept-rows.ts and writing-rows.ts. Toggles, dropdowns and sliders are
 * saved at once; typed values once the typing pauses, on blur and when the tab closes (SettingsSaver); either way
 * they apply at once (the controller listens to the settings store), so nothing needs a restart.
 *
 * Rendered from one list of rows two ways: declaratively (`getSettingDefinitions`, Obsidian 1.13+, which makes the
 * settings searchable and tears each row down through the cleanup its `render` returns) and imperatively (`display`,
 * the fallback for 1.8.7–1.12, whose cleanups `hide` runs).
 */
import { PluginSettingTab, Setting, type AbstractTextComponent, type App, type Plugin, type SettingDefinitionItem } from 'obsidian';
import type { Settings } from '../../core/settings';
import type { PluginController } from '../plugin/plugin-controller';
import { conceptRows } from './concept-rows';
import { exportRows } from './export-rows';
import { noteRows } from './note-rows';
import { writingRows } from './writing-rows';
import { ExportPathCheck, SettingMessages } from './setting-messages';
import { SettingsSaver } from './settings-saver';
import type { RowKit, SettingRow, SettingSection } from './setting-row';

export class ZoteroConceptNotesSettingTab extends PluginSettingTab implements RowKit {
  readonly messages = new SettingMessages();
  readonly exportCheck: ExportPathCheck;
  readonly saver: SettingsSaver;
  /** What the rows drawn by `display` do when they go (1.13 runs those of its own rendering itself). */
  private readonly cleanups: (() => void)[] = [];

  constructor(
    app: App,
    plugin: Plugin,
    readonly controller: PluginController,
  ) {
    super(app, plugin);
    this.exportCheck = new ExportPathCheck(controller, this.messages);
    this.saver = new SettingsSaver(controller.settings, controller.notices);
  }

  get settings(): Readonly<Settings> {
    return this.controller.settings.settings;
  }

  save(patch: Partial<Settings>): Promise<void> {
    return this.saver.now(patch);
  }

  typed<T extends AbstractTextComponent<HTMLInputElement | HTMLTextAreaElement>>(text: T): T {
    this.saver.flushOnBlur(text.inputEl);
    return text;
  }

  invalid(setting: Setting, key: keyof Settings, error: string): void {
    this.messages.show(setting, { kind: 'error', text: error });
    this.saver.drop(key);
  }

  /** The tab closes: what the rows leave behind goes, and what was typed and not saved yet is saved. */
  override hide(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    void this.saver.flush();
    super.hide();
  }

  /** Every row, grouped under headings. Cheap: Obsidian 1.13 asks for it when the plugin loads, for its search. */
  sections(): SettingSection[] {
    return [
      { heading: 'Export from Zotero', rows: exportRows(this) },
      { heading: 'Literature notes', rows: noteRows(this) },
      { heading: 'Concepts', rows: conceptRows(this) },
      { heading: 'Writing', rows: writingRows(this) },
    ];
  }

  override getSettingDefinitions(): SettingDefinitionItem[] {
    return this.sections().map((section) => ({
      type: 'group' as const,
      heading: section.heading,
      items: section.rows.map((row) => ({ name: row.name, desc: row.desc, render: (setting: Setting) => this.renderRow(row, setting) })),
    }));
  }

  /** Draw a row; what it returns runs when the row goes, and then what was typed in it is saved. */
  private renderRow(row: SettingRow, setting: Setting): () => void {
    const own = row.render(setting);
    return () => {
      own?.();
      void this.saver.flush();
    };
  }

  /** The imperative rendering, for Obsidian before 1.13 (later versions render `getSettingDefinitions`). */
  override display(): void {
    const { containerEl } = this;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    containerEl.empty();
    for (const section of this.sections()) {
      new Setting(containerEl).setName(section.heading).setHeading();
      for (const row of section.rows) this.cleanups.push(this.renderRow(row, new Setting(containerEl).setName(row.name).setDesc(row.desc)));
    }
  }
}
