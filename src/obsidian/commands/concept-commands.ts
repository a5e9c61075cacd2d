/**
 * The concept commands: "Link concepts in current note" (through the editor, never the vault, so the user's cursor,
 * selection and undo history survive), "Rebuild concept links" (the whole scope, with progress) and "Create concept
 * notes from glossary" (shown only while the built-in glossary is on).
 */
import type { Editor, MarkdownFileInfo, MarkdownView, Plugin } from 'obsidian';
import { attempt, COMMAND_IDS } from '../plugin/attempt';
import { NOTICE_MS, type Notices } from '../plugin/notices';
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
      if (!checking) void attempt(controller.notices, 'Link concepts', () => linkInEditor(controller, editor, view, path));
      return true;
    },
  });

  plugin.addCommand({
    id: COMMAND_IDS.rebuildConceptLinks,
    name: 'Rebuild concept links',
    callback: () =>
      void withProgress(controller.notices, 'Linking concepts', async (onProgress) => {
        const result = await attempt(controller.notices, 'Rebuild concept links', () => controller.services.rebuildConceptLinks(controller.context(), onProgress));
        if (result) controller.notices.show(RESULT, formatConceptRun('Concept links rebuilt', result), NOTICE_MS.result);
      }),
  });

  plugin.addCommand({
    id: COMMAND_IDS.createConceptNotes,
    name: 'Create concept notes from glossary',
    checkCallback: (checking) => {
      if (!controller.settings.settings.useBuiltinGlossary) return false;
      if (!checking) {
        void withProgress(controller.notices, 'Creating concept notes', async (onProgress) => {
          const result = await attempt(controller.notices, 'Create concept notes', () => controller.services.createConceptNotesFromGlossary(controller.context(), onProgress));
          if (!result) return;
          const created = result.created.length === 0 ? 'Every glossary concept already has a note.' : `Created ${result.created.length} concept notes.`;
          controller.notices.show(RESULT, `${created}\n${formatConceptRun('Concept links', result.links)}`, NOTICE_MS.result);
        });
      }
      return true;
    },
  });
}

/** Notice kinds: the progress of a concept run, and its result (or the result of linking one note). */
const PROGRESS = 'concepts-progress';
const RESULT = 'concepts';

/** A notice showing progress while `task` runs, hidden when it ends. */
async function withProgress(notices: Notices, what: string, task: (onProgress: (p: SyncProgress) => void) => Promise<void>): Promise<void> {
  notices.show(PROGRESS, formatProgress(what, null), NOTICE_MS.sticky);
  let shown = '';
  try {
    await task((progress) => {
      const text = formatProgress(what, progress);
      if (text !== shown) notices.show(PROGRESS, (shown = text), NOTICE_MS.sticky);
    });
  } finally {
    notices.hide(PROGRESS);
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
      controller.notices.show(RESULT, 'No new concept links in this note.', NOTICE_MS.short);
      return;
    }
    applyEditorEdits(editor, result.edits);
    const n = result.concepts.length;
    controller.notices.show(RESULT, `Linked ${n} concept${n === 1 ? '' : 's'}: ${result.concepts.join(', ')}.`, NOTICE_MS.short);
    return;
  }
  controller.notices.show(RESULT, 'The note kept changing while its links were computed; nothing was linked. Try again.', NOTICE_MS.short);
}
