/**
 * Citing while writing: "Insert citation" (the library search; the citation template at the cursor, with the
 * locator typed after a comma), "Insert link to literature note" (a link in the user's link format to the paper's
 * note, which is imported first when it does not exist), "Rebuild cited-in lists" (every "Cited in" section, with
 * progress), and the `[@` suggester. No default hotkeys.
 */
import type { Editor, MarkdownFileInfo, MarkdownView, Plugin, TFile } from 'obsidian';
import { formatCitedInRun, linkTextOf } from '../../core/citations';
import type { PaperEntry } from '../../core/library';
import { isInFolder } from '../../core/vault';
import { importPaperNote } from '../commands/import-paper';
import { openPaperSearch } from '../commands/paper-suggest-modal';
import { attempt, COMMAND_IDS } from '../plugin/attempt';
import { NOTICE_MS, withProgress } from '../plugin/notices';
import type { PluginController } from '../plugin/plugin-controller';
import { CitationSuggest } from './citation-suggest';

export function registerCitationCommands(plugin: Plugin, controller: PluginController): void {
  const { app } = plugin;
  plugin.registerEditorSuggest(new CitationSuggest(app, controller));

  plugin.addCommand({
    id: COMMAND_IDS.insertCitation,
    name: 'Insert citation',
    editorCallback: (editor: Editor) =>
      openPaperSearch(controller, {
        placeholder: 'Cite a paper: title, author, year or citekey; ", p. 33" after it adds a locator…',
        locator: true,
        onChoose: (paper, locator) =>
          void attempt(controller.notices, 'Insert citation', async () => {
            const [renderer, whole] = await Promise.all([controller.services.citationRenderer(controller.context()), controller.paper(paper.citekey)]);
            editor.replaceSelection(renderer.render(whole, locator));
          }),
      }),
  });

  plugin.addCommand({
    id: COMMAND_IDS.insertLiteratureLink,
    name: 'Insert link to literature note',
    editorCallback: (editor: Editor, view: MarkdownView | MarkdownFileInfo) =>
      openPaperSearch(controller, {
        placeholder: 'Link to the note of a paper: title, author, year or citekey…',
        onChoose: (paper) =>
          void attempt(controller.notices, 'Insert link to literature note', async () => {
            const file = literatureNoteOf(plugin, controller, paper.citekey) ?? (await importedNote(plugin, controller, paper));
            if (!file) throw new Error(`no note could be made for ${paper.citekey}`);
            editor.replaceSelection(app.fileManager.generateMarkdownLink(file, view.file?.path ?? '', undefined, linkTextOf(paper.title) || undefined));
          }),
      }),
  });

  plugin.addCommand({
    id: COMMAND_IDS.rebuildCitedIn,
    name: 'Rebuild cited-in lists',
    checkCallback: (checking) => {
      if (!controller.settings.settings.citedInSections) return false;
      if (!checking) {
        void withProgress(controller.notices, 'citations-progress', 'Updating "Cited in"', async (onProgress) => {
          const result = await attempt(controller.notices, 'Rebuild cited-in lists', async () => {
            // The library's keys tell a paper without a note from a key cited by mistake (listed as unknown).
            const keys = !controller.exportsSet() ? null : await controller.loadLibrary().catch(() => null);
            return controller.services.updateCitedIn(null, controller.context(), keys, onProgress);
          });
          if (result) controller.notices.show('citations', formatCitedInRun('"Cited in" rebuilt', result), NOTICE_MS.result);
        });
      }
      return true;
    },
  });
}

/** The literature note of `citekey` as Obsidian's index knows it: a note in the notes folder with that `citekey`. */
function literatureNoteOf(plugin: Plugin, controller: PluginController, citekey: string): TFile | null {
  const folder = controller.context().settings.notesFolder;
  for (const file of plugin.app.vault.getMarkdownFiles()) {
    if (!isInFolder(file.path, folder)) continue;
    const value: unknown = plugin.app.metadataCache.getFileCache(file)?.frontmatter?.citekey;
    if (value === citekey || (typeof value === 'number' && String(value) === citekey)) return file;
  }
  return null;
}

/** The paper's note after importing it (the import finds a note the index has not parsed yet, and never makes a second). */
async function importedNote(plugin: Plugin, controller: PluginController, paper: PaperEntry): Promise<TFile | null> {
  const result = await importPaperNote(controller, paper.citekey);
  return plugin.app.vault.getFileByPath(result.path);
}
