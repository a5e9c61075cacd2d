/**
 * The editor a note is open in, if any, and how to change its text there. A note open in an editor is changed
 * through the editor, never replaced on disk under it: minimal replacements in one transaction keep the cursor,
 * the selection, the undo history (one undo step) and any typing not saved yet; the editor saves the file itself.
 */
import { MarkdownView, type App, type Editor } from 'obsidian';
import { minimalEdits, type TextEdit } from '../../core/text';

/** The editor showing the note at `path` (vault path): the active one (also a canvas card), else any Markdown tab. */
export function findOpenEditor(app: App, path: string): Editor | null {
  const active = app.workspace.activeEditor;
  if (active?.file?.path === path && active.editor) return active.editor;
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (view instanceof MarkdownView && view.file?.path === path) return view.editor;
  }
  return null;
}

/** Apply `edits` (offsets in the editor's current text) as one transaction. */
export function applyEditorEdits(editor: Editor, edits: readonly TextEdit[]): void {
  if (edits.length === 0) return;
  editor.transaction({ changes: edits.map((e) => ({ from: editor.offsetToPos(e.from), to: editor.offsetToPos(e.to), text: e.text })) });
}

/** Turn the editor's text into `next` with the fewest replacements. */
export function replaceEditorText(editor: Editor, next: string): void {
  applyEditorEdits(editor, minimalEdits(editor.getValue(), next));
}
