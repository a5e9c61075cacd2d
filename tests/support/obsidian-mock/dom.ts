/**
 * A fake of the few DOM helpers Obsidian adds to HTMLElement, since jest runs in Node without a DOM.
 * Only what src/obsidian calls: text, classes, attributes, child creation, listeners (counted, so tests can check
 * that everything registered is released) and `click()` to simulate a user.
 * Obsidian's DOM additions: https://docs.obsidian.md/Reference/TypeScript+API/HTMLElement
 */

type Listener = (event: MockEvent) => unknown;

/** The event object our fake dispatches (a click carries no coordinates). */
export interface MockEvent {
  type: string;
  target: MockElement;
  preventDefault(): void;
}

/** Options of `createEl` (https://docs.obsidian.md/Reference/TypeScript+API/DomElementInfo). */
export interface MockElementInfo {
  text?: string;
  cls?: string | string[];
  attr?: Record<string, string | number | boolean | null>;
}

export class MockElement {
  readonly tagName: string;
  readonly children: MockElement[] = [];
  parent: MockElement | null = null;
  /** Set by `setIcon` (https://docs.obsidian.md/Reference/TypeScript+API/setIcon). */
  icon: string | null = null;
  /** The value of an input element. */
  value = '';
  /** False once `detach()`/`remove()` took the element out of the page. */
  attached = true;
  private text = '';
  private readonly classes = new Set<string>();
  private readonly attrs = new Map<string, string>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(tagName = 'div') {
    this.tagName = tagName;
  }

  /** https://developer.mozilla.org/docs/Web/API/Node/isConnected — here: not detached, nor any ancestor. */
  get isConnected(): boolean {
    return this.attached && (this.parent === null || this.parent.isConnected);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Node/setText */
  setText(text: string): void {
    this.text = text;
    this.children.length = 0;
  }

  /** The element's own text followed by its children's, like `textContent`. */
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }

  getText(): string {
    return this.textContent;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Element/addClass */
  addClass(...classes: string[]): void {
    for (const c of classes) this.classes.add(c);
  }

  removeClass(...classes: string[]): void {
    for (const c of classes) this.classes.delete(c);
  }

  toggleClass(cls: string, value: boolean): void {
    if (value) this.classes.add(cls);
    else this.classes.delete(cls);
  }

  hasClass(cls: string): boolean {
    return this.classes.has(cls);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Element/setAttr */
  setAttr(name: string, value: string | number | boolean | null): void {
    if (value === null) this.attrs.delete(name);
    else this.attrs.set(name, String(value));
  }

  getAttr(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Node/empty */
  empty(): void {
    this.text = '';
    for (const child of this.children) child.parent = null;
    this.children.length = 0;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Node/createEl */
  createEl(tag: string, info: MockElementInfo | string = {}): MockElement {
    return this.make(tag, info);
  }

  createDiv(info: MockElementInfo | string = {}): MockElement {
    return this.make('div', info);
  }

  createSpan(info: MockElementInfo | string = {}): MockElement {
    return this.make('span', info);
  }

  private make(tag: string, info: MockElementInfo | string): MockElement {
    const child = new MockElement(tag);
    const o = typeof info === 'string' ? { cls: info } : info;
    if (o.text !== undefined) child.setText(o.text);
    if (o.cls !== undefined) child.addClass(...(Array.isArray(o.cls) ? o.cls : o.cls.split(' ')));
    for (const [k, v] of Object.entries(o.attr ?? {})) child.setAttr(k, v);
    this.appendChild(child);
    return child;
  }

  appendChild(child: MockElement): MockElement {
    child.parent = this;
    this.children.push(child);
    return child;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Element/detach */
  detach(): void {
    if (this.parent) {
      const siblings = this.parent.children;
      siblings.splice(siblings.indexOf(this), 1);
      this.parent = null;
    }
    this.attached = false;
  }

  remove(): void {
    this.detach();
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** Listeners still attached (of one type, or all): 0 after a plugin's unload. */
  listenerCount(type?: string): number {
    if (type !== undefined) return this.listeners.get(type)?.size ?? 0;
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** https://developer.mozilla.org/docs/Web/API/EventTarget/dispatchEvent — runs the listeners of its type. */
  dispatchEvent(event: { type: string }): boolean {
    const mockEvent: MockEvent = { type: event.type, target: this, preventDefault: () => undefined };
    for (const listener of [...(this.listeners.get(event.type) ?? [])]) listener(mockEvent);
    return true;
  }

  /** Simulate a user click: runs every click listener. */
  click(): void {
    const event: MockEvent = { type: 'click', target: this, preventDefault: () => undefined };
    for (const listener of [...(this.listeners.get('click') ?? [])]) listener(event);
  }

  /** Every descendant (depth first), for finding what a view rendered. */
  descendants(): MockElement[] {
    return this.children.flatMap((c) => [c, ...c.descendants()]);
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/setIcon */
export function setIcon(el: MockElement, iconId: string): void {
  el.icon = iconId;
}
