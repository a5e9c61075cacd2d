import { GLOSSARY } from '../../../src/core/concepts/engine';
import { allNoticeMessages, noticeMessages, resetUiLog, TFile, type MarkdownFileInfo } from '../../__mocks__/obsidian';
import { loadPlugin, makePlugin, usePluginTestEnvironment, flush, EXAMPLE_LIBRARY } from '../plugin-harness';

const LIBRARY = EXAMPLE_LIBRARY; // 15 papers
const EXPORT = 'Zotero/library.bib';
const BROWN = 'Literature/brownLanguageModelsAre2020.md';
const WEEK1 = 'Reading/week 1.md';
const WEEK2 = 'Reading/week 2.md';

const CONCEPTS = {
  'Concepts/ICL.md': '---\naliases:\n  - in-context learning\n  - 上下文学习\n---\n\nLearning from examples given in the prompt.\n',
  'Concepts/CoT.md': '---\naliases: [chain of thought, 思维链]\n---\n\nReasoning step by step.\n',
  'Concepts/RLHF.md': '---\naliases: [reinforcement learning from human feedback]\n---\n\nTraining with a reward model.\n',
};
const READING = {
  [WEEK1]: 'We read about in-context learning and about human feedback.\n',
  [WEEK2]: 'Nothing to link here.\n',
};


usePluginTestEnvironment();

async function started(settings: Record<string, unknown> = {}, files: Record<string, string> = {}) {
  const made = await makePlugin({ files: { [EXPORT]: LIBRARY, ...CONCEPTS, ...READING, ...files } });
  await made.plugin.saveData({ exportPath: EXPORT, autoSync: false, conceptScopeFolders: ['Reading'], ...settings });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await flush();
  return made;
}

type Made = Awaited<ReturnType<typeof started>>;

async function rebuild(made: Made) {
  made.plugin.mock.command('rebuild-concept-links')!.callback!();
  await flush();
}

function openEditor(made: Made, path: string): MarkdownFileInfo & { editor: NonNullable<MarkdownFileInfo['editor']> } {
  const file = made.app.vault.getFileByPath(path)!;
  return made.app.workspace.openInEditor(file, made.app.vault.contentOf(path)!);
}

describe('concept links of synced notes', () => {
  it('links new notes when they are created, in Obsidian\'s link format, and lists them in the concept notes', async () => {
    // A second "ICL" outside the concepts folder: Obsidian's link format then writes the path, the plain one would not.
    const made = await started({}, { 'Archive/ICL.md': '# old\n' });
    const generate = jest.spyOn(made.app.fileManager, 'generateMarkdownLink');
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();

    expect(made.app.vault.contentOf(BROWN)).toContain('\ntags: GPT-3, [[Concepts/ICL|上下文学习]], ICL\n');
    expect(made.app.vault.contentOf('Literature/weiChainofthoughtPromptingElicits2022.md')).toContain('\ntags: [[CoT|思维链]], CoT\n');
    expect(generate).toHaveBeenCalledWith(made.app.vault.getFileByPath('Concepts/ICL.md'), BROWN, undefined, '上下文学习');
    // After the sync, the concept notes list the notes that mention them (the first concept run covers the scope).
    expect(made.app.vault.contentOf('Concepts/ICL.md')).toContain('[[brownLanguageModelsAre2020|Language Models Are Few-Shot Learners]]');
    expect(made.app.vault.contentOf(WEEK1)).toBe('We read about [[Concepts/ICL|in-context learning]] and about human feedback.\n');
    expect(noticeMessages().at(-1)).toBe('Library synced: 15 created, 0 updated, 0 unchanged, 0 conflicts, 0 errors.');
  });
});

