/** `EditorSuggest` (https://docs.obsidian.md/Reference/TypeScript+API/EditorSuggest): a suggester in the editor. */
import type { App } from './app';
import { MockElement } from './dom';
import type { Editor, EditorPosition } from './editor';
import type { Instruction } from './ui';
import type { TFile } from './vault';

/** https://docs.obsidian.md/Reference/TypeScript+API/EditorSuggestTriggerInfo */
export interface EditorSuggestTriggerInfo {
  start: EditorPosition;
  end: EditorPosition;
  query: string;
}

/** https://docs.obsidian.md/Reference/TypeScript+API/EditorSuggestContext */
export interface EditorSuggestContext extends EditorSuggestTriggerInfo {
  editor: Editor;
  file: TFile;
}

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/EditorSuggest — Obsidian calls `onTrigger` on every keystroke in
 * the editor of a registered suggester (Plugin.registerEditorSuggest), then `getSuggestions` with the context, and
 * shows the popover; Enter or a click calls `selectSuggestion`. Here a test types with `simulateTyping` (which calls
 * onTrigger for the editor's cursor as the keystroke would) and picks with `simulateSelect`. No popover is drawn:
 * `suggestions` and `suggestionEls` hold what it would show.
 */
export abstract class EditorSuggest<T> {
  context: EditorSuggestContext | null = null;
  limit = 100;
  instructions: Instruction[] = [];
  /** Mock only: what the popover shows (after simulateTyping), and each suggestion as rendered. */
  suggestions: T[] = [];
  suggestionEls: MockElement[] = [];
  /** Mock only: the popover is open. */
  isOpen = false;

  constructor(readonly app: App) {}

  setInstructions(instructions: Instruction[]): void {
    this.instructions = instructions;
  }

  abstract onTrigger(cursor: EditorPosition, editor: Editor, file: TFile | null): EditorSuggestTriggerInfo | null;
  abstract getSuggestions(context: EditorSuggestContext): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: MockElement): void;
  abstract selectSuggestion(value: T, evt: unknown): void;

  close(): void {
    this.isOpen = false;
    this.context = null;
  }

  /** Mock only: a keystroke left the editor as it is now; returns the suggestions shown (none: closed). */
  async simulateTyping(editor: Editor, file: TFile): Promise<T[]> {
    const info = this.onTrigger(editor.getCursor(), editor, file);
    if (!info) {
      this.close();
      this.suggestions = [];
      return [];
    }
    this.context = { ...info, editor, file };
    this.isOpen = true;
    this.suggestions = (await this.getSuggestions(this.context)).slice(0, this.limit);
    this.suggestionEls = this.suggestions.map((s) => {
      const el = new MockElement('div');
      this.renderSuggestion(s, el);
      return el;
    });
    return this.suggestions;
  }

  /** Mock only: the user picked `item` (Enter or a click). */
  simulateSelect(item: T): void {
    this.selectSuggestion(item, { type: 'keydown', key: 'Enter' });
  }
}
