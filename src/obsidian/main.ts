/**
 * The plugin's lifecycle, nothing else. `onload` registers (settings tab, commands, ribbon icon, status bar)
 * and returns: nothing is read or parsed there. The library is loaded and the export watched once the layout is
 * ready; everything taken is released on unload through `register`.
 */
import { Plugin } from 'obsidian';
import { registerCommands } from './commands';
import { PluginRuntime, type RuntimeOptions } from './plugin-runtime';
import { PluginSettingsStore } from './plugin-settings';
import { unavailableServices } from './plugin-services';
import { ZoteroConceptNotesSettingTab } from './settings-tab';

export default class ZoteroConceptNotesPlugin extends Plugin {
  readonly settingsStore = new PluginSettingsStore(this);
  runtime!: PluginRuntime;

  override async onload(): Promise<void> {
    await this.settingsStore.load();
    this.runtime = new PluginRuntime(this.app, this.settingsStore, this.runtimeOptions());
    this.register(() => this.runtime.stop());

    this.addSettingTab(new ZoteroConceptNotesSettingTab(this.app, this, this.runtime));
    registerCommands(this, this.runtime);
    this.addRibbonIcon('refresh-cw', 'Sync library', () => void this.runtime.sync('manual'));
    const status = this.addStatusBarItem();
    this.runtime.attachStatusBar(status);
    this.registerDomEvent(status, 'click', () => void this.runtime.sync('manual'));

    this.app.workspace.onLayoutReady(() => this.runtime.start());
  }

  /** data.json changed on disk (e.g. by a sync service): apply it without a restart. */
  override async onExternalSettingsChange(): Promise<void> {
    await this.settingsStore.reloadFromDisk();
  }

  /** What the runtime is built with; the core operations are wired here. */
  protected runtimeOptions(): RuntimeOptions {
    return { services: unavailableServices() };
  }
}
