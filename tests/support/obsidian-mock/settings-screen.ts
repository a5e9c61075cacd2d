/**
 * Mock only: Obsidian's settings window showing one plugin tab, in either of the two ways Obsidian renders one.
 *
 * - `'1.13'`: Obsidian 1.13+ (https://docs.obsidian.md/Reference/TypeScript+API/SettingTab/getSettingDefinitions).
 *   When `getSettingDefinitions()` returns items, `display()` is never called: each group becomes a heading row,
 *   each item a `Setting` with its name and description, handed to the item's `render(setting, group)`; an item
 *   whose `visible` is false is left out. On close, every cleanup a `render` returned runs (before the rows go),
 *   then the tab's `hide()`. Only what the plugin uses is modelled: `control`, `action` and `page` items throw.
 * - `'legacy'`: Obsidian 1.8.7–1.12: `display()` on open, `hide()` on close.
 *
 *   A `list` is drawn as a group whose items each get a "Delete" button (calling `onDelete(index)`) and, with
 *   `addItem`, a last row named after it with a button calling its `action` (Obsidian's `+` in the list header).
 *   `update()` on the tab draws it all again (after running the cleanups of the rows it replaces).
 *
 * Where the real one differs: Obsidian draws groups as `.setting-group` blocks (here: a heading Setting, as
 * `display()` would draw it), adds search and keyboard deletion; none of that changes what a row does.
 */
import { Setting, settingsIn, type PluginSettingTab } from './settings-ui';
import type { MockElement } from './dom';

export type SettingsRenderer = '1.13' | 'legacy';

interface Definition {
  type?: string;
  name?: string;
  desc?: string;
  heading?: string;
  items?: Definition[];
  visible?: boolean | (() => boolean);
  render?: (setting: Setting, group: unknown) => void | (() => void);
  control?: unknown;
  action?: unknown;
  addItem?: { name: string; action: (el: unknown) => void };
  onDelete?: (index: number) => void;
}

const isVisible = (d: Definition) => (typeof d.visible === 'function' ? d.visible() : d.visible !== false);

export class SettingsScreen {
  private readonly cleanups: (() => void)[] = [];
  private open = true;

  private constructor(
    readonly tab: PluginSettingTab,
    readonly renderer: SettingsRenderer,
  ) {}

  /** The user opens the plugin's tab in Settings. */
  static open(tab: PluginSettingTab, renderer: SettingsRenderer): SettingsScreen {
    const screen = new SettingsScreen(tab, renderer);
    screen.render();
    return screen;
  }

  /** Whether the tab was drawn from its definitions (1.13) rather than by `display()`. */
  get declarative(): boolean {
    return this.renderer === '1.13' && this.tab.settingItems.length > 0;
  }

  /** The user closes Settings (or picks another tab). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.tab.onUpdate = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.tab.hide();
  }

  private render(): void {
    if (this.renderer === '1.13') {
      this.tab.onUpdate = null;
      this.tab.update();
      this.tab.onUpdate = () => this.draw();
    }
    if (!this.declarative) return this.tab.display();
    this.draw();
  }

  /** Draw the definitions, replacing what was drawn before. */
  private draw(): void {
    if (!this.open) return;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    const { containerEl } = this.tab;
    containerEl.empty();
    for (const item of this.tab.settingItems as Definition[]) this.renderItem(item, containerEl, null);
  }

  private renderItem(item: Definition, container: MockElement, group: Definition | null): void {
    if (!isVisible(item)) return;
    if (item.type === 'group' || item.type === 'list') {
      if (item.heading) new Setting(container).setName(item.heading).setHeading();
      (item.items ?? []).forEach((child, index) => {
        this.renderItem(child, container, item);
        const onDelete = item.type === 'list' ? item.onDelete : undefined;
        const drawn = settingsIn(container).at(-1);
        if (onDelete && drawn) drawn.addButton((b) => b.setButtonText('Delete').onClick(() => onDelete(index)));
      });
      const add = item.type === 'list' ? item.addItem : undefined;
      if (add) new Setting(container).setName(add.name).addButton((b) => b.setButtonText(add.name).onClick(() => add.action(b.buttonEl)));
      return;
    }
    if (!item.render || item.control !== undefined || item.action !== undefined) {
      throw new Error(`mock settings screen: "${item.name ?? item.type}" is not a render item; model it before using it`);
    }
    const setting = new Setting(container).setName(item.name ?? '');
    if (item.desc !== undefined) setting.setDesc(item.desc);
    const cleanup = item.render(setting, group);
    if (typeof cleanup === 'function') this.cleanups.push(cleanup);
  }
}
