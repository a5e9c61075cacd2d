import { noticeMessages, openedModals, setMockPlatform, type App, type FuzzyMatch, type SuggestModal } from '../../__mocks__/obsidian';
import type { PaperEntry } from '../../../src/core/library';
import { CHINESE_LIBRARY, loadPlugin, makePlugin, STATE_PATH, usePluginTestEnvironment, flush, EXAMPLE_LIBRARY, watchedParser } from '../plugin-harness';

const LIBRARY = EXAMPLE_LIBRARY; // 15 papers
const CHINESE = CHINESE_LIBRARY;
const EXPORT = 'Zotero/library.bib';
const BROWN = 'Literature/brownLanguageModelsAre2020.md';


type PaperModal = SuggestModal<FuzzyMatch<PaperEntry>>;

usePluginTestEnvironment();

async function started(settings: Record<string, unknown> = {}, files: Record<string, string> = { [EXPORT]: LIBRARY }) {
  const made = await makePlugin({ files });
  await made.plugin.saveData({ exportPath: EXPORT, autoSync: false, ...settings });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await flush();
  return made;
}

/** Run "Import paper", type `query`, and return the modal and its suggestions. */
async function importModal(made: Awaited<ReturnType<typeof started>>, query: string) {
  made.plugin.mock.command('import-paper')!.callback!();
  const modal = openedModals().at(-1) as PaperModal;
  await flush(); // the "has a note" marks arrive
  const found = await modal.simulateQuery(query);
  return { modal, found };
}

const rendered = (modal: PaperModal) => modal.resultContainerEl.children.map((c) => c.textContent);

