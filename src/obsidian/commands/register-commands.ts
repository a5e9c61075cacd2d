/**
 * The plugin's commands (no default hotkeys; ids without the plugin id, names without the plugin name). Each
 * handler is thin: it gathers what the core needs from the controller, calls a CoreServices method and turns the
 * outcome into a notice, an opened note or an edit at the cursor. The concept commands are in concept-commands.ts.
 */
import { Notice, type Editor, type Plugin, type TFile } from 'obsidian';
import { zoteroSelectUri, type PaperEntry } from '../../core/library';
import { attempt, COMMAND_IDS } from '../plugin/attempt';
import { registerConceptCommands } from './concept-commands';
import { PaperSuggestModal } from './paper-suggest-modal';
import type { PluginController } from '../plugin/plugin-controller';
import { summaryPlacement } from '../../core/notes';

export { COMMAND_IDS };

export function registerCommands(plugin: Plugin, controller: PluginController): void {
  const { app } = plugin;

  const pickPaper = (placeholder: string, onChoose: (paper: PaperEntry) => void) =>
    new PaperSuggestModal(app, {
      current: controller.library.current,
      load: () => controller.loadLibrary(),
      noted: () => controller.services.notedCitekeys(),
      placeholder,
      onChoose,
    }).open();

  plugin.addCommand({
    id: COMMAND_IDS.importPaper,
    name: 'Import paper',
    callback: () =>
      pickPaper('Search the library by title, author, year, citekey or venue…', (paper) => {
        void attempt('Import paper', async () => {
          const library = await controller.loadLibrary();
          const result = await controller.services.importPaper({ ...controller.context(), ...controller.exportOf(library), citekey: paper.citekey });
          if (result.status === 'conflict') new Notice(result.message ?? `Your edits in ${result.path} were kept.`, 10000);
          for (const warning of result.warnings ?? []) new Notice(warning, 10000);
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
        void attempt('Insert paper summary', async () => {
          const cursor = editor.getCursor();
          const place = summaryPlacement((n) => editor.getLine(n), cursor.line, cursor.ch);
          const whole = await (await controller.loadLibrary()).paper(paper.citekey);
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
      const uri = file ? zoteroLinkOf(plugin, file) : null;
      if (!uri) return false;
      // Obsidian hands custom schemes (zotero://) to the system on desktop and mobile.
      if (!checking) window.open(uri);
      return true;
    },
  });

  registerConceptCommands(plugin, controller);
}

/** The Zotero link of a literature note: its `zotero` property, else one built from its `citekey`. */
function zoteroLinkOf(plugin: Plugin, file: TFile): string | null {
  const fm: unknown = plugin.app.metadataCache.getFileCache(file)?.frontmatter;
  const zotero = stringProperty(fm, 'zotero');
  if (zotero?.startsWith('zotero://')) return zotero;
  const citekey = stringProperty(fm, 'citekey');
  return citekey ? zoteroSelectUri(citekey) : null;
}

function stringProperty(frontmatter: unknown, key: string): string | null {
  if (frontmatter === null || typeof frontmatter !== 'object') return null;
  const value = (frontmatter as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
