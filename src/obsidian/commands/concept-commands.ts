/**
 * The concept commands: "Link concepts in current note" (through the editor, never the vault, so the user's cursor,
 * selection and undo history survive), "Rebuild concept links" (the whole scope, with progress) and "Create concept
 * notes from glossary" (shown only while the built-in glossary is on).
 */
import { Notice, type Editor, type MarkdownFileInfo, type MarkdownView, type Plugin } from 'obsidian';
import { attempt, COMMAND_IDS } from '../plugin/attempt';
import { applyEditorEdits } from '../vault/open-editor';
import type { PluginController } from '../plugin/plugin-controller';
import { formatConceptRun } from '../../core/concepts';
import { formatProgress, type SyncProgress } from '../../core/sync';

/** Tries before giving up on a note the user keeps typing into while its links are computed. */
const LINK_TRIES = 3;

export function registerConceptCommands(plugin: Plugin, controller: PluginController): void {
  plugin.addCommand({
    id: COMMAND_IDS.linkConceptsInNote,
    name: 'Link concepts in current note',
    editorCheckCallback: (checking, editor, view) => {
      const path = view.file?.extension === 'md' ? view.file.path : null;
      if (path === null) return false;
      if (!checking) void attempt('Link concepts', () => linkInEditor(controller, editor, view, path));
      return true;
    },
  });

  plugin.addCommand({
    id: COMMAND_IDS.rebuildConceptLinks,
    name: 'Rebuild concept links',
    callback: () =>
      void withProgress('Linking concepts', async (onProgress) => {
        const result = await attempt('Rebuild concept links', () => controller.services.rebuildConceptLinks(controller.context(), onProgress));
        if (result) new Notice(formatConceptRun('Concept links rebuilt', result), 10000);
      }),
  });

  plugin.addCommand({
    id: COMMAND_IDS.createConceptNotes,
    name: 'Create concept notes from glossary',
    checkCallback: (checking) => {
      if (!controller.settings.settings.useBuiltinGlossary) return false;
      if (!checking) {
        void withProgress('Creating concept notes', async (onProgress) => {
          const result = await attempt('Create concept notes', () => controller.services.createConceptNotesFromGlossary(controller.context(), onProgress));
          if (!result) return;
          const created = result.created.length === 0 ? 'Every glossary concept already has a note.' : `Created ${result.created.length} concept notes.`;
          new Notice(`${created}\n${formatConceptRun('Concept links', result.links)}`, 10000);
        });
      }
      return true;
    },
  });
}

/** A notice showing progress while `task` runs, hidden when it ends. */
async function withProgress(what: string, task: (onProgress: (p: SyncProgress) => void) => Promise<void>): Promise<void> {
  const notice = new Notice(formatProgress(what, null), 0);
  let shown = '';
  try {
    await task((progress) => {
      const text = formatProgress(what, progress);
      if (text !== shown) notice.setMessage((shown = text));
    });
  } finally {
    notice.hide();
  }
}

/** Link the note in `editor`: minimal replacements in one transaction, recomputed if the user typed meanwhile. */
async function linkInEditor(controller: PluginController, editor: Editor, view: MarkdownView | MarkdownFileInfo, path: string): Promise<void> {
  for (let tries = 0; tries < LINK_TRIES; tries++) {
    const text = editor.getValue();
    const result = await controller.services.linkConceptsInText(text, path, controller.context());
    if (view.file?.path !== path) return; // the editor shows another note now
    if (editor.getValue() !== text) continue;
    if (result.edits.length === 0) {
      new Notice('No new concept links in this note.');
      return;
    }
    applyEditorEdits(editor, result.edits);
    const n = result.concepts.length;
    new Notice(`Linked ${n} concept${n === 1 ? '' : 's'}: ${result.concepts.join(', ')}.`);
    return;
  }
  new Notice('The note kept changing while its links were computed; nothing was linked. Try again.');
}
