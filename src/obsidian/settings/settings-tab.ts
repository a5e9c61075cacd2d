/**
 * The settings tab: one row per setting of src/core/settings.ts, grouped under headings. Toggles, dropdowns and
 * sliders are saved at once; typed values once the typing pauses, on blur and when the tab closes (SettingsSaver);
 * either way they apply at once (the controller listens to the settings store), so nothing needs a restart. Paths are
 * normalised; validation messages and the date format's live preview follow every keystroke; the export path is
 * checked once its typing pauses and its format shown.
 */
import { debounce, PluginSettingTab, Setting, type AbstractTextComponent, type App, type Debouncer, type Plugin, type SettingDefinitionItem } from 'obsidian';
import { dateFormatPreview, hiddenFolderProblem, listInput, secondsInput, vaultPathInput, type Settings } from '../../core/settings';
import { resolveLanguage, type PluginController } from '../plugin/plugin-controller';
import { ObsidianVault } from '../vault/obsidian-vault';
import { ExportPathCheck, SettingMessages } from './setting-messages';
import { SettingsSaver } from './settings-saver';

/** One setting row: what it is, and how to add its controls to a Setting. */
export interface SettingRow {
  /** The setting it edits (every key of Settings but `version` has one row). */
  key: Exclude<keyof Settings, 'version'>;
  name: string;
  desc: string;
  /** Adds the controls (what it returns is ignored). */
  render(setting: Setting): unknown;
}

export interface SettingSection {
  heading: string;
  rows: SettingRow[];
}

/**
 * Rendered from one list of rows two ways: declaratively (`getSettingDefinitions`, Obsidian 1.13+, which makes the
 * settings searchable) and imperatively (`display`, the fallback for 1.8.7–1.12).
 */
export class ZoteroConceptNotesSettingTab extends PluginSettingTab {
  private readonly messages = new SettingMessages();
  private readonly exportCheck: ExportPathCheck;
  private readonly saver: SettingsSaver;
  /** The export path typed and not checked yet, if its field is shown. */
  private exportSave: Debouncer<[string], void> | null = null;

  constructor(
    app: App,
    plugin: Plugin,
    private readonly controller: PluginController,
  ) {
    super(app, plugin);
    this.exportCheck = new ExportPathCheck(controller, this.messages);
    this.saver = new SettingsSaver(controller.settings);
  }

  private get settings(): Readonly<Settings> {
    return this.controller.settings.settings;
  }

  /** Save a toggle, dropdown or slider change now (a failure is a notice). */
  private save(patch: Partial<Settings>): Promise<void> {
    return this.saver.now(patch);
  }

  /** A text field: what is typed in it is saved as soon as it loses focus (or the typing pauses). */
  private typed<T extends AbstractTextComponent<HTMLInputElement | HTMLTextAreaElement>>(text: T): T {
    this.saver.flushOnBlur(text.inputEl);
    return text;
  }

  /** The tab closes: save what was typed and not saved yet. */
  override hide(): void {
    this.exportSave?.run();
    void this.saver.flush();
    super.hide();
  }

  /** Every row, grouped under headings. */
  sections(): SettingSection[] {
    return [
      { heading: 'Export from Zotero', rows: this.exportRows() },
      { heading: 'Literature notes', rows: this.noteRows() },
      { heading: 'Concepts', rows: this.conceptRows() },
    ];
  }

  override getSettingDefinitions(): SettingDefinitionItem[] {
    return this.sections().map((section) => ({
      type: 'group' as const,
      heading: section.heading,
      items: section.rows.map((row) => ({
        name: row.name,
        desc: row.desc,
        render: (setting: Setting) => {
          row.render(setting);
        },
      })),
    }));
  }

