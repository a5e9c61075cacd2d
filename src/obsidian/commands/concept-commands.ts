/**
 * The concept commands: "Link concepts in current note" (through the editor, never the vault, so the user's cursor,
 * selection and undo history survive), "Rebuild concept links" (the whole scope, with progress), "Create concept
 * notes from glossary" (shown only while the built-in glossary is on) and "Suggest concepts from library" (the
 * terms the user's notes and papers define; the ticked ones become concept notes). The user's own notes adopted
 * as concepts are reported and remembered in the settings.
 */
import type { Editor, MarkdownFileInfo, MarkdownView, Plugin } from 'obsidian';
import { attempt, COMMAND_IDS } from '../plugin/attempt';
import { NOTICE_MS, withProgress } from '../plugin/notices';
import { applyEditorEdits } from '../vault/open-editor';
import type { PluginController } from '../plugin/plugin-controller';
import { formatConceptRun, formatGlossaryOutcome, type GlossaryOutcome } from '../../core/concepts';
import { mapWholePapers } from '../../core/library';
import { SuggestConceptsModal } from '../concepts/suggest-concepts-modal';
import { errorMessage } from '../../core/text';

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
      void withProgress(controller.notices, CONCEPT_PROGRESS, 'Linking concepts', async (onProgress) => {
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
        void withProgress(controller.notices, CONCEPT_PROGRESS, 'Creating concept notes', async (onProgress) => {
          const result = await attempt(controller.notices, 'Create concept notes', async () => {
            const outcome = await controller.services.createConceptNotesFromGlossary(controller.context(), onProgress);
            await saveAdoptions(controller, outcome);
            return outcome;
          });
          if (result) controller.notices.show(RESULT, formatGlossaryOutcome(result, 'Every glossary concept already has a note.'), NOTICE_MS.result);
        });
      }
      return true;
    },
  });

  plugin.addCommand({
    id: COMMAND_IDS.suggestConcepts,
    name: 'Suggest concepts from library',
    callback: () => {
      new SuggestConceptsModal(plugin.app, {
        find: async () => {
          // The library's titles and abstracts when the export can be read; the notes alone otherwise, saying why.
          let warning: string | undefined;
          const library = !controller.exportsSet() ? null : await controller.loadLibrary().catch((err: unknown) => {
            warning = `Only your notes were read: the library could not be loaded (${errorMessage(err)}).`;
            return null;
          });
          const papers = library ? await mapWholePapers(library, ({ citekey, title, abstract }) => ({ citekey, title, abstract })) : [];
          return { ...(await controller.services.suggestConcepts(controller.context(), papers, 1)), warning };
        },
        onAccept: (chosen) =>
          void withProgress(controller.notices, CONCEPT_PROGRESS, 'Creating concept notes', async (onProgress) => {
            const result = await attempt(controller.notices, 'Create concept notes', async () => {
              const outcome = await controller.services.acceptConceptSuggestions(chosen, controller.context(), onProgress);
              await saveAdoptions(controller, outcome);
              return outcome;
            });
            if (result) controller.notices.show(RESULT, formatGlossaryOutcome(result, 'No concept note was created: each term has one already.'), NOTICE_MS.result);
          }),
      }).open();
    },
  });
}

/** Remember the user's notes adopted as concept notes (the next runs read them as concepts). */
async function saveAdoptions(controller: PluginController, outcome: GlossaryOutcome): Promise<void> {
  if (outcome.adoptedConcepts) await controller.settings.update({ adoptedConcepts: outcome.adoptedConcepts });
}

/** Notice kinds: the progress of a concept run, and its result (or the result of linking one note). */
export const CONCEPT_PROGRESS = 'concepts-progress';
export const CONCEPT_RESULT = 'concepts';
const RESULT = CONCEPT_RESULT;

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
