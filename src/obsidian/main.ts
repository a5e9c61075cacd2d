/**
 * The plugin's lifecycle, nothing else. `onload` registers (settings tab, commands, ribbon icon, status bar)
 * and returns: nothing is read or parsed there, and the core (reader, sync, concepts) is imported on first use.
 * The library is loaded and the export and concept notes watched once the layout is ready; everything taken is
 * released on unload through `register`/`registerEvent`, and a sync or concept run still going stops there.
 */
import { Plugin } from 'obsidian';
import { registerCommands } from './commands';
import { PluginConfigFile } from './config-file';
import { createObsidianServices } from './obsidian-services';
import { ObsidianVault } from './obsidian-vault';
import { findOpenEditor } from './open-editor';
import { PluginLifetime } from './plugin-lifetime';
import { PluginRuntime, type RuntimeOptions } from './plugin-runtime';
import { PluginSettingsStore } from './plugin-settings';
import { ZoteroConceptNotesSettingTab } from './settings-tab';
import { SYNC_STATE_FILE } from './sync-state-file';

export default class ZoteroConceptNotesPlugin extends Plugin {
  readonly settingsStore = new PluginSettingsStore(this);
  /** Stopped with the runtime on unload: the services' runs stop at their next step and write nothing more. */
  protected readonly lifetime = new PluginLifetime();
  runtime!: PluginRuntime;

  override async onload(): Promise<void> {
    await this.settingsStore.load();
    this.runtime = new PluginRuntime(this, this.settingsStore, this.runtimeOptions());
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

  /**
   * What the runtime is built with: the core services over this vault (notes open in an editor are changed through
   * it), the sync state shared with the CLI; no write of either once the plugin is unloaded.
   */
  protected runtimeOptions(): RuntimeOptions {
    const { app, lifetime } = this;
    const check = () => lifetime.check();
    const stateFile = PluginConfigFile.inPluginFolder(this, SYNC_STATE_FILE);
    const services = createObsidianServices({
      app,
      vault: new ObsidianVault(app.vault, { openEditor: (path) => findOpenEditor(app, path), beforeWrite: check }),
      stateFile: {
        read: () => stateFile.read(),
        write: async (text) => {
          check();
          await stateFile.write(text);
        },
      },
      yieldToUi: lifetime.yieldToUi,
    });
    return { services, lifetime };
  }
}
