/**
 * The plugin's lifecycle, nothing else. `onload` registers (settings tab, commands, ribbon icon, status bar)
 * and returns: nothing is read or parsed there, and the core (reader, sync, concepts) is imported on first use.
 * The library is loaded and the export and concept notes watched once the layout is ready; everything taken is
 * released on unload through `register`/`registerEvent`, and a sync or concept run still going stops there.
 */
import { Plugin } from 'obsidian';
import { registerCommands } from './commands/register-commands';
import { pluginSyncStateFile } from './plugin/config-file';
import { pluginSyncLock } from './plugin/plugin-sync-lock';
import { createLazyCoreServices } from './plugin/lazy-core-services';
import { ObsidianVault } from './vault/obsidian-vault';
import { findOpenEditor } from './vault/open-editor';
import { UnloadGuard } from './plugin/unload-guard';
import { PluginController, type ControllerOptions } from './plugin/plugin-controller';
import { StatusBar } from './plugin/status-bar';
import { DeviceStore } from './settings/device-store';
import { PluginSettingsStore } from './settings/settings-store';
import { ZoteroConceptNotesSettingTab } from './settings/settings-tab';

export default class ZoteroConceptNotesPlugin extends Plugin {
  readonly settingsStore = new PluginSettingsStore(this);
  /** What belongs to this device only (automatic sync, its id), in local storage rather than data.json. */
  readonly device = new DeviceStore(this.app, this.manifest.id);
  /** Stopped with the controller on unload: the services' runs stop at their next step and write nothing more. */
  protected readonly unloadGuard = new UnloadGuard();
  controller!: PluginController;

  override async onload(): Promise<void> {
    this.addChild(this.unloadGuard);
    const data: unknown = await this.loadData();
    this.device.adoptLegacy(data); // "Sync when the export changes" moved from data.json to each device
    await this.settingsStore.load(data);
    this.controller = new PluginController(this, this.settingsStore, this.controllerOptions());
    this.register(() => this.controller.stop());

    this.addSettingTab(new ZoteroConceptNotesSettingTab(this.app, this, this.controller));
    registerCommands(this, this.controller);
    // "Zotero" in the title, so it does not read like Obsidian Sync.
    this.addRibbonIcon('refresh-cw', 'Sync Zotero library', () => void this.controller.sync('manual'));
    this.controller.attachStatusBar(new StatusBar(this, () => void this.controller.sync('manual')));

    this.app.workspace.onLayoutReady(() => this.controller.start());
  }

  /** data.json changed on disk (e.g. by a sync service): apply it without a restart. */
  override async onExternalSettingsChange(): Promise<void> {
    await this.settingsStore.reloadFromDisk();
  }

  /**
   * What the controller is built with: the core services over this vault (notes open in an editor are changed through
   * it), the sync state shared with the CLI; no write of either once the plugin is unloaded.
   */
  protected controllerOptions(): ControllerOptions {
    const { app, unloadGuard } = this;
    const check = () => unloadGuard.check();
    const services = createLazyCoreServices({
      app,
      vault: new ObsidianVault(app.vault, { openEditor: (path) => findOpenEditor(app, path), beforeWrite: check }),
      stateFile: pluginSyncStateFile(this, check),
      lock: () => pluginSyncLock(this),
      yieldToUi: unloadGuard.yieldToUi,
      yieldNow: unloadGuard.yieldNow,
    });
    return { services, unloadGuard, device: this.device };
  }
}