describe('self-updating concept links', () => {
  it('re-links the notes an alias change affects, once, after the edits settle, and does not loop on its own writes', async () => {
    const made = await started();
    await rebuild(made);
    expect(made.app.vault.contentOf(WEEK1)).toBe('We read about [[ICL|in-context learning]] and about human feedback.\n');
    expect(noticeMessages().at(-1)).toBe('Concept links rebuilt: 1 link added, 4 notes updated.'); // week 1, the 3 sections
    // The rebuild's own writes come back as events: looked at once, after the quiet time, and found to be its own.
    await jest.advanceTimersByTimeAsync(3000);
    expect(made.conceptUpdates).toEqual([{ paths: ['Concepts/CoT.md', 'Concepts/ICL.md', 'Concepts/RLHF.md'], ran: false }]);
    made.conceptUpdates.length = 0;
    made.app.vault.resetWrites();

    // The user adds an alias, saving a few times while typing.
    const rlhf = (aliases: string) => `---\naliases: [${aliases}]\n---\n\nTraining with a reward model.\n`;
    await made.app.vault.setExternal('Concepts/RLHF.md', rlhf('reinforcement learning from human feedback, human'));
    await jest.advanceTimersByTimeAsync(700);
    await made.app.vault.setExternal('Concepts/RLHF.md', rlhf('reinforcement learning from human feedback, human feed'));
    await jest.advanceTimersByTimeAsync(700);
    await made.app.vault.setExternal('Concepts/RLHF.md', rlhf('reinforcement learning from human feedback, human feedback'));
    await jest.advanceTimersByTimeAsync(1900);
    expect(made.conceptUpdates).toEqual([]); // still within the quiet time

    await jest.advanceTimersByTimeAsync(200);
    expect(made.conceptUpdates).toEqual([{ paths: ['Concepts/RLHF.md'], ran: true }]);
    expect(made.app.vault.contentOf(WEEK1)).toBe('We read about [[ICL|in-context learning]] and about [[RLHF|human feedback]].\n');
    expect(made.app.vault.contentOf('Concepts/RLHF.md')).toContain('[[week 1]]');
    const written = [...made.app.vault.writes];
    // ICL's related concepts now include RLHF (both in week 1); week 2 and CoT untouched.
    expect([...new Set(written)].sort()).toEqual(['Concepts/ICL.md', 'Concepts/RLHF.md', WEEK1]);
    expect(made.app.vault.contentOf('Concepts/ICL.md')).toContain('[[RLHF]]');

    // Its own writes come back as events: looked at once, nothing rewritten, nothing scheduled again.
    await jest.advanceTimersByTimeAsync(60000);
    expect(made.conceptUpdates.slice(1)).toEqual([{ paths: ['Concepts/ICL.md', 'Concepts/RLHF.md'], ran: false }]);
    expect(made.app.vault.writes).toEqual(written);
    expect(jest.getTimerCount()).toBe(0);
    expect(noticeMessages().filter((m) => !/^(Linking concepts|Concept links rebuilt)/.test(m))).toEqual([]); // quiet: nothing to act on
  });

  it('leaves the note open in the editor alone, and links it once the user moves on', async () => {
    const made = await started();
    await rebuild(made);
    openEditor(made, WEEK1);
    await made.app.vault.setExternal('Concepts/RLHF.md', '---\naliases: [human feedback]\n---\n');
    await jest.advanceTimersByTimeAsync(2500);
    expect(made.app.vault.contentOf(WEEK1)).toBe('We read about [[ICL|in-context learning]] and about human feedback.\n');

    openEditor(made, WEEK2);
    await jest.advanceTimersByTimeAsync(2500);
    expect(made.app.vault.contentOf(WEEK1)).toBe('We read about [[ICL|in-context learning]] and about [[RLHF|human feedback]].\n');
  });
  it('tells the user about a term two concept notes share, and about a note it could not write', async () => {
    const made = await started();
    await rebuild(made);
    await jest.advanceTimersByTimeAsync(3000);
    resetUiLog();
    const process = made.app.vault.process.bind(made.app.vault);
    jest.spyOn(made.app.vault, 'process').mockImplementation((file, fn) => (file.path === WEEK1 ? Promise.reject(new Error('disk full')) : process(file, fn)));

    await made.app.vault.setExternal('Concepts/Human feedback.md', '---\naliases: [in-context learning, human feedback]\n---\n');
    await jest.advanceTimersByTimeAsync(2500);
    expect(noticeMessages()).toEqual([
      'Concept links: "in context learning" is a term of "Concepts/Human feedback.md" and "Concepts/ICL.md", so it is not linked.\nReading/week 1.md: disk full',
    ]);
    expect(made.app.vault.contentOf(WEEK1)).toBe('We read about [[ICL|in-context learning]] and about human feedback.\n');

    // The conflict is said once; the note that failed is tried again by the next update.
    jest.restoreAllMocks();
    await made.app.vault.setExternal('Concepts/CoT.md', `${made.app.vault.contentOf('Concepts/CoT.md')}\nMore.\n`);
    await jest.advanceTimersByTimeAsync(2500);
    expect(noticeMessages()).toHaveLength(1);
    expect(made.app.vault.contentOf(WEEK1)).toBe('We read about [[ICL|in-context learning]] and about [[Human feedback|human feedback]].\n');
  });
});

