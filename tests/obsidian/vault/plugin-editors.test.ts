/**
 * Notes open in an editor are never rewritten behind the user's back: a sync or a concept run that changes such a
 * note edits it through its editor (minimal replacements, so the cursor, the undo history and unsaved typing
 * survive), not through `Vault.process`, which would replace the file under the editor.
 */
import { type App, type MarkdownView, type TFile } from '../../__mocks__/obsidian';
import { loadPlugin, makePlugin, usePluginTestEnvironment, flush, EXAMPLE_LIBRARY } from '../plugin-harness';

const LIBRARY = EXAMPLE_LIBRARY; // 15 papers
const EXPORT = 'Zotero/library.bib';
const BROWN = 'Literature/brownLanguageModelsAre2020.md';
const WEEK1 = 'Reading/week 1.md';
const WEEK2 = 'Reading/week 2.md';


usePluginTestEnvironment();

async function started(files: Record<string, string>, settings: Record<string, unknown> = {}) {
  const made = await makePlugin({ files: { [EXPORT]: LIBRARY, ...files } });
  await made.plugin.saveData({ exportPath: EXPORT, autoSync: false, ...settings });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await flush();
  return made;
}

/** The paths `Vault.process` was called on, from now on. */
function watchProcess(app: App): string[] {
  const paths: string[] = [];
  const original = app.vault.process.bind(app.vault);
  jest.spyOn(app.vault, 'process').mockImplementation((file: TFile, fn: (data: string) => string) => {
    paths.push(file.path);
    return original(file, fn);
  });
  return paths;
}

describe('a sync and a note open in an editor', () => {
  it('updates the note through its editor: the unsaved typing and the cursor stay, the file is left to the editor', async () => {
    const made = await started({});
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    const synced = made.app.vault.contentOf(BROWN)!;
    expect(synced).toContain('title: Language Models Are Few-Shot Learners\n');

    // The user opens the note and types at its end; the editor has not saved yet.
    const view = made.app.workspace.openInEditor(made.app.vault.getFileByPath(BROWN)!, synced);
    const end = view.editor.offsetToPos(synced.length);
    view.editor.setCursor(end);
    view.editor.replaceSelection('My unsaved thought.');
    const cursor = view.editor.getCursor();

    // Zotero changes the title; the user syncs.
    await made.app.vault.setExternal(EXPORT, LIBRARY.replace('Language Models Are Few-Shot Learners', 'Language Models Are Few-Shot Learners (v2)'));
    const processed = watchProcess(made.app);
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();

    expect(made.summaries.at(-1)).toMatchObject({ updated: [BROWN], errors: [] });
    const text = view.editor.getValue();
    expect(text).toContain('title: Language Models Are Few-Shot Learners (v2)\n');
    expect(text.endsWith('My unsaved thought.')).toBe(true);
    expect(view.editor.log.map((e) => e.kind)).toEqual(['replaceSelection', 'transaction']);
    expect(view.editor.getCursor()).toEqual(cursor); // the title line changed in place: same line, same column
    expect(processed).not.toContain(BROWN);
    expect(made.app.vault.contentOf(BROWN)).toBe(synced); // the file is the editor's to save…
    await view.save();
    expect(made.app.vault.contentOf(BROWN)).toBe(text); // …and then holds both the sync's change and the typing

    // The next sync finds the note as it left it: nothing more to do.
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(made.summaries.at(-1)).toMatchObject({ updated: [], conflicts: [] });
  });

  it('writes a note whose tab is restored but not shown yet (a deferred view has no editor) to its file', async () => {
    const made = await started({});
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    const leaf = made.app.workspace.openDeferred(made.app.vault.getFileByPath(BROWN)!);
    expect(made.app.workspace.getLeavesOfType('markdown')).toEqual([leaf]);

    await made.app.vault.setExternal(EXPORT, LIBRARY.replace('Language Models Are Few-Shot Learners', 'Language Models Are Few-Shot Learners (v2)'));
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(made.summaries.at(-1)).toMatchObject({ updated: [BROWN], errors: [] });
    expect(made.app.vault.contentOf(BROWN)).toContain('title: Language Models Are Few-Shot Learners (v2)\n');
    await leaf.loadIfDeferred(); // the user shows the tab: its editor reads the file
    expect(leaf.isDeferred).toBe(false);
    expect((leaf.view as MarkdownView).editor.getValue()).toBe(made.app.vault.contentOf(BROWN));
  });
});

describe('a concept run and notes open in editors', () => {
  const CONCEPTS = {
    'Concepts/ICL.md': '---\naliases: [in-context learning]\n---\n',
    'Concepts/RLHF.md': '---\naliases: [reinforcement learning from human feedback]\n---\n',
  };
  const READING = {
    [WEEK1]: 'We read about in-context learning and about human feedback.\n',
    [WEEK2]: 'Nothing to link here.\n',
  };

  it('links a note open in a second pane through that editor; the note being typed in waits', async () => {
    const made = await started({ ...CONCEPTS, ...READING }, { conceptScopeFolders: ['Reading'] });
    made.plugin.mock.command('rebuild-concept-links')!.callback!();
    await flush();
    const linked = 'We read about [[ICL|in-context learning]] and about human feedback.\n';
    expect(made.app.vault.contentOf(WEEK1)).toBe(linked);

    // Week 1 in one pane (cursor after "about "), week 2 in a second pane, where the user types.
    const first = made.app.workspace.openInEditor(made.app.vault.getFileByPath(WEEK1)!, linked);
    first.editor.setCursor(0, linked.indexOf('human'));
    const second = made.app.workspace.openInEditor(made.app.vault.getFileByPath(WEEK2)!, READING[WEEK2], { newTab: true });
    second.editor.setCursor(0, 7);
    const processed = watchProcess(made.app);

    // A new alias makes "human feedback" a term in both notes' text.
    await made.app.vault.setExternal('Concepts/RLHF.md', '---\naliases: [human feedback, Nothing]\n---\n');
    await jest.advanceTimersByTimeAsync(2500);

    expect(first.editor.getValue()).toBe('We read about [[ICL|in-context learning]] and about [[RLHF|human feedback]].\n');
    expect(first.editor.log).toEqual([{ kind: 'transaction', changes: 1 }]);
    expect(first.editor.getCursor()).toEqual({ line: 0, ch: linked.indexOf('human') }); // the link starts at the cursor
    expect(processed).not.toContain(WEEK1);
    expect(made.app.vault.contentOf(WEEK1)).toBe(linked); // the editor saves it

    // The active note (week 2) is not linked while the user types in it: no edit, no write.
    expect(second.editor.log).toEqual([]);
    expect(made.app.vault.contentOf(WEEK2)).toBe(READING[WEEK2]);
    expect(processed).not.toContain(WEEK2);

    // The user moves on (another note in that tab): week 2 is linked, on disk now that no editor shows it.
    const other = await made.app.vault.setExternal('Drafts/other.md', 'Elsewhere.\n');
    made.app.workspace.openInEditor(other, 'Elsewhere.\n');
    await jest.advanceTimersByTimeAsync(2500);
    expect(made.app.vault.contentOf(WEEK2)).toBe('[[RLHF|Nothing]] to link here.\n');
    expect(second.editor.log).toEqual([]);
  });
});
