/**
 * The rows of "Literature notes": where notes go and how they are named, the note template, the date format and
 * categories of new notes, what fills the summary, and the headings' language.
 */
import { colorLabelsInput, colorLabelsText, dateFormatPreview, listInput, vaultPathInput, type Settings } from '../../core/settings';
import { resolveLanguage } from '../plugin/note-language';
import { ObsidianVault } from '../vault/obsidian-vault';
import { folderRow } from './folder-row';
import type { RowKit, SettingRow } from './setting-row';

export function noteRows(kit: RowKit): SettingRow[] {
  const obsidianLanguage = resolveLanguage('auto') === 'zh' ? '中文' : 'English';
  return [
    folderRow(kit, 'notesFolder', 'Notes folder', 'Folder for literature notes, one per paper.'),
    {
      key: 'fileNameTemplate',
      name: 'File name template',
      desc: 'Handlebars template of a note\'s file name, without ".md", e.g. {{citekey}} or {{year}} {{title}}.',
      render: (setting) =>
        void setting.addText((text) =>
          kit.typed(text).setPlaceholder('{{citekey}}').setValue(kit.settings.fileNameTemplate).onChange((value) => {
            kit.messages.show(setting, value.includes('{{') ? null : { kind: 'warning', text: 'Without {{…}} every paper gets the same name (then numbered).' });
            kit.saver.soon({ fileNameTemplate: value });
          }),
        ),
    },
    {
      key: 'noteTemplatePath',
      name: 'Note template file',
      desc: 'A template file in the vault, in the syntax of the file name template, that replaces the built-in note format. Leave empty for the built-in one.',
      render: (setting) =>
        void setting.addText((text) =>
          kit.typed(text).setPlaceholder('Templates/Literature note.md').setValue(kit.settings.noteTemplatePath).onChange((value) => {
            const parsed = vaultPathInput(value, ObsidianVault.toVaultPath);
            if ('error' in parsed) return kit.invalid(setting, 'noteTemplatePath', parsed.error);
            const missing = parsed.path !== '' && !kit.app.vault.getFileByPath(parsed.path);
            kit.messages.show(setting, missing ? { kind: 'warning', text: `No file at "${parsed.path}" yet.` } : null);
            kit.saver.soon({ noteTemplatePath: parsed.path });
          }),
        ),
    },
    {
      key: 'dateFormat',
      name: 'Date format',
      desc: 'Format of the "date" property (the import time), in date-fns tokens.',
      render: (setting) => {
        setting.addText((text) =>
          kit.typed(text).setValue(kit.settings.dateFormat).onChange((value) => {
            const preview = dateFormatPreview(value, new Date());
            kit.messages.show(setting, preview);
            if (preview.kind === 'error') kit.saver.drop('dateFormat');
            else kit.saver.soon({ dateFormat: value });
          }),
        );
        kit.messages.show(setting, dateFormatPreview(kit.settings.dateFormat, new Date()));
      },
    },
    {
      key: 'categories',
      name: 'Categories',
      desc: 'The "categories" list of new notes, as a blog generator reads it; separate them with commas.',
      render: (setting) =>
        void setting.addText((text) =>
          kit.typed(text).setPlaceholder('Papers').setValue(kit.settings.categories.join(', ')).onChange((value) => kit.saver.soon({ categories: listInput(value) })),
        ),
    },
    {
      key: 'summarySource',
      name: 'Summary in paper summaries',
      desc: 'What "Insert paper summary" writes under each paper. A literature note\'s Summary section is always the abstract; Zotero notes have a section of their own.',
      render: (setting) =>
        void setting.addDropdown((dropdown) =>
          dropdown
            .addOptions({ abstract: 'The abstract', 'first-note': 'The first Zotero note' })
            .setValue(kit.settings.summarySource)
            .onChange((value) => kit.save({ summarySource: value as Settings['summarySource'] })),
        ),
    },
    {
      key: 'annotationColorLabels',
      name: 'Highlight colour labels',
      desc: 'What your Zotero highlight colours mean, one per line, e.g. "red: Important". Each annotation in a literature note is titled with its colour\'s label (its colour name otherwise) and keeps its colour.',
      render: (setting) =>
        void setting.addTextArea((text) =>
          kit.typed(text).setPlaceholder('Red: important').setValue(colorLabelsText(kit.settings.annotationColorLabels)).onChange((value) => {
            const parsed = colorLabelsInput(value);
            if ('error' in parsed) return kit.invalid(setting, 'annotationColorLabels', parsed.error);
            kit.messages.show(setting, null);
            kit.saver.soon({ annotationColorLabels: parsed.labels });
          }),
        ),
    },
    {
      key: 'headingsLanguage',
      name: 'Headings language',
      desc: 'Language of the headings of the built-in template.',
      render: (setting) =>
        void setting.addDropdown((dropdown) =>
          dropdown
            .addOptions({ auto: `Same as Obsidian (${obsidianLanguage})`, en: 'English', zh: '中文' })
            .setValue(kit.settings.headingsLanguage)
            .onChange((value) => kit.save({ headingsLanguage: value as Settings['headingsLanguage'] })),
        ),
    },
  ];
}
