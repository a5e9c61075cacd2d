/**
 * `Component` and `Plugin` (https://docs.obsidian.md/Reference/TypeScript+API/Plugin). What a plugin registers is
 * recorded so tests can find commands, ribbon icons and setting tabs, and released on `unload()` the way Obsidian
 * does, so a test can check that nothing outlives the plugin.
 */
import type { App } from './app';
import { MockElement } from './dom';
import type { EventRef } from './events';

/** https://docs.obsidian.md/Reference/TypeScript+API/PluginManifest */
export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  description: string;
  author: string;
  isDesktopOnly?: boolean;
  dir?: string;
}

/** https://docs.obsidian.md/Reference/TypeScript+API/Command */
export interface Command {
  id: string;
  name: string;
  icon?: string;
  hotkeys?: unknown[];
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: (editor: unknown, ctx: unknown) => unknown;
  editorCheckCallback?: (checking: boolean, editor: unknown, ctx: unknown) => boolean | void;
}

/** A DOM-like target of `registerDomEvent`. */
interface ListenerTarget {
  addEventListener(type: string, listener: (...args: never[]) => unknown, options?: unknown): void;
  removeEventListener(type: string, listener: (...args: never[]) => unknown, options?: unknown): void;
}

/** https://docs.obsidian.md/Reference/TypeScript+API/Component */
export class Component {
  /** Mock only: how many cleanups were registered, and how many ran. Equal after `unload()`. */
  readonly lifecycle = { registered: 0, released: 0 };
  private cleanups: (() => unknown)[] = [];
  private readonly childComponents: Component[] = [];
  private loaded = false;

  /** https://docs.obsidian.md/Reference/TypeScript+API/Component/load — returns what `onload` returned. */
  load(): unknown {
    if (this.loaded) return undefined;
    this.loaded = true;
    const result = this.onload();
    for (const child of this.childComponents) child.load();
    return result;
  }

  onload(): void | Promise<void> {}

  /** https://docs.obsidian.md/Reference/TypeScript+API/Component/unload */
  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (const child of this.childComponents.splice(0)) child.unload();
    this.onunload();
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      cleanup();
      this.lifecycle.released++;
    }
  }

  onunload(): void {}

  /** https://docs.obsidian.md/Reference/TypeScript+API/Component/addChild */
  addChild<T extends Component>(component: T): T {
    this.childComponents.push(component);
    if (this.loaded) component.load();
    return component;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Component/register */
  register(cb: () => unknown): void {
    this.cleanups.push(cb);
    this.lifecycle.registered++;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Component/registerEvent */
  registerEvent(ref: EventRef): void {
    this.register(() => ref.e.offref(ref));
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Component/registerDomEvent */
  registerDomEvent(el: ListenerTarget, type: string, callback: (...args: never[]) => unknown, options?: unknown): void {
    el.addEventListener(type, callback, options);
    this.register(() => el.removeEventListener(type, callback, options));
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Component/registerInterval */
  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }
}

/** Mock only: a ribbon icon as the plugin added it. */
export interface RibbonIcon {
  icon: string;
  title: string;
  callback: (evt: unknown) => unknown;
  el: MockElement;
}

/** https://docs.obsidian.md/Reference/TypeScript+API/Plugin */
export class Plugin extends Component {
  app: App;
  manifest: PluginManifest;
  /** Mock only: commands added and not yet removed by unload, with their id as given (without the plugin id). */
  readonly commands: Command[] = [];
  /** Mock only: ribbon icons added and not yet removed. */
  readonly ribbonIcons: RibbonIcon[] = [];
  /** Mock only: status bar items added and not yet removed. */
  readonly statusBarItems: MockElement[] = [];
  /** Mock only: setting tabs added and not yet removed. */
  readonly settingTabs: unknown[] = [];
  /** Mock only: editor suggesters registered and not yet removed. */
  readonly editorSuggests: unknown[] = [];

  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Plugin/addCommand */
  addCommand(command: Command): Command {
    this.commands.push(command);
    this.register(() => this.commands.splice(this.commands.indexOf(command), 1));
    return { ...command, id: `${this.manifest.id}:${command.id}` };
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Plugin/addRibbonIcon */
  addRibbonIcon(icon: string, title: string, callback: (evt: unknown) => unknown): MockElement {
    const el = new MockElement('div');
    el.icon = icon;
    el.setAttr('aria-label', title);
    el.addEventListener('click', callback);
    const entry: RibbonIcon = { icon, title, callback, el };
    this.ribbonIcons.push(entry);
    this.register(() => {
      el.removeEventListener('click', callback);
      el.detach();
      this.ribbonIcons.splice(this.ribbonIcons.indexOf(entry), 1);
    });
    return el;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Plugin/addStatusBarItem */
  addStatusBarItem(): MockElement {
    const el = new MockElement('div');
    this.statusBarItems.push(el);
    this.register(() => {
      el.detach();
      this.statusBarItems.splice(this.statusBarItems.indexOf(el), 1);
    });
    return el;
  }

  /**
   * https://docs.obsidian.md/Reference/TypeScript+API/Plugin/addSettingTab — as Obsidian 1.13 does, asks the tab for
   * its definitions at once (`update()`, for the settings search), so they must be cheap to build during onload.
   */
  addSettingTab(tab: { update?: () => void }): void {
    tab.update?.();
    this.settingTabs.push(tab);
    this.register(() => this.settingTabs.splice(this.settingTabs.indexOf(tab), 1));
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Plugin/registerEditorSuggest — released on unload. */
  registerEditorSuggest(suggest: unknown): void {
    this.editorSuggests.push(suggest);
    this.register(() => this.editorSuggests.splice(this.editorSuggests.indexOf(suggest), 1));
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Plugin/loadData — a JSON copy of what was saved, or null. */
  loadData(): Promise<unknown> {
    const json = this.app.pluginData.data.get(this.manifest.id);
    return Promise.resolve(json === undefined ? null : JSON.parse(json));
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Plugin/saveData — stored as JSON, as in data.json. */
  saveData(data: unknown): Promise<void> {
    this.app.pluginData.data.set(this.manifest.id, JSON.stringify(data));
    return Promise.resolve();
  }

  /** Mock only: find an added command by its id (as given to addCommand). */
  command(id: string): Command | undefined {
    return this.commands.find((c) => c.id === id);
  }
}
