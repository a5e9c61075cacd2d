/**
 * "Take Zotero's version of this note's managed parts" on the active note: a conflicted key and region get
 * Zotero's text back through the editor (one undo restores the user's), the rest of the note stays.
 */
import { noticeMessages } from '../../__mocks__/obsidian';
import { EXAMPLE_LIBRARY, flush, loadPlugin, makePlugin, usePluginTestEnvironment } from '../plugin-harness';

const EXPORT = 'Zotero/library.bib';
const BROWN = 'Literature/brownLanguageModelsAre2020.md';
const TITLE = 'Language Models Are Few-Shot Learners';

usePluginTestEnvironment();

async function synced() {
  const made = await makePlugin({ files: { [EXPORT]: EXAMPLE_LIBRARY } });
  await made.plugin.saveData({ exportPath: EXPORT, autoSync: false });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await flush();
  made.plugin.mock.ribbonIcons[0].el.click();
  await flush();
  return made;
}

describe("take Zotero's version", () => {
  it('is offered on a literature note only', async () => {
    const made = await synced();
    const command = made.plugin.mock.command('take-zotero-version')!;
    expect(command.name).toBe("Take Zotero's version of this note's managed parts");
    expect(command.checkCallback!(true)).toBe(false);
    await made.app.vault.setExternal('Ideas.md', '# My ideas\n');
    made.app.workspace.openInEditor(made.app.vault.getFileByPath('Ideas.md')!, '# My ideas\n');
    expect(command.checkCallback!(true)).toBe(false);
    made.app.workspace.openInEditor(made.app.vault.getFileByPath(BROWN)!, made.app.vault.contentOf(BROWN)!);
    expect(command.checkCallback!(true)).toBe(true);
  });

  it('puts back a conflicted title through the editor, keeps the rest, and ends the conflict', async () => {
    const made = await synced();
    const mine = made.app.vault
      .contentOf(BROWN)!
      .replace(`title: ${TITLE}\n`, 'title: My title\n')
      .replace('## Notes\n', '## Notes\n\nMy reading notes.\n');
    await made.app.vault.setExternal(BROWN, mine);
    await made.app.vault.setExternal(EXPORT, EXAMPLE_LIBRARY.replace(TITLE, `${TITLE} (v2)`));
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(made.summaries.at(-1)?.conflicts).toEqual([BROWN]);

    const view = made.app.workspace.openInEditor(made.app.vault.getFileByPath(BROWN)!, mine);
    made.plugin.mock.command('take-zotero-version')!.checkCallback!(false);
    await flush();
    expect(noticeMessages().at(-1)).toBe(`Zotero's version of the managed parts of ${BROWN} is back. Undo in the editor to get yours again.`);
    const text = view.editor.getValue();
    expect(text).toContain(`title: ${TITLE} (v2)\n`);
    expect(text).toContain(`# ${TITLE} (v2)\n`);
    expect(text).toContain('## Notes\n\nMy reading notes.\n');
    expect(view.editor.log.length).toBeGreaterThan(0); // edited in the editor, so undo works

    await view.save();
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(made.summaries.at(-1)).toMatchObject({ conflicts: [], errors: [] });
  });
});