describe('import paper', () => {
  it('creates the chosen paper\'s note and opens it, then marks it as having a note', async () => {
    const made = await started();
    const { found, modal } = await importModal(made, 'few-shot learners');
    expect(found.map((m) => m.item.citekey)).toEqual(['brownLanguageModelsAre2020']);
    await modal.simulateChoose(found[0]);
    await flush();

    const note = made.app.vault.contentOf(BROWN) ?? '';
    expect(note).toMatch(/^---\ntitle: Language Models Are Few-Shot Learners\ndate: 2025-03-08 14:03:11\n/);
    expect(note).toContain('citekey: brownLanguageModelsAre2020\n');
    expect(made.app.workspace.openedFiles).toEqual([BROWN]);
    expect(Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Literature/'))).toEqual([BROWN]); // that paper only
    expect(made.app.vault.adapter.files.get(STATE_PATH)).toContain('"brownLanguageModelsAre2020": ["Literature/brownLanguageModelsAre2020.md"');

    const again = await importModal(made, 'language models');
    const texts = rendered(again.modal);
    expect(texts.find((t) => t.startsWith('Language Models Are Few-Shot Learners'))).toBe(
      'Language Models Are Few-Shot Learners · has a noteBrown, Tom B., Mann, Benjamin, Ryder, Nick et al. · 2020 · Advances in Neural Information Processing Systems · @brownLanguageModelsAre2020',
    );
    expect(texts.filter((t) => t.includes('has a note'))).toHaveLength(1);
  });

  it('updates the note of a paper that changed, keeping what the user wrote, and opens it', async () => {
    const made = await started();
    let { found, modal } = await importModal(made, 'brownLanguageModelsAre2020');
    await modal.simulateChoose(found[0]);
    await flush();
    await made.app.vault.setExternal(BROWN, `${made.app.vault.contentOf(BROWN)}My reading notes.\n`);
    await made.app.vault.setExternal(EXPORT, LIBRARY.replace('{Language Models Are Few-Shot Learners}', '{Language Models Are Few-Shot Learners (NeurIPS)}'));
    void made.plugin.controller.library.reload();
    await flush();

    ({ found, modal } = await importModal(made, 'brownLanguageModelsAre2020'));
    await modal.simulateChoose(found[0]);
    await flush();
    const note = made.app.vault.contentOf(BROWN) ?? '';
    expect(note).toContain('title: Language Models Are Few-Shot Learners (NeurIPS)\n');
    expect(note.endsWith('## Notes\n\nMy reading notes.\n')).toBe(true);
    expect(made.app.workspace.openedFiles).toEqual([BROWN, BROWN]);
    expect(noticeMessages()).toEqual([]);
  });

  it('works out which papers have a note once, until a sync, an import or a deleted note changes that', async () => {
    const made = await started();
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    const stateReads = jest.spyOn(made.app.vault.adapter, 'read');
    const readsWhileOpening = async () => {
      const before = stateReads.mock.calls.filter(([path]) => path === STATE_PATH).length;
      const { modal } = await importModal(made, '');
      const marked = rendered(modal).filter((t) => t.includes('has a note')).length;
      return { reads: stateReads.mock.calls.filter(([path]) => path === STATE_PATH).length - before, marked };
    };
    expect(await readsWhileOpening()).toEqual({ reads: 1, marked: 15 });
    expect(await readsWhileOpening()).toEqual({ reads: 0, marked: 15 }); // cached

    made.app.vault.removeExternal(BROWN); // the user deletes a note
    expect(await readsWhileOpening()).toEqual({ reads: 1, marked: 14 });
    expect(await readsWhileOpening()).toEqual({ reads: 0, marked: 14 });

    made.plugin.mock.ribbonIcons[0].el.click(); // the sync writes it again
    await flush();
    expect(await readsWhileOpening()).toEqual({ reads: 1, marked: 15 });
  });

  it('finds papers by Chinese title, author and publisher', async () => {
    const made = await started({}, { [EXPORT]: CHINESE });
    const keys = async (query: string) => (await importModal(made, query)).found.map((m) => m.item.citekey).sort();
    expect(await keys('微调')).toEqual(['chenZhilingWeitiao2023']);
    expect(await keys('明远')).toEqual(['zhangDuomotaiDaMoxing2024']);
    expect(await keys('2023 计算机学报')).toEqual(['wangSiweiLian2023']); // year, then venue (the journal)
    expect(await keys('2024 清华大学出版社')).toEqual(['zhangDuomotaiDaMoxing2024']); // or the publisher
  });

  it('opens at once while the library is still loading, says so, and fills in when it is loaded', async () => {
    const parser = watchedParser();
    const release = parser.hold();
    const made = await makePlugin({ files: { [EXPORT]: LIBRARY }, createParser: parser.createParser });
    await made.plugin.saveData({ exportPath: EXPORT, autoSync: false });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    made.plugin.mock.command('import-paper')!.callback!();
    const modal = openedModals()[0] as PaperModal;
    expect(await modal.simulateQuery('')).toEqual([]);
    expect(modal.resultContainerEl.textContent).toBe('Loading library…');
    await flush();
    release();
    await flush();
    expect(modal.suggestions).toHaveLength(15);
  });
});

describe('insert paper summary', () => {
  it('inserts the survey-style entry at the cursor, numbered after the entries above it', async () => {
    const made = await started({ headingsLanguage: 'zh' });
    const survey = await made.app.vault.setExternal('Survey.md', '## 前沿文章摘要\n\n1. Visual Instruction Tuning\n\n   tags：LLaVA\n\n');
    const view = made.app.workspace.openInEditor(survey, made.app.vault.contentOf('Survey.md')!);
    view.editor.setCursor(6, 0);
    await made.plugin.mock.command('insert-paper-summary')!.editorCallback!(view.editor, view);
    const modal = openedModals().at(-1) as PaperModal;
    const found = await modal.simulateQuery('few-shot');
    await modal.simulateChoose(found[0]);
    await flush();
    expect(view.editor.getValue()).toBe(
      '## 前沿文章摘要\n\n1. Visual Instruction Tuning\n\n   tags：LLaVA\n\n' +
        '2. Language Models Are Few-Shot Learners [https://arxiv.org/abs/2005.14165](https://arxiv.org/abs/2005.14165)\n\n   tags：GPT-3、上下文学习、ICL\n',
    );
    expect(view.editor.log.map((e) => e.kind)).toEqual(['replaceSelection']);
    expect(made.app.vault.contentOf('Survey.md')).toBe('## 前沿文章摘要\n\n1. Visual Instruction Tuning\n\n   tags：LLaVA\n\n'); // the editor saves it, not us
  });
});

describe('open in Zotero', () => {
  const open = jest.fn();
  beforeEach(() => {
    open.mockReset();
    (window as unknown as { open: typeof open }).open = open;
  });

  /** The user opens a note (Obsidian has parsed its front matter by the time they run a command on it). */
  async function withActive(app: App, path: string, text: string) {
    app.workspace.activeFile = await app.vault.setExternal(path, text);
    await jest.advanceTimersByTimeAsync(0);
  }

  it('opens the literature note\'s Zotero item, and is offered only on literature notes', async () => {
    const made = await started();
    const command = made.plugin.mock.command('open-in-zotero')!;
    await withActive(made.app, 'Literature/x.md', '---\ncitekey: x\nzotero: zotero://select/items/@brownLanguageModelsAre2020\n---\n');
    expect(command.checkCallback!(true)).toBe(true);
    expect(open).not.toHaveBeenCalled();
    command.checkCallback!(false);
    expect(open).toHaveBeenCalledWith('zotero://select/items/@brownLanguageModelsAre2020');

    await withActive(made.app, 'Literature/y.md', '---\ncitekey: weiChain:2022\n---\n'); // no zotero link: built from the citekey
    command.checkCallback!(false);
    expect(open).toHaveBeenLastCalledWith('zotero://select/items/@weiChain:2022');

    await withActive(made.app, 'Daily/2025-03-08.md', '# Today\n');
    expect(command.checkCallback!(true)).toBe(false);
    made.app.workspace.activeFile = null;
    expect(command.checkCallback!(true)).toBe(false);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('on a phone, opens only links by item key (Zotero for iOS and Android), and hides itself otherwise', async () => {
    setMockPlatform('mobile');
    const made = await started();
    const command = made.plugin.mock.command('open-in-zotero')!;
    await withActive(made.app, 'Literature/x.md', '---\ncitekey: brownLanguageModelsAre2020\nzotero: zotero://select/items/@brownLanguageModelsAre2020\n---\n');
    expect(command.checkCallback!(true)).toBe(false); // BBT's citekey form needs desktop Zotero

    await withActive(made.app, 'Literature/y.md', '---\ncitekey: brown2020\nzotero: zotero://select/items/@brown2020\n---\n');
    const library = made.plugin.controller.library.current!;
    const entryOf = library.entry.bind(library);
    const brown2020: PaperEntry = { ...entryOf('brownLanguageModelsAre2020')!, citekey: 'brown2020', zoteroUri: 'zotero://select/library/items/ABCD2345' };
    jest.spyOn(library, 'entry').mockImplementation((key) => (key === 'brown2020' ? brown2020 : entryOf(key)));
    expect(command.checkCallback!(true)).toBe(true); // the export knows the item key
    command.checkCallback!(false);
    expect(open).toHaveBeenLastCalledWith('zotero://select/library/items/ABCD2345');

    await withActive(made.app, 'Literature/z.md', '---\ncitekey: z\nzotero: zotero://select/groups/4711/items/WXYZ6789\n---\n');
    command.checkCallback!(false);
    expect(open).toHaveBeenLastCalledWith('zotero://select/groups/4711/items/WXYZ6789');
  });
});
