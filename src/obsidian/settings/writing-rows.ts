/**
 * The rows of "Writing": the citation template (checked and previewed as it is typed, with a locator, on a paper of
 * the library), the triggers of the citation suggester, and the "Cited in" sections.
 */
import type { Setting } from 'obsidian';
import { triggerList } from '../../core/settings';
import type { Paper } from '../../core/library';
import { errorMessage } from '../../core/text';
import type { RowKit, SettingRow } from './setting-row';

/** The paper the preview cites before the library is loaded. */
const SAMPLE_PAPER: Paper = {
  citekey: 'vaswaniAttentionAllYou2017',
  title: 'Attention Is All You Need',
  authors: ['Vaswani, Ashish', 'Shazeer, Noam'],
  year: 2017,
  date: '2017',
  type: 'inproceedings',
  venue: 'Advances in Neural Information Processing Systems',
  abstract: null,
  tags: [],
  collections: [],
  arxiv: '1706.03762',
  arxivUrl: 'https://arxiv.org/abs/1706.03762',
  doi: null,
  url: null,
  zoteroUri: 'zotero://select/items/@vaswaniAttentionAllYou2017',
  attachments: [],
  attachmentLinks: {},
  notes: [],
  annotations: [],
};

/**
 * Check `template` by citing a paper with a locator: show the preview, or why it fails. A typed template (`save`)
 * is saved only when it works. `current` is false once something newer was typed: then nothing is shown or saved.
 */
async function checkTemplate(kit: RowKit, setting: Setting, template: string, save: boolean, current: () => boolean = () => true): Promise<void> {
  const context = kit.controller.context();
  const first = kit.controller.library.current?.entries[0];
  const paper = first ? await kit.controller.paper(first.citekey).catch(() => SAMPLE_PAPER) : SAMPLE_PAPER;
  let preview: string;
  try {
    const renderer = await kit.controller.services.citationRenderer({ ...context, settings: { ...context.settings, citationTemplate: template } });
    preview = renderer.render(paper, 'p. 33');
  } catch (err) {
    if (!current()) return;
    if (save) kit.invalid(setting, 'citationTemplate', errorMessage(err));
    else kit.messages.show(setting, { kind: 'error', text: errorMessage(err) });
    return;
  }
  if (!current()) return;
  kit.messages.show(setting, { kind: 'ok', text: `Preview: ${preview}` });
  if (save) kit.saver.soon({ citationTemplate: template });
}

export function writingRows(kit: RowKit): SettingRow[] {
  return [
    {
      key: 'citationTemplate',
      name: 'Citation template',
      desc: 'What "Insert citation" and the citation suggester write: a Handlebars template with the variables of note templates (the Citations plugin\'s names) and {{locator}}. Pandoc reads [@{{citekey}}]; a locator typed after a comma goes where Pandoc expects it.',
      render: (setting) => {
        let generation = 0;
        setting.addText((text) =>
          kit.typed(text).setPlaceholder('[@{{citekey}}]').setValue(kit.settings.citationTemplate).onChange((value) => {
            const id = ++generation;
            const template = value.trim() === '' ? '[@{{citekey}}]' : value;
            void checkTemplate(kit, setting, template, true, () => id === generation);
          }),
        );
        void checkTemplate(kit, setting, kit.settings.citationTemplate, false);
      },
    },
    {
      key: 'citationTriggers',
      name: 'Citation suggester',
      desc: 'What typed in a note opens the library search at the cursor, separated by spaces. Leave empty to turn the suggester off.',
      render: (setting) =>
        void setting.addText((text) =>
          kit.typed(text).setPlaceholder('[@ @@').setValue(kit.settings.citationTriggers.join(' ')).onChange((value) => {
            const triggers = triggerList(value, []);
            kit.messages.show(setting, triggers.length === 0 ? { kind: 'warning', text: 'Off: typing opens no search.' } : null);
            kit.saver.soon({ citationTriggers: triggers });
          }),
        ),
    },
    {
      key: 'citedInSections',
      name: '"Cited in" in literature notes',
      desc: 'Each literature note lists the notes that cite its paper ([@key], @key, [[@key]]), kept up to date as you write. Off: no list is written or updated.',
      render: (setting) =>
        void setting.addToggle((toggle) => toggle.setValue(kit.settings.citedInSections).onChange((citedInSections) => kit.save({ citedInSections }))),
    },
  ];
}
