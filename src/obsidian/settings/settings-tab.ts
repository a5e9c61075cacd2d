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
import { exportFileSection, syncRows } from './export-rows';
import { noteRows } from './note-rows';
import { writingRows } from './writing-rows';
import { ExportPathCheck, SettingMessages } from './setting-messages';
import { SettingsSaver } from './settings-saver';
import type { RowKit, SettingRow, SettingSection } from './setting-row';



export class ZoteroConceptNotesSettingTab extends PluginSettingTab implements RowKit {
  readonly messages = new SettingMessages();
  readonly exportCheck: ExportPathCheck;
  readonly exportList = { adding: false };
  readonly saver: SettingsSaver;
  /** Whether the rows on screen were drawn by `display` (before Obsidian 1.13). */
  private drawnByDisplay = false;
  /** What the rows drawn by `display` do when they go (1.13 runs those of its own rendering itself). */
  private readonly cleanups: (() => void)[] = [];

  constructor(
    app: App,
    plugin: Plugin,
    readonly controller: PluginController,
  ) {
    super(app, plugin);
    this.exportCheck = new ExportPathCheck(controller, this.messages, (change) => {
      if (change === 'added') this.exportList.adding = false;
      else this.refresh();
    });
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

  refresh(): void {
    if (this.drawnByDisplay) return this.draw();
    // Drawn from the definitions, so this is Obsidian 1.13+, where `update()` draws them again.
    (this as { update?: () => void }).update?.();
  }

  /** The tab closes: what the rows leave behind goes, and what was typed and not saved yet is saved. */
  override hide(): void {
    this.exportList.adding = false;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    void this.saver.flush();
    super.hide();
  }

  /** Every row, grouped under headings. Cheap: Obsidian 1.13 asks for it when the plugin loads, for its search. */
  sections(): SettingSection[] {
    return [
      exportFileSection(this),
      { heading: 'Sync', rows: syncRows(this) },
      { heading: 'Literature notes', rows: noteRows(this) },
      { heading: 'Concepts', rows: conceptRows(this) },
      { heading: 'Writing', rows: writingRows(this) },
    ];
  }

  override getSettingDefinitions(): SettingDefinitionItem[] {
    this.drawnByDisplay = false;
    return this.sections().map((section): SettingDefinitionItem => {
      const items = section.rows.map((row) => ({ name: row.name, desc: row.desc, render: (setting: Setting) => this.renderRow(row, setting) }));
      const { list } = section;
      if (!list) return { type: 'group', heading: section.heading, items };
      return { type: 'list', heading: section.heading, items, addItem: { name: list.addName, action: () => list.add() }, onDelete: (index) => list.remove(index) };
    });
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
    this.draw();
  }

  /** Draw every row into the tab (`display`, and `refresh` of what it drew). */
  private draw(): void {
    const { containerEl } = this;
    this.drawnByDisplay = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    containerEl.empty();
    for (const section of this.sections()) {
      new Setting(containerEl).setName(section.heading).setHeading();
      const { list } = section;
      section.rows.forEach((row, index) => {
        const setting = new Setting(containerEl).setName(row.name).setDesc(row.desc);
        this.cleanups.push(this.renderRow(row, setting));
        if (list) setting.addButton((button) => button.setButtonText('Remove').onClick(() => list.remove(index)));
      });
      if (list) new Setting(containerEl).addButton((button) => button.setButtonText(list.addName).onClick(() => list.add()));
    }
  }
}
