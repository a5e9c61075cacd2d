/**
 * `Notice`, `Modal`, `SuggestModal`, `FuzzySuggestModal` and `prepareFuzzySearch`
 * (https://docs.obsidian.md/Reference/TypeScript+API/Notice, …/Modal, …/SuggestModal, …/FuzzySuggestModal).
 * Notices and opened modals are recorded in module-level logs that a test resets with `resetUiLog()`.
 */
import type { App } from './app';
import { MockElement } from './dom';

const noticeLog: Notice[] = [];
const modalLog: Modal[] = [];

/** Mock only: forget recorded notices and modals (call in beforeEach). */
export function resetUiLog(): void {
  noticeLog.length = 0;
  modalLog.length = 0;
}

/** Mock only: the current message of every notice shown since the last reset, oldest first. */
export function noticeMessages(): string[] {
  return noticeLog.map((n) => n.message);
}

/** Mock only: every message any notice showed (including progress updates via setMessage), oldest first. */
export function allNoticeMessages(): string[] {
  return noticeLog.flatMap((n) => n.history);
}

/** Mock only: modals opened since the last reset, oldest first. */
export function openedModals(): Modal[] {
  return [...modalLog];
}

/** Mock only: how long a notice without a duration stays (Obsidian's default is a few seconds). */
export const DEFAULT_NOTICE_MS = 5000;

/** A notice's element: on the page while the notice is shown. */
class NoticeElement extends MockElement {
  constructor(private readonly notice: Notice) {
    super('div');
  }

  override get isConnected(): boolean {
    return this.notice.visible;
  }
}

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/Notice — strings only in this mock. Like the real one it goes
 * away after its duration (read from the clock, so fake timers drive it, without a timer of its own that a test
 * counting the plugin's timers would see; 0 stays), when hidden, or when the user clicks it away
 * (`simulateDismiss`); then its elements leave the page (`messageEl.isConnected` is false).
 */
export class Notice {
  readonly noticeEl: MockElement = new NoticeElement(this);
  readonly containerEl = this.noticeEl;
  readonly messageEl = this.noticeEl.createDiv('notice-message');
  private readonly shownAt = Date.now();
  /** Mock only: every message this notice showed, in order. */
  readonly history: string[] = [];
  hidden = false;

  constructor(
    message: string,
    readonly duration?: number,
  ) {
    this.setMessage(message);
    noticeLog.push(this);
  }

  /** Mock only: the message shown now. */
  get message(): string {
    return this.history[this.history.length - 1] ?? '';
  }

  /** Mock only: still on screen (not timed out, hidden or dismissed). */
  get visible(): boolean {
    const ms = this.duration ?? DEFAULT_NOTICE_MS;
    return !this.hidden && (ms === 0 || Date.now() < this.shownAt + ms);
  }

  setMessage(message: string): this {
    this.history.push(message);
    this.messageEl.setText(message);
    return this;
  }

  hide(): void {
    this.hidden = true;
  }

  /** Mock only: the user clicked the notice away. */
  simulateDismiss(): void {
    this.hide();
  }
}

/** Mock only: the notices on screen now, oldest first. */
export function visibleNotices(): Notice[] {
  return noticeLog.filter((n) => n.visible);
}

/** https://docs.obsidian.md/Reference/TypeScript+API/Modal */
export class Modal {
  readonly containerEl = new MockElement('div');
  readonly modalEl = new MockElement('div');
  readonly titleEl = new MockElement('div');
  readonly contentEl = new MockElement('div');
  /** Mock only: between open() and close(). */
  isOpen = false;

  constructor(readonly app: App) {}

  open(): void {
    this.isOpen = true;
    modalLog.push(this);
    void this.onOpen();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.onClose();
  }

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  onOpen(): void | Promise<void> {}

  onClose(): void {}
}

/** https://docs.obsidian.md/Reference/TypeScript+API/Instruction */
export interface Instruction {
  command: string;
  purpose: string;
}

/** https://docs.obsidian.md/Reference/TypeScript+API/SuggestModal */
export abstract class SuggestModal<T> extends Modal {
  readonly inputEl = new MockElement('input');
  readonly resultContainerEl = new MockElement('div');
  emptyStateText = 'No results found.';
  limit = 100;
  placeholder = '';
  instructions: Instruction[] = [];
  /** Mock only: the suggestions last rendered (after simulateQuery, or an input event on inputEl). */
  suggestions: T[] = [];

  constructor(app: App) {
    super(app);
    // As in Obsidian, an input event on the search field runs the search again.
    this.inputEl.addEventListener('input', () => void this.simulateQuery(this.inputEl.value));
  }

  setPlaceholder(placeholder: string): void {
    this.placeholder = placeholder;
  }

  setInstructions(instructions: Instruction[]): void {
    this.instructions = instructions;
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: MockElement): void;
  abstract onChooseSuggestion(item: T, evt: unknown): unknown;

  /** Mock only: the user typed `query`; returns the suggestions (at most `limit`) and renders them. */
  async simulateQuery(query: string): Promise<T[]> {
    this.inputEl.value = query;
    const items = (await this.getSuggestions(query)).slice(0, this.limit);
    this.suggestions = items;
    this.resultContainerEl.empty();
    if (items.length === 0) this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
    for (const item of items) this.renderSuggestion(item, this.resultContainerEl.createDiv('suggestion-item'));
    return items;
  }

  /** Mock only: the user chose `item` (Obsidian closes the modal first, then calls onChooseSuggestion). */
  async simulateChoose(item: T): Promise<void> {
    this.close();
    await this.onChooseSuggestion(item, { type: 'click' });
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/SearchResult */
export interface SearchResult {
  score: number;
  matches: [number, number][];
}

/** https://docs.obsidian.md/Reference/TypeScript+API/FuzzyMatch */
export interface FuzzyMatch<T> {
  item: T;
  match: SearchResult;
}

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/prepareFuzzySearch — an approximation: the query's
 * non-space characters must appear in order (case-insensitive); fewer and shorter gaps score higher (scores ≤ 0).
 */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
  const needle = [...query.toLowerCase().replace(/\s+/g, '')];
  return (text: string) => {
    const hay = text.toLowerCase();
    const matches: [number, number][] = [];
    let from = 0;
    let score = 0;
    for (const ch of needle) {
      const at = hay.indexOf(ch, from);
      if (at < 0) return null;
      score -= at - from;
      const last = matches[matches.length - 1];
      if (last && last[1] === at) last[1] = at + ch.length;
      else matches.push([at, at + ch.length]);
      from = at + ch.length;
    }
    return { score: score - matches.length, matches };
  };
}

/** https://docs.obsidian.md/Reference/TypeScript+API/FuzzySuggestModal */
export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: unknown): unknown;

  getSuggestions(query: string): FuzzyMatch<T>[] {
    const search = prepareFuzzySearch(query);
    const found: FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const match = search(this.getItemText(item));
      if (match) found.push({ item, match });
    }
    return found.sort((a, b) => b.match.score - a.match.score);
  }

  renderSuggestion(value: FuzzyMatch<T>, el: MockElement): void {
    el.setText(this.getItemText(value.item));
  }

  onChooseSuggestion(item: FuzzyMatch<T>, evt: unknown): unknown {
    return this.onChooseItem(item.item, evt);
  }
}
