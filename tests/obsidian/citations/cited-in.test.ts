/** "Cited in" in the plugin: kept current as notes are written, edited, renamed and deleted; rebuilt on demand. */
import { CITED_IN_UPDATE_DELAY_MS } from '../../../src/obsidian/citations/cited-in-watcher';
import { noticeMessages, allNoticeMessages } from '../../__mocks__/obsidian';
import { EXAMPLE_LIBRARY, flush, startedWith, usePluginTestEnvironment } from '../plugin-harness';

const EXPORT = 'Zotero/library.bib';
const BROWN = 'Literature/brownLanguageModelsAre2020.md';
const WEI = 'Literature/weiChainofthoughtPromptingElicits2022.md';
const DRAFT = 'Drafts/Survey.md';

usePluginTestEnvironment();

const started = (settings: Record<string, unknown> = {}, files: Record<string, string> = {}) => startedWith({ [EXPORT]: EXAMPLE_LIBRARY, ...files }, settings);

type Made = Awaited<ReturnType<typeof started>>;

/** The notes are synced and the first "Cited in" run (a full one, after the sync's writes settle) is over. */
async function synced(settings: Record<string, unknown> = {}, files: Record<string, string> = {}): Promise<Made> {
  const made = await started(settings, files);
  made.plugin.mock.ribbonIcons[0].el.click();
  await flush();
  await quiet();
  return made;
}

/** The quiet time after the last change, and then some. */
const quiet = () => jest.advanceTimersByTimeAsync(CITED_IN_UPDATE_DELAY_MS + 100);

function citedIn(made: Made, path: string): string | null {
  const text = made.app.vault.contentOf(path) ?? '';
  return /%% zcn:begin cited-in %%\n([\s\S]*?)%% zcn:end cited-in %%/.exec(text)?.[1] ?? null;
}