  /** The imperative rendering, for Obsidian before 1.13 (later versions render `getSettingDefinitions`). */
  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    for (const section of this.sections()) {
      new Setting(containerEl).setName(section.heading).setHeading();
      for (const row of section.rows) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));
    }
  }

  private exportRows(): SettingRow[] {
    return [
      {
        key: 'exportPath',
        name: 'Export file',
        desc: 'Absolute path of the Better BibTeX export (.bib, .json or .yaml), or its path inside the vault. In Zotero, export the library with "Keep updated" on.',
        render: (setting) => {
          const check = debounce((value: string) => void this.exportCheck.saveAndCheck(setting, value), 600, true);
          this.exportSave = check;
          setting.addText((text) => {
            text.setPlaceholder('/Users/me/Zotero/library.bib').setValue(this.settings.exportPath).onChange(check);
            text.inputEl.addEventListener('blur', () => void check.run());
          });
          void this.exportCheck.check(setting);
        },
      },
      {
        key: 'autoSync',
        name: 'Sync when the export changes',
        desc: 'Sync once the export has settled after each change. Outside the vault this needs the desktop app.',
        render: (setting) => setting.addToggle((toggle) => toggle.setValue(this.settings.autoSync).onChange((autoSync) => this.save({ autoSync }))),
      },
      {
        key: 'autoSyncDelayMs',
        name: 'Wait after a change (seconds)',
        desc: 'Quiet time after the export last changed before the automatic sync starts.',
        render: (setting) =>
          setting.addText((text) =>
            this.typed(text).setValue(String(this.settings.autoSyncDelayMs / 1000)).onChange((value) => {
              const parsed = secondsInput(value);
              if ('error' in parsed) return this.invalid(setting, 'autoSyncDelayMs', parsed.error);
              this.messages.show(setting, null);
              this.saver.soon({ autoSyncDelayMs: parsed.ms });
            }),
          ),
      },
      {
        key: 'minExportRatio',
        name: 'Stop when the export shrinks',
        desc: 'Refuse to sync when the export holds fewer than this share (%) of the papers of the last sync: a half-written or wrong file. Set it to 0 to turn the check off.',
        render: (setting) =>
          setting.addSlider((slider) =>
            slider
              .setLimits(0, 100, 5)
              .setValue(Math.round(this.settings.minExportRatio * 100))
              .onChange((percent) => this.save({ minExportRatio: percent / 100 })),
          ),
      },
    ];
  }

  private noteRows(): SettingRow[] {
    const obsidianLanguage = resolveLanguage('auto') === 'zh' ? '中文' : 'English';
    return [
      this.folderRow('notesFolder', 'Notes folder', 'Folder for literature notes, one per paper.'),
      {
        key: 'fileNameTemplate',
        name: 'File name template',
        desc: 'Handlebars template of a note\'s file name, without ".md", e.g. {{citekey}} or {{year}} {{title}}.',
        render: (setting) =>
          setting.addText((text) =>
            this.typed(text).setPlaceholder('{{citekey}}').setValue(this.settings.fileNameTemplate).onChange((value) => {
              this.messages.show(setting, value.includes('{{') ? null : { kind: 'warning', text: 'Without {{…}} every paper gets the same name (then numbered).' });
              this.saver.soon({ fileNameTemplate: value });
            }),
          ),
      },
      {
        key: 'noteTemplatePath',
        name: 'Note template file',
        desc: 'A template file in the vault, in the syntax of the file name template, that replaces the built-in note format. Leave empty for the built-in one.',
        render: (setting) =>
          setting.addText((text) =>
            this.typed(text).setPlaceholder('Templates/Literature note.md').setValue(this.settings.noteTemplatePath).onChange((value) => {
              const parsed = vaultPathInput(value, ObsidianVault.toVaultPath);
              if ('error' in parsed) return this.invalid(setting, 'noteTemplatePath', parsed.error);
              const missing = parsed.path !== '' && !this.app.vault.getFileByPath(parsed.path);
              this.messages.show(setting, missing ? { kind: 'warning', text: `No file at "${parsed.path}" yet.` } : null);
              this.saver.soon({ noteTemplatePath: parsed.path });
            }),
          ),
      },
      {
        key: 'dateFormat',
        name: 'Date format',
        desc: 'Format of the "date" property (the import time), in date-fns tokens.',
        render: (setting) => {
          setting.addText((text) =>
            this.typed(text).setValue(this.settings.dateFormat).onChange((value) => {
              const preview = dateFormatPreview(value, new Date());
              this.messages.show(setting, preview);
              if (preview.kind === 'error') this.saver.drop('dateFormat');
              else this.saver.soon({ dateFormat: value });
            }),
          );
          this.messages.show(setting, dateFormatPreview(this.settings.dateFormat, new Date()));
        },
      },
      {
        key: 'categories',
        name: 'Categories',
        desc: 'The "categories" list of new notes, as a blog generator reads it; separate them with commas.',
        render: (setting) =>
          setting.addText((text) =>
            this.typed(text).setPlaceholder('Papers').setValue(this.settings.categories.join(', ')).onChange((value) => this.saver.soon({ categories: listInput(value) })),
          ),
      },
      {
        key: 'summarySource',
        name: 'Summary',
        desc: 'What fills the summary section of a note.',
        render: (setting) =>
          setting.addDropdown((dropdown) =>
            dropdown
              .addOptions({ abstract: 'The abstract', 'first-note': 'The first Zotero note' })
              .setValue(this.settings.summarySource)
              .onChange((value) => this.save({ summarySource: value as Settings['summarySource'] })),
          ),
      },
      {
        key: 'headingsLanguage',
        name: 'Headings language',
        desc: 'Language of the headings of the built-in template.',
        render: (setting) =>
          setting.addDropdown((dropdown) =>
            dropdown
              .addOptions({ auto: `Same as Obsidian (${obsidianLanguage})`, en: 'English', zh: '中文' })
              .setValue(this.settings.headingsLanguage)
              .onChange((value) => this.save({ headingsLanguage: value as Settings['headingsLanguage'] })),
          ),
      },
    ];
  }

  private conceptRows(): SettingRow[] {
    return [
      this.folderRow('conceptsFolder', 'Concepts folder', 'Folder of concept notes: a note\'s name and its aliases are the terms linked to it.'),
      {
        key: 'conceptScopeFolders',
        name: 'More folders to link',
        desc: 'Folders whose notes also get concept links, besides the notes and concepts folders. One per line.',
        render: (setting) =>
          setting.addTextArea((text) =>
            this.typed(text).setPlaceholder('Reading').setValue(this.settings.conceptScopeFolders.join('\n')).onChange((value) => {
              const parsed = listInput(value).map((folder) => vaultPathInput(folder, ObsidianVault.toVaultPath));
              const bad = parsed.find((p): p is { error: string } => 'error' in p);
              if (bad) return this.invalid(setting, 'conceptScopeFolders', bad.error);
              this.messages.show(setting, null);
              this.saver.soon({ conceptScopeFolders: parsed.map((p) => ('path' in p ? p.path : '')).filter(Boolean) });
            }),
          ),
      },
      {
        key: 'useBuiltinGlossary',
        name: 'Built-in glossary',
        desc: 'Offer the bilingual glossary of multimodal LLM terms (in-context learning, chain of thought, 指令微调…) to create concept notes from.',
        render: (setting) =>
          setting.addToggle((toggle) => toggle.setValue(this.settings.useBuiltinGlossary).onChange((useBuiltinGlossary) => this.save({ useBuiltinGlossary }))),
      },
      {
        key: 'linkInHeadings',
        name: 'Link concepts in headings',
        desc: 'Off: headings are left alone.',
        render: (setting) => setting.addToggle((toggle) => toggle.setValue(this.settings.linkInHeadings).onChange((linkInHeadings) => this.save({ linkInHeadings }))),
      },
    ];
  }

  private folderRow(key: 'notesFolder' | 'conceptsFolder', name: string, desc: string): SettingRow {
    return {
      key,
      name,
      desc,
      render: (setting) =>
        setting.addText((text) =>
          this.typed(text).setValue(this.settings[key]).onChange((value) => {
            const parsed = vaultPathInput(value, ObsidianVault.toVaultPath);
            if ('error' in parsed) return this.invalid(setting, key, parsed.error);
            if (parsed.path === '') return this.invalid(setting, key, 'Enter a folder name.');
            const hidden = hiddenFolderProblem(parsed.path, this.app.vault.configDir);
            if (hidden !== null) return this.invalid(setting, key, hidden);
            const exists = this.app.vault.getFolderByPath(parsed.path) !== null;
            this.messages.show(setting, exists ? null : { kind: 'ok', text: `"${parsed.path}" does not exist yet; it is created when needed.` });
            this.saver.soon({ [key]: parsed.path });
          }),
        ),
    };
  }

  /** Say why the typed value is not valid, and keep the saved one (not even the valid value typed just before). */
  private invalid(setting: Setting, key: keyof Settings, error: string): void {
    this.messages.show(setting, { kind: 'error', text: error });
    this.saver.drop(key);
  }
}