describe('concept commands', () => {
  it('"Link concepts in current note" edits through the editor: only the linked ranges, the cursor kept', async () => {
    const made = await started();
    const draft = await made.app.vault.setExternal('Drafts/idea.md', '# Idea\n\nTry chain of thought, then in-context learning. Also CoT.\n');
    const view = made.app.workspace.openInEditor(draft, made.app.vault.contentOf('Drafts/idea.md')!);
    view.editor.setCursor(2, 57); // at the end of the line: moves with the links inserted before it
    const command = made.plugin.mock.command('link-concepts-in-current-note')!;
    expect(command.editorCheckCallback!(true, view.editor, view)).toBe(true);
    made.app.vault.resetWrites();

    command.editorCheckCallback!(false, view.editor, view);
    await flush();
    expect(view.editor.getValue()).toBe('# Idea\n\nTry [[CoT|chain of thought]], then [[ICL|in-context learning]]. Also CoT.\n');
    expect(view.editor.log).toEqual([{ kind: 'transaction', changes: 2 }]);
    expect(view.editor.getCursor()).toEqual({ line: 2, ch: 73 });
    expect(made.app.vault.writes).toEqual([]); // the editor saves the note, not the plugin
    expect(noticeMessages()).toEqual(['Linked 2 concepts: CoT, ICL.']);

    command.editorCheckCallback!(false, view.editor, view);
    await flush();
    expect(noticeMessages().at(-1)).toBe('No new concept links in this note.');
    const canvas = { file: new TFile('Boards/plan.canvas'), editor: view.editor };
    expect(command.editorCheckCallback!(true, view.editor, canvas)).toBe(false);
  });

  it('"Rebuild concept links" links the whole scope with progress, skipping the note being edited', async () => {
    const made = await started();
    openEditor(made, WEEK1);
    await rebuild(made);
    expect(made.app.vault.contentOf(WEEK1)).toBe(READING[WEEK1]);
    expect(made.app.vault.contentOf('Concepts/ICL.md')).toContain('## ');
    const messages = allNoticeMessages();
    expect(messages[0]).toBe('Linking concepts…');
    expect(messages).toContain('Linking concepts… 5/5'); // 3 concept notes, 2 reading notes (no papers synced yet)
    expect(noticeMessages().at(-1)).toBe('Concept links rebuilt: 0 links added, 3 notes updated.\nLeft alone while open in the editor (linked later): Reading/week 1.md');
  });

  it('"Create concept notes from glossary" creates the missing notes and links them; hidden when the glossary is off', async () => {
    const made = await started();
    const command = made.plugin.mock.command('create-concept-notes-from-glossary')!;
    expect(command.checkCallback!(true)).toBe(true);
    command.checkCallback!(false);
    await flush();
    const concepts = Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Concepts/'));
    expect(concepts.length).toBeGreaterThan(GLOSSARY.length - 5); // ICL, CoT and RLHF were there already
    expect(concepts).toContain('Concepts/MLLM.md');
    expect(made.app.vault.contentOf('Concepts/ICL.md')!.startsWith(CONCEPTS['Concepts/ICL.md'])).toBe(true); // never overwritten
    expect(noticeMessages().at(-1)).toMatch(/^Created \d+ concept notes\.\nConcept links: \d+ links added, \d+ notes updated\.$/);

    await made.plugin.settingsStore.update({ useBuiltinGlossary: false });
    expect(command.checkCallback!(true)).toBe(false);
  });
});
