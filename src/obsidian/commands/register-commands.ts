/**
 * The plugin's commands (no default hotkeys; ids without the plugin id, names without the plugin name). Each
 * handler is thin: it gathers what the core needs from the controller, calls a CoreServices method and turns the
 * outcome into a notice, an opened note or an edit at the cursor. The concept commands are in concept-commands.ts,
 * the citation commands (and the `[@` suggester) in ../citations/citation-commands.ts.
 */
import { Platform, type Editor, type Plugin, type TFile } from 'obsidian';
import { entryZoteroUri, openInZoteroLink, zoteroSelectUri, type PaperEntry } from '../../core/library';
import { attempt, COMMAND_IDS } from '../plugin/attempt';
import { importPaperNote } from './import-paper';
import { registerConceptCommands } from './concept-commands';
import { registerCitationCommands } from '../citations/citation-commands';
import { openPaperSearch } from './paper-suggest-modal';
import { registerTakeZoteroCommand } from './take-zotero-command';
import type { PluginController } from '../plugin/plugin-controller';
import { summaryPlacement } from '../../core/notes';

export { COMMAND_IDS };

export function registerCommands(plugin: Plugin, controller: PluginController): void {
  const { app } = plugin;

  const pickPaper = (placeholder: string, onChoose: (paper: PaperEntry) => void) => openPaperSearch(controller, { placeholder, onChoose });

  plugin.addCommand({
    id: COMMAND_IDS.importPaper,
    name: 'Import paper',
    callback: () =>
      pickPaper('Search the library by title, author, year, citekey or venue…', (paper) => {
        void attempt(controller.notices, 'Import paper', async () => {
          const result = await importPaperNote(controller, paper.citekey);
          const file = app.vault.getFileByPath(result.path);
          if (file) await app.workspace.getLeaf(false).openFile(file);
        });
      }),
  });

  plugin.addCommand({
    id: COMMAND_IDS.syncLibrary,
    name: 'Sync Zotero library',
    callback: () => void controller.sync('manual'),
  });

  plugin.addCommand({
    id: COMMAND_IDS.insertPaperSummary,
    name: 'Insert paper summary',
    editorCallback: (editor: Editor) =>
      pickPaper('Paper to summarise at the cursor…', (paper) => {
        void attempt(controller.notices, 'Insert paper summary', async () => {
          const cursor = editor.getCursor();
          const place = summaryPlacement((n) => editor.getLine(n), cursor.line, cursor.ch);
          const whole = await controller.paper(paper.citekey);
          const entry = await controller.services.renderPaperSummary(whole, place.number, controller.context());
          editor.replaceSelection(place.prefix + entry);
        });
      }),
  });

  plugin.addCommand({
    id: COMMAND_IDS.openInZotero,
    name: 'Open in Zotero',
    checkCallback: (checking) => {
      const file = app.workspace.getActiveFile();
      const uri = file ? zoteroLinkOf(plugin, controller, file) : null;
      if (!uri) return false;
      // Obsidian hands custom schemes (zotero://) to the system on desktop and mobile.
      if (!checking) window.open(uri);
      return true;
    },
  });

  registerConceptCommands(plugin, controller);
  registerTakeZoteroCommand(plugin, controller);
  registerCitationCommands(plugin, controller);
}

/**
 * The Zotero link of a literature note: its `zotero` property, else the library's link for its `citekey`, else one
 * built from the citekey. On a phone only a link by item key works (BBT's `@citekey` form needs desktop Zotero), so
 * without one the command is not offered there.
 */
function zoteroLinkOf(plugin: Plugin, controller: PluginController, file: TFile): string | null {
  const fm: unknown = plugin.app.metadataCache.getFileCache(file)?.frontmatter;
  const citekey = stringProperty(fm, 'citekey');
  const entry = citekey ? controller.library.current?.entry(citekey) : undefined;
  const library = entry ? entryZoteroUri(entry) : null;
  const candidates = { note: stringProperty(fm, 'zotero'), library, fromCitekey: citekey ? zoteroSelectUri(citekey) : null };
  return openInZoteroLink(candidates, Platform.isMobile);
}

function stringProperty(frontmatter: unknown, key: string): string | null {
  if (frontmatter === null || typeof frontmatter !== 'object') return null;
  const value = (frontmatter as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
