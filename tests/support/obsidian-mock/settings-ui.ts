/**
 * `PluginSettingTab`, `Setting` and its controls (https://docs.obsidian.md/Reference/TypeScript+API/Setting).
 * A Setting records its name, description, heading flag and controls; `simulateChange` plays a user edit
 * (sets the value, then runs the onChange handler and returns its promise so a test can await it).
 */
import type { App } from './app';
import { MockElement } from './dom';

const settingOf = new WeakMap<MockElement, Setting>();

/** Mock only: the Settings rendered inside `container`, in order (after `display()`). */
export function settingsIn(container: MockElement): Setting[] {
  return container.descendants().flatMap((el) => {
    const s = settingOf.get(el);
    return s ? [s] : [];
  });
}

/** https://docs.obsidian.md/Reference/TypeScript+API/ValueComponent */
abstract class MockValueComponent<T> {
  disabled = false;
  protected value: T;
  private changeHandler: ((value: T) => unknown) | null = null;

  constructor(initial: T) {
    this.value = initial;
  }

  getValue(): T {
    return this.value;
  }

  /** Sets the shown value without firing onChange, as in Obsidian. */
  setValue(value: T): this {
    this.value = value;
    return this;
  }

  onChange(handler: (value: T) => unknown): this {
    this.changeHandler = handler;
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }

  /** Mock only: the user changed the value. Resolves when the handler's promise does. */
  async simulateChange(value: T): Promise<void> {
    this.value = value;
    await this.changeHandler?.(value);
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/TextComponent */
export class TextComponent extends MockValueComponent<string> {
  readonly inputEl = new MockElement('input');
  placeholder = '';

  constructor(readonly containerEl: MockElement) {
    super('');
  }

  setPlaceholder(placeholder: string): this {
    this.placeholder = placeholder;
    return this;
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/TextAreaComponent */
export class TextAreaComponent extends TextComponent {}

/** https://docs.obsidian.md/Reference/TypeScript+API/ToggleComponent */
export class ToggleComponent extends MockValueComponent<boolean> {
  tooltip = '';

  constructor(readonly containerEl: MockElement) {
    super(false);
  }

  setTooltip(tooltip: string): this {
    this.tooltip = tooltip;
    return this;
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/DropdownComponent */
export class DropdownComponent extends MockValueComponent<string> {
  readonly options = new Map<string, string>();

  constructor(readonly containerEl: MockElement) {
    super('');
  }

  addOption(value: string, display: string): this {
    this.options.set(value, display);
    return this;
  }

  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display);
    return this;
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/SliderComponent */
export class SliderComponent extends MockValueComponent<number> {
  limits = { min: 0, max: 100, step: 1 as number | 'any' };
  dynamicTooltip = false;

  constructor(readonly containerEl: MockElement) {
    super(0);
  }

  setLimits(min: number, max: number, step: number | 'any'): this {
    this.limits = { min, max, step };
    return this;
  }

  setDynamicTooltip(): this {
    this.dynamicTooltip = true;
    return this;
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/ButtonComponent */
export class ButtonComponent {
  readonly buttonEl = new MockElement('button');
  text = '';
  cta = false;
  disabled = false;
  private clickHandler: (() => unknown) | null = null;

  constructor(readonly containerEl: MockElement) {}

  setButtonText(text: string): this {
    this.text = text;
    this.buttonEl.setText(text);
    return this;
  }

  setCta(): this {
    this.cta = true;
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }

  onClick(handler: () => unknown): this {
    this.clickHandler = handler;
    return this;
  }

  /** Mock only: the user clicked. */
  async simulateClick(): Promise<void> {
    await this.clickHandler?.();
  }
}

export type MockControl = TextComponent | ToggleComponent | DropdownComponent | SliderComponent | ButtonComponent;

/** https://docs.obsidian.md/Reference/TypeScript+API/Setting */
export class Setting {
  readonly settingEl: MockElement;
  readonly nameEl: MockElement;
  readonly descEl: MockElement;
  readonly controlEl: MockElement;
  isHeading = false;
  readonly controls: MockControl[] = [];

  constructor(containerEl: MockElement) {
    this.settingEl = containerEl.createDiv('setting-item');
    this.nameEl = this.settingEl.createDiv('setting-item-name');
    this.descEl = this.settingEl.createDiv('setting-item-description');
    this.controlEl = this.settingEl.createDiv('setting-item-control');
    settingOf.set(this.settingEl, this);
  }

  /** Mock only: the name as shown. */
  get name(): string {
    return this.nameEl.textContent;
  }

  /** Mock only: the description as shown. */
  get desc(): string {
    return this.descEl.textContent;
  }

  setName(name: string): this {
    this.nameEl.setText(name);
    return this;
  }

  setDesc(desc: string): this {
    this.descEl.setText(desc);
    return this;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Setting/setHeading */
  setHeading(): this {
    this.isHeading = true;
    this.settingEl.addClass('setting-item-heading');
    return this;
  }

  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }

  addText(cb: (c: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }

  addTextArea(cb: (c: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }

  addToggle(cb: (c: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }

  addDropdown(cb: (c: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }

  addSlider(cb: (c: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(this.controlEl), cb);
  }

  addButton(cb: (c: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }

  /** Mock only: the first control of a kind, e.g. `setting.control(TextComponent)`. */
  control<C extends MockControl>(kind: new (el: MockElement) => C): C {
    const found = this.controls.find((c): c is C => c instanceof kind);
    if (!found) throw new Error(`Setting "${this.name}" has no ${kind.name}`);
    return found;
  }

  private add<C extends MockControl>(control: C, cb: (c: C) => unknown): this {
    this.controls.push(control);
    cb(control);
    return this;
  }
}

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/PluginSettingTab — opened and closed by the mock's settings
 * screen (settings-screen.ts), which renders it as Obsidian 1.13 does (from `getSettingDefinitions`) or as earlier
 * versions do (`display`).
 */
export abstract class PluginSettingTab {
  readonly containerEl = new MockElement('div');
  /** https://docs.obsidian.md/Reference/TypeScript+API/SettingTab/settingItems — filled by `update()`. */
  settingItems: unknown[] = [];

  constructor(
    readonly app: App,
    readonly plugin: unknown,
  ) {}

  /** https://docs.obsidian.md/Reference/TypeScript+API/SettingTab/getSettingDefinitions (1.13+): none by default. */
  getSettingDefinitions(): unknown[] {
    return [];
  }

  /** Mock only: set by the settings screen while it shows this tab, to draw it again on `update()`. */
  onUpdate: (() => void) | null = null;

  /**
   * https://docs.obsidian.md/Reference/TypeScript+API/SettingTab/update — Obsidian calls it from addSettingTab, and
   * a tab calls it to have its rows drawn again (the screen showing it re-renders).
   */
  update(): void {
    this.settingItems = this.getSettingDefinitions();
    this.onUpdate?.();
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/SettingTab/display — only before 1.13, or without definitions. */
  display(): void {}

  /** https://docs.obsidian.md/Reference/TypeScript+API/SettingTab/hide — the tab closes. */
  hide(): void {
    this.containerEl.empty();
  }
}
