/** Citing while writing: "Insert citation", "Insert link to literature note" and the `[@` suggester. */
import type { PaperMatch } from '../../../src/core/library';
import { noticeMessages, openedModals, type EditorSuggest, type MarkdownView, type SuggestModal } from '../../__mocks__/obsidian';
import { CHINESE_LIBRARY, EXAMPLE_LIBRARY, flush, loadPlugin, makePlugin, slowReader, startedWith, usePluginTestEnvironment } from '../plugin-harness';

const EXPORT = 'Zotero/library.bib';
const BROWN = 'Literature/brownLanguageModelsAre2020.md';
const DRAFT = 'Drafts/Survey.md';
/** Three Chinese entries beside the example library's 15 papers. */
const CHINESE = CHINESE_LIBRARY;

usePluginTestEnvironment();

const started = (settings: Record<string, unknown> = {}) => startedWith({ [EXPORT]: EXAMPLE_LIBRARY + CHINESE }, settings);

type Made = Awaited<ReturnType<typeof started>>;

/** The user opens the draft holding `text`, the cursor at the end of its first line (or at "|" when there is one). */
async function editDraft(made: Made, text: string): Promise<MarkdownView> {
  const file = await made.app.vault.setExternal(DRAFT, text.replace('|', ''));
  const view = made.app.workspace.openInEditor(file, text.replace('|', ''));
  const at = text.indexOf('|');
  view.editor.setCursor(view.editor.offsetToPos(at >= 0 ? at : text.split('\n')[0].length));
  return view;
}

type PaperModal = SuggestModal<PaperMatch>;

describe('insert citation', () => {
  it('inserts the citation template at the cursor, with the locator typed after a comma', async () => {
    const made = await started();
    const view = await editDraft(made, 'As shown in |.\n');
    made.plugin.mock.command('insert-citation')!.editorCallback!(view.editor, view);
    const modal = openedModals().at(-1) as PaperModal;
    expect(modal.instructions.map((i) => i.command)).toEqual([', p. 33', '↵']);
    const found = await modal.simulateQuery('few-shot, p. 33');
    expect(found.map((m) => m.item.citekey)).toEqual(['brownLanguageModelsAre2020']);
    await modal.simulateChoose(found[0]);
    await flush();
    expect(view.editor.getValue()).toBe('As shown in [@brownLanguageModelsAre2020, p. 33].\n');
    expect(made.app.vault.writes).toEqual([DRAFT]); // only the test's own write: the editor saves the note, not the plugin
  });

  it('writes the template of the settings, and says what is wrong with a bad one', async () => {
    const made = await started({ citationTemplate: '[[@{{citekey}}]] ({{authorString}}, {{year}})' });
    const view = await editDraft(made, 'See |\n');
    made.plugin.mock.command('insert-citation')!.editorCallback!(view.editor, view);
    let modal = openedModals().at(-1) as PaperModal;
    await modal.simulateChoose((await modal.simulateQuery('多模态'))[0]);
    await flush();
    expect(view.editor.getValue()).toBe('See [[@zhangDuomotaiDaMoxing2024]] (张明远, 李静, 2024)\n');

    await made.plugin.settingsStore.update({ citationTemplate: '[@{{citkey}}]' });
    made.plugin.mock.command('insert-citation')!.editorCallback!(view.editor, view);
    modal = openedModals().at(-1) as PaperModal;
    await modal.simulateChoose((await modal.simulateQuery('brown'))[0]);
    await flush();
    expect(noticeMessages().at(-1)).toBe('Insert citation failed: Citation template, line 1: "citkey" is not a template variable');
    expect(view.editor.getValue()).toBe('See [[@zhangDuomotaiDaMoxing2024]] (张明远, 李静, 2024)\n');
  });
});

describe('insert link to literature note', () => {
  it('links to the note of the paper in Obsidian\'s link format, with the title as its text', async () => {
    const made = await started();
    made.plugin.mock.ribbonIcons[0].el.click(); // every paper has a note
    await flush();
    const view = await editDraft(made, 'Read |.\n');
    made.app.vault.resetWrites();
    const generate = jest.spyOn(made.app.fileManager, 'generateMarkdownLink');
    made.plugin.mock.command('insert-link-to-literature-note')!.editorCallback!(view.editor, view);
    const modal = openedModals().at(-1) as PaperModal;
    await modal.simulateChoose((await modal.simulateQuery('few-shot'))[0]);
    await flush();
    expect(generate).toHaveBeenCalledWith(made.app.vault.getFileByPath(BROWN), DRAFT, undefined, 'Language Models Are Few-Shot Learners');
    expect(view.editor.getValue()).toBe('Read [[brownLanguageModelsAre2020|Language Models Are Few-Shot Learners]].\n');
    expect(made.app.vault.writes).toEqual([]); // the note exists: nothing imported
  });

  it('imports the paper first when it has no note, then links to the new note', async () => {
    const made = await started();
    const view = await editDraft(made, 'Read |.\n');
    made.plugin.mock.command('insert-link-to-literature-note')!.editorCallback!(view.editor, view);
    const modal = openedModals().at(-1) as PaperModal;
    await modal.simulateChoose((await modal.simulateQuery('大模型'))[0]);
    await flush();
    const created = Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Literature/'));
    expect(created).toEqual(['Literature/zhangDuomotaiDaMoxing2024.md']);
    expect(made.app.vault.contentOf(created[0])).toContain('citekey: zhangDuomotaiDaMoxing2024\n');
    expect(view.editor.getValue()).toBe('Read [[zhangDuomotaiDaMoxing2024|多模态大模型导论]].\n');
  });
});

