/**
 * `Editor` (https://docs.obsidian.md/Reference/TypeScript+API/Editor) over one string, with a cursor: the calls
 * src/obsidian makes (getValue, getLine, getCursor, replaceSelection, offsetToPos, transaction…) and nothing else.
 * Strict like CodeMirror where it matters: a transaction's changes are in the coordinates of the text before it and
 * must not overlap; the cursor moves with the text inserted before it. It does not write the file: the real editor
 * saves later, and tests look at `getValue()` and `log`.
 */

/** https://docs.obsidian.md/Reference/TypeScript+API/EditorPosition */
export interface EditorPosition {
  line: number;
  ch: number;
}

/** https://docs.obsidian.md/Reference/TypeScript+API/EditorChange */
export interface EditorChange {
  from: EditorPosition;
  to?: EditorPosition;
  text: string;
}

/** https://docs.obsidian.md/Reference/TypeScript+API/EditorTransaction (changes only in this mock). */
export interface EditorTransaction {
  changes?: EditorChange[];
}

export class Editor {
  /** Mock only: every edit made, in order (`setValue` replaces everything; tests check it was not used). */
  readonly log: { kind: 'transaction' | 'replaceSelection' | 'replaceRange' | 'setValue'; changes: number }[] = [];
  private cursor = 0;

  constructor(private text = '') {}

  getValue(): string {
    return this.text;
  }

  setValue(text: string): void {
    this.text = text;
    this.cursor = Math.min(this.cursor, text.length);
    this.log.push({ kind: 'setValue', changes: 1 });
  }

  lineCount(): number {
    return this.text.split('\n').length;
  }

  getLine(line: number): string {
    return this.text.split('\n')[line] ?? '';
  }

  getCursor(): EditorPosition {
    return this.offsetToPos(this.cursor);
  }

  setCursor(pos: EditorPosition | number, ch?: number): void {
    this.cursor = this.posToOffset(typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos);
  }

  /** Inserts at the cursor (this mock has no selection) and puts the cursor after the text. */
  replaceSelection(text: string): void {
    this.text = this.text.slice(0, this.cursor) + text + this.text.slice(this.cursor);
    this.cursor += text.length;
    this.log.push({ kind: 'replaceSelection', changes: 1 });
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Editor/getRange */
  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.text.slice(this.posToOffset(from), this.posToOffset(to));
  }

  /**
   * https://docs.obsidian.md/Reference/TypeScript+API/Editor/replaceRange — the cursor moves with the text as in
   * CodeMirror: after the range, it shifts by the change; inside it, it goes to the range's start (callers that
   * care set it afterwards, as Obsidian's own suggesters do).
   */
  replaceRange(text: string, from: EditorPosition, to: EditorPosition = from): void {
    const start = this.posToOffset(from);
    const end = this.posToOffset(to);
    if (end < start) throw new Error('Mock editor: replaceRange with "to" before "from"');
    this.text = this.text.slice(0, start) + text + this.text.slice(end);
    if (this.cursor >= end) this.cursor += text.length - (end - start);
    else if (this.cursor > start) this.cursor = start;
    this.log.push({ kind: 'replaceRange', changes: 1 });
  }

  posToOffset(pos: EditorPosition): number {
    const lines = this.text.split('\n');
    let offset = 0;
    for (let i = 0; i < pos.line && i < lines.length; i++) offset += lines[i].length + 1;
    return Math.min(offset + pos.ch, this.text.length);
  }

  offsetToPos(offset: number): EditorPosition {
    const before = this.text.slice(0, offset).split('\n');
    return { line: before.length - 1, ch: before[before.length - 1].length };
  }

  transaction(tx: EditorTransaction): void {
    const changes = (tx.changes ?? [])
      .map((c) => ({ from: this.posToOffset(c.from), to: this.posToOffset(c.to ?? c.from), text: c.text }))
      .sort((a, b) => a.from - b.from);
    for (let i = 1; i < changes.length; i++) {
      if (changes[i].from < changes[i - 1].to) throw new Error('Mock editor: overlapping changes in one transaction');
    }
    let out = '';
    let last = 0;
    let cursor = this.cursor;
    for (const c of changes) {
      out += this.text.slice(last, c.from) + c.text;
      if (c.to <= this.cursor) cursor += c.text.length - (c.to - c.from);
      last = c.to;
    }
    this.text = out + this.text.slice(last);
    this.cursor = cursor;
    this.log.push({ kind: 'transaction', changes: changes.length });
  }
}