describe('"Cited in" kept current', () => {
  it('lists the notes that cite a paper once the edits settle, and follows edits, renames and deletions', async () => {
    const made = await synced();
    expect(citedIn(made, BROWN)).toBeNull(); // nothing cites it yet: no section

    await made.app.vault.setExternal(DRAFT, 'As [@brownLanguageModelsAre2020, p. 4] shows.\n');
    await jest.advanceTimersByTimeAsync(CITED_IN_UPDATE_DELAY_MS - 500);
    expect(citedIn(made, BROWN)).toBeNull(); // still within the quiet time
    await jest.advanceTimersByTimeAsync(600);
    expect(citedIn(made, BROWN)).toBe('## Cited in (1)\n\n- [[Survey]]\n');

    // Edited: a second citation of Brown, one of Wei in the author-in-text form.
    made.app.vault.resetWrites();
    await made.app.vault.setExternal(DRAFT, 'As [@brownLanguageModelsAre2020, p. 4] shows, and @weiChainofthoughtPromptingElicits2022 [p. 2] and [see @brownLanguageModelsAre2020].\n');
    await quiet();
    expect(citedIn(made, BROWN)).toBe('## Cited in (1)\n\n- [[Survey]] · 2 citations\n');
    expect(citedIn(made, WEI)).toBe('## Cited in (1)\n\n- [[Survey]]\n');
    expect([...new Set(made.app.vault.writes)].sort()).toEqual([DRAFT, BROWN, WEI].sort());

    // Renamed: the list names the note by its new name.
    await made.app.vault.rename(made.app.vault.getFileByPath(DRAFT)!, 'Drafts/Chapter 1.md');
    await quiet();
    expect(citedIn(made, BROWN)).toBe('## Cited in (1)\n\n- [[Chapter 1]] · 2 citations\n');

    // Deleted: the section stays and says so.
    made.app.vault.removeExternal('Drafts/Chapter 1.md');
    await quiet();
    expect(citedIn(made, BROWN)).toBe('## Cited in (0)\n\n*No note cites this paper any more.*\n');
    expect(citedIn(made, WEI)).toBe('## Cited in (0)\n\n*No note cites this paper any more.*\n');

    // Its own writes come back as events and change nothing: no loop, no timer left.
    made.app.vault.resetWrites();
    await jest.advanceTimersByTimeAsync(60000);
    expect(made.app.vault.writes).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
    expect(noticeMessages().filter((m) => m.includes('Cited in'))).toEqual([]); // quiet: nothing went wrong
  });

  it('writes links in Obsidian\'s own link format', async () => {
    const made = await synced({}, { 'Archive/Survey.md': 'An older survey.\n' });
    const generate = jest.spyOn(made.app.fileManager, 'generateMarkdownLink');
    await made.app.vault.setExternal(DRAFT, 'See [@brownLanguageModelsAre2020].\n');
    await quiet();
    // Two notes are named "Survey": Obsidian's format writes the path.
    expect(citedIn(made, BROWN)).toBe('## Cited in (1)\n\n- [[Drafts/Survey|Survey]]\n');
    expect(generate).toHaveBeenCalledWith(made.app.vault.getFileByPath(DRAFT), BROWN, undefined, 'Survey');
  });

  it('gives the notes a sync creates their section when something cites them already', async () => {
    const made = await started({}, { [DRAFT]: 'Cited before it was imported: [@brownLanguageModelsAre2020].\n' });
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    await quiet();
    expect(citedIn(made, BROWN)).toBe('## Cited in (1)\n\n- [[Survey]]\n');
    expect(citedIn(made, WEI)).toBeNull();
  });

  it('leaves the literature note the user is typing in alone, and writes it once they move on', async () => {
    const made = await synced();
    const view = made.app.workspace.openInEditor(made.app.vault.getFileByPath(BROWN)!, made.app.vault.contentOf(BROWN)!);
    await made.app.vault.setExternal(DRAFT, 'See [@brownLanguageModelsAre2020] and [@weiChainofthoughtPromptingElicits2022].\n');
    await quiet();
    expect(citedIn(made, WEI)).toBe('## Cited in (1)\n\n- [[Survey]]\n');
    expect(citedIn(made, BROWN)).toBeNull();
    expect(view.editor.getValue()).not.toContain('cited-in');

    made.app.workspace.openInEditor(made.app.vault.getFileByPath(DRAFT)!, made.app.vault.contentOf(DRAFT)!);
    await quiet();
    expect(citedIn(made, BROWN)).toBe('## Cited in (1)\n\n- [[Survey]]\n');
  });

  it('"Rebuild cited-in lists" rebuilds every section with progress, and names keys cited but unknown', async () => {
    const made = await synced();
    await made.app.vault.setExternal(DRAFT, 'See [@brownLanguageModelsAre2020; @ghost2019] and [[@weiChainofthoughtPromptingElicits2022]].\n');
    await quiet();
    // A section edited by hand is put right by the rebuild.
    await made.app.vault.setExternal(BROWN, made.app.vault.contentOf(BROWN)!.replace('- [[Survey]]', '- [[Somewhere else]]'));
    const command = made.plugin.mock.command('rebuild-cited-in-lists')!;
    expect(command.checkCallback!(true)).toBe(true);
    command.checkCallback!(false);
    await flush();
    expect(citedIn(made, BROWN)).toBe('## Cited in (1)\n\n- [[Survey]]\n');
    expect(allNoticeMessages()).toContain('Updating "Cited in"…');
    expect(noticeMessages().at(-1)).toBe('"Cited in" rebuilt: 3 citations, 1 note updated.\nCited, but in neither the library nor a note: @ghost2019');
  });

  it('writes nothing while "Cited in" is off, and catches up when it is turned on', async () => {
    const made = await synced({ citedInSections: false });
    await made.app.vault.setExternal(DRAFT, 'See [@brownLanguageModelsAre2020].\n');
    await quiet();
    expect(citedIn(made, BROWN)).toBeNull();
    expect(made.plugin.mock.command('rebuild-cited-in-lists')!.checkCallback!(true)).toBe(false);

    await made.plugin.settingsStore.update({ citedInSections: true });
    await quiet();
    expect(citedIn(made, BROWN)).toBe('## Cited in (1)\n\n- [[Survey]]\n');
  });

  it('stops on unload: an update still waiting writes nothing', async () => {
    const made = await synced();
    await made.app.vault.setExternal(DRAFT, 'See [@brownLanguageModelsAre2020].\n');
    made.app.vault.resetWrites();
    made.plugin.mock.unload();
    await jest.advanceTimersByTimeAsync(60000);
    expect(made.app.vault.writes).toEqual([]);
    expect(citedIn(made, BROWN)).toBeNull();
    expect(made.app.vault.listenerCount()).toBe(0);
  });
});
