/**
 * The plugin's settings: loaded from data.json through `normalizeSettings` (so old, partial or hand-edited data
 * always gives complete settings), saved on every change, and observable so the rest of the plugin reacts at
 * once (no restart). `reloadFromDisk` serves `onExternalSettingsChange` (data.json changed by a sync service).
 */
import type { Plugin } from 'obsidian';
import { normalizeSettings, settingsData, type Settings } from '../../core/settings';

export type SettingsListener = (next: Settings, previous: Settings) => void;

export class PluginSettingsStore {
  private value: Settings = normalizeSettings(null);
  private readonly listeners = new Set<SettingsListener>();

  constructor(private readonly plugin: Pick<Plugin, 'loadData' | 'saveData'>) {}

  get settings(): Readonly<Settings> {
    return this.value;
  }

  /**
   * Load data.json (once, in onload), or use `data` when the caller has read it already. Listeners are not told:
   * nothing depends on the defaults yet.
   */
  async load(data?: unknown): Promise<Settings> {
    this.value = normalizeSettings(data === undefined ? await this.plugin.loadData() : data);
    return this.value;
  }

  /** Change some settings, save them, and tell every listener. */
  async update(patch: Partial<Settings>): Promise<void> {
    const previous = this.value;
    this.value = normalizeSettings({ ...previous, ...patch });
    await this.plugin.saveData(settingsData(this.value));
    this.emit(previous);
  }

  /** data.json changed outside the plugin: load it again and tell every listener. */
  async reloadFromDisk(): Promise<void> {
    const previous = this.value;
    this.value = normalizeSettings(await this.plugin.loadData());
    this.emit(previous);
  }

  /** Be told after each change; returns the unsubscribe function. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(previous: Settings): void {
    for (const listener of [...this.listeners]) listener(this.value, previous);
  }
}
