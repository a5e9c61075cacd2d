/**
 * The rows of "Concepts": the concepts folder, more folders whose notes get links (each spelled as the folder that
 * exists), the built-in glossary, links in headings, when to suggest switching a concept off, and whether the
 * user's own notes adopted as concepts get the concept section.
 */
import { listInput, vaultPathInput } from '../../core/settings';
import { ObsidianVault } from '../vault/obsidian-vault';
import { existingFolderCase } from '../vault/vault-folders';
import { folderRow, SAME_FOLDER } from './folder-row';
import type { RowKit, SettingRow } from './setting-row';

export function conceptRows(kit: RowKit): SettingRow[] {
  return [
    folderRow(kit, 'conceptsFolder', 'Concepts folder', 'Folder of concept notes: a note\'s name and its aliases are the terms linked to it.'),
    {
      key: 'conceptScopeFolders',
      name: 'More folders to link',
      desc: 'Folders whose notes also get concept links, besides the notes and concepts folders. One per line.',
      render: (setting) => {
        setting.addTextArea((text) =>
          kit.typed(text).setPlaceholder('Reading').setValue(kit.settings.conceptScopeFolders.join('\n')).onChange((value) => {
            const parsed = listInput(value).map((folder) => vaultPathInput(folder, ObsidianVault.toVaultPath));
            const bad = parsed.find((p): p is { error: string } => 'error' in p);
            if (bad) return kit.invalid(setting, 'conceptScopeFolders', bad.error);
            const folders = parsed.flatMap((p) => ('path' in p && p.path !== '' ? [existingFolderCase(kit.app, p.path)] : []));
            const recased = folders.filter((f) => f.changed).map((f) => `"${f.path}"`);
            kit.messages.show(setting, recased.length === 0 ? null : { kind: 'warning', text: `Using the existing ${recased.join(', ')}: ${SAME_FOLDER}` });
            kit.saver.soon({ conceptScopeFolders: folders.map((f) => f.path) });
          }),
        );
      },
    },
    {
      key: 'useBuiltinGlossary',
      name: 'Built-in glossary',
      desc: 'Offer the bilingual glossary of multimodal LLM terms (in-context learning, chain of thought, 指令微调…) to create concept notes from.',
      render: (setting) =>
        void setting.addToggle((toggle) => toggle.setValue(kit.settings.useBuiltinGlossary).onChange((useBuiltinGlossary) => kit.save({ useBuiltinGlossary }))),
    },
    {
      key: 'linkInHeadings',
      name: 'Link concepts in headings',
      desc: 'Off: headings are left alone.',
      render: (setting) => void setting.addToggle((toggle) => toggle.setValue(kit.settings.linkInHeadings).onChange((linkInHeadings) => kit.save({ linkInHeadings }))),
    },
    {
      key: 'ubiquitousConceptShare',
      name: 'Suggest switching off above',
      desc: 'A concept mentioned by more than this share (%) of the notes (in 20 notes or more) is named after a concept run as one you may want to stop linking, with "zcn-link: false" in its note. It is never switched off for you. 100 % turns the suggestion off.',
      render: (setting) =>
        void setting.addSlider((slider) =>
          slider
            .setLimits(1, 100, 1)
            .setValue(Math.round(kit.settings.ubiquitousConceptShare * 100))
            .onChange((percent) => kit.save({ ubiquitousConceptShare: percent / 100 })),
        ),
    },
    {
      key: 'adoptedConceptSections',
      name: 'Concept section in your own notes',
      desc: 'Your own notes adopted as concept notes (named like a glossary or suggested concept) get the lists of notes that mention the concept and of related concepts too. Off: they are linked to, and left as you wrote them.',
      render: (setting) =>
        void setting.addToggle((toggle) =>
          toggle.setValue(kit.settings.adoptedConceptSections).onChange((adoptedConceptSections) => kit.save({ adoptedConceptSections })),
        ),
    },
  ];
}