describe('the citation suggester', () => {
  const suggesterOf = (made: Made) => made.plugin.mock.editorSuggests[0] as EditorSuggest<PaperMatch>;

  /** The user types `text` (the cursor at "|") and the suggester shows what it finds. */
  async function type(made: Made, text: string) {
    const view = await editDraft(made, text);
    const shown = await suggesterOf(made).simulateTyping(view.editor, view.file!);
    return { view, shown, keys: shown.map((m) => m.item.citekey) };
  }

  it('opens on "[@", searches as the user types, and writes the citation over what was typed and the bracket Obsidian closed', async () => {
    const made = await started();
    const { view, keys } = await type(made, 'As shown [@few-shot|] here.\n');
    expect(keys).toEqual(['brownLanguageModelsAre2020']);
    expect(suggesterOf(made).suggestionEls[0].textContent).toContain('@brownLanguageModelsAre2020');
    suggesterOf(made).simulateSelect(suggesterOf(made).suggestions[0]);
    await flush();
    expect(view.editor.getValue()).toBe('As shown [@brownLanguageModelsAre2020] here.\n');
    expect(view.editor.getCursor()).toEqual({ line: 0, ch: 38 }); // after the citation
    expect(view.editor.log.map((e) => e.kind)).toEqual(['replaceRange']);
  });

  it('opens on "@@" too, finds Chinese titles, and takes a locator after a comma', async () => {
    const made = await started();
    let typed = await type(made, '见 @@多模态|\n');
    expect(typed.keys).toEqual(['zhangDuomotaiDaMoxing2024']);
    suggesterOf(made).simulateSelect(typed.shown[0]);
    await flush();
    expect(typed.view.editor.getValue()).toBe('见 [@zhangDuomotaiDaMoxing2024]\n');

    typed = await type(made, 'As [@chain-of-thought, ch. 2|]\n');
    expect(typed.keys).toEqual(['weiChainofthoughtPromptingElicits2022']);
    suggesterOf(made).simulateSelect(typed.shown[0]);
    await flush();
    expect(typed.view.editor.getValue()).toBe('As [@weiChainofthoughtPromptingElicits2022, ch. 2]\n');
  });

  it('stays closed in a link being typed, in a word, after a closed citation, and when its triggers are turned off', async () => {
    const made = await started();
    expect((await type(made, 'A link [[@bro|\n')).shown).toEqual([]);
    expect((await type(made, 'me@@bro|\n')).shown).toEqual([]);
    expect((await type(made, '[@brownLanguageModelsAre2020] and |\n')).shown).toEqual([]);
    expect(suggesterOf(made).isOpen).toBe(false);
    await made.plugin.settingsStore.update({ citationTriggers: [] });
    expect((await type(made, 'As [@few|\n')).shown).toEqual([]);
    await made.plugin.settingsStore.update({ citationTriggers: ['cite:'] });
    expect((await type(made, 'As cite:few|\n')).keys).toEqual(['brownLanguageModelsAre2020']);
  });

  it('inserts nothing when the text typed changed before the citation could be written', async () => {
    const made = await started();
    const { view, shown } = await type(made, 'As [@few|\n');
    view.editor.replaceSelection('er'); // the user typed on: "[@fewer"
    suggesterOf(made).simulateSelect(shown[0]);
    await flush();
    expect(view.editor.getValue()).toBe('As [@fewer\n');
  });

  it('waits for the library while it loads, and shows nothing without an export', async () => {
    const { createParser, release } = slowReader();
    const made = await makePlugin({ files: { [EXPORT]: EXAMPLE_LIBRARY }, createParser });
    await made.plugin.saveData({ exportPath: EXPORT, autoSync: false });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    const view = await editDraft(made, 'As [@few|\n');
    const shown = suggesterOf(made).simulateTyping(view.editor, view.file!);
    await flush();
    release();
    await flush();
    expect((await shown).map((m) => m.item.citekey)).toEqual(['brownLanguageModelsAre2020']);

    const none = await started({ exportPath: '' });
    expect((await type(none, 'As [@few|\n')).shown).toEqual([]);
  });
});
