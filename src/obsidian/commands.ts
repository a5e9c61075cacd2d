/**
 * The plugin's commands (no default hotkeys; ids without the plugin id, names without the plugin name). Each
 * handler is thin: it gathers what the core needs from the runtime, calls a PluginServices method and turns the
 * outcome into a notice, an opened note or an edit at the cursor.
 */
import { Notice, TFile, type Editor, type Plugin } from 'obsidian';
import { zoteroSelectUri, type Paper } from '../core/library/paper';
import { PaperSuggestModal } from './paper-suggest-modal';
import type { PluginRuntime } from './plugin-runtime';
import { FeatureUnavailableError } from './plugin-services';
import { errorMessage, formatProgress } from './sync-messages';

/** Command ids, for tests and for anyone binding hotkeys. */
export const COMMAND_IDS = {
  importPaper: 'import-paper',
  syncLibrary: 'sync-library',
  insertPaperSummary: 'insert-paper-summary',
  openInZotero: 'open-in-zotero',
  linkConceptsInNote: 'link-concepts-in-current-note',
  rebuildConceptLinks: 'rebuild-concept-links',
  createConceptNotes: 'create-concept-notes-from-glossary',
} as const;

/** Run a core operation; any failure becomes a notice the user can act on. */
async function attempt<T>(label: string, operation: () => Promise<T>): Promise<T | null> {
  try {
    return await operation();
  } catch (err) {
    if (err instanceof FeatureUnavailableError) new Notice(err.message);
    else new Notice(`${label} failed: ${errorMessage(err)}`, 0);
    return null;
  }
}

export function registerCommands(plugin: Plugin, runtime: PluginRuntime): void {
  const { app } = plugin;

  const pickPaper = (placeholder: string, onChoose: (paper: Paper) => void) =>
    new PaperSuggestModal(app, {
      current: runtime.library.current,
      load: () => runtime.loadLibrary(),
      noted: () => runtime.services.notedCitekeys(runtime.context()),
      placeholder,
      onChoose,
    }).open();

  plugin.addCommand({
    id: COMMAND_IDS.importPaper,
    name: 'Import paper',
    callback: () =>
      pickPaper('Search the library by title, author, year, citekey or venue…', (paper) => {
        void attempt('Import paper', async () => {
          const library = await runtime.loadLibrary();
          const result = await runtime.services.importPaper({ ...runtime.context(), exportText: library.text, library: library.result, citekey: paper.citekey });
          if (result.status === 'conflict') new Notice(result.message ?? `Your edits in ${result.path} were kept; the note was not updated.`);
          const file = app.vault.getFileByPath(result.path);
          if (file) await app.workspace.getLeaf(false).openFile(file);
        });
      }),
  });

  plugin.addCommand({
    id: COMMAND_IDS.syncLibrary,
    name: 'Sync library',
    callback: () => void runtime.sync('manual'),
  });

  plugin.addCommand({
    id: COMMAND_IDS.insertPaperSummary,
    name: 'Insert paper summary',
    editorCallback: (editor: Editor) =>
      pickPaper('Paper to summarise at the cursor…', (paper) => {
        void attempt('Insert paper summary', () => {
          editor.replaceSelection(runtime.services.renderPaperSummary(paper, runtime.context()));
          return Promise.resolve();
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
      if (!checking) window.open(uri);
      return true;
    },
  });

  plugin.addCommand({
    id: COMMAND_IDS.linkConceptsInNote,
    name: 'Link concepts in current note',
    checkCallback: (checking) => {
      const file = app.workspace.getActiveFile();
      if (!(file instanceof TFile) || file.extension !== 'md') return false;
      if (!checking) {
        void attempt('Link concepts', async () => {
          const result = await runtime.services.linkConceptsInNote({ ...runtime.context(), path: file.path });
          const added = result.links[file.path]?.length ?? 0;
          new Notice(added === 0 ? 'No new concept links in this note.' : `Linked ${added} concept${added === 1 ? '' : 's'}.`);
        });
      }
      return true;
    },
  });

  plugin.addCommand({
    id: COMMAND_IDS.rebuildConceptLinks,
    name: 'Rebuild concept links',
    callback: () => {
      const notice = new Notice('Linking concepts…', 0);
      void attempt('Rebuild concept links', async () => {
        const result = await runtime.services.rebuildConceptLinks({
          ...runtime.context(),
          onProgress: (p) => notice.setMessage(formatProgress('Linking concepts', p)),
        });
        const conflicts = result.conflicts.length > 0 ? ` ${result.conflicts.length} alias conflicts, see the concept notes.` : '';
        new Notice(`Concept links rebuilt: ${result.updated.length} notes updated.${conflicts}`, 10000);
      }).finally(() => notice.hide());
    },
  });

  plugin.addCommand({
    id: COMMAND_IDS.createConceptNotes,
    name: 'Create concept notes from glossary',
    checkCallback: (checking) => {
      if (!runtime.settings.settings.useBuiltinGlossary) return false;
      if (!checking) {
        void attempt('Create concept notes', async () => {
          const created = await runtime.services.createConceptNotesFromGlossary(runtime.context());
          new Notice(created.length === 0 ? 'Every glossary concept already has a note.' : `Created ${created.length} concept notes.`);
        });
      }
      return true;
    },
  });
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
