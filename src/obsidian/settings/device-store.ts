/**
 * What the plugin keeps per device (see core/settings/device-settings.ts): whether this device syncs when the
 * export changes, and an id for the device, which the sync state records so another device can tell that an export
 * was synced elsewhere. Kept in Obsidian's local storage for this vault (`App.saveLocalStorage`, 1.8.7+), which no
 * vault sync copies, unlike data.json.
 */
import type { App } from 'obsidian';
import { legacyAutoSyncChoice, storedChoice } from '../../core/settings';

export type DeviceListener = () => void;

export class DeviceStore {
  private readonly listeners = new Set<DeviceListener>();

  constructor(
    private readonly app: App,
    /** Prefix of the keys (the plugin's id), as local storage is shared by every plugin of the vault. */
    private readonly prefix: string,
  ) {}

  /** "Sync when the export changes" as chosen on this device; null until chosen (the default rule applies). */
  get autoSyncChoice(): boolean | null {
    return storedChoice(this.app.loadLocalStorage(this.key('auto-sync')));
  }

  setAutoSyncChoice(value: boolean): void {
    this.app.saveLocalStorage(this.key('auto-sync'), value);
    for (const listener of [...this.listeners]) listener();
  }

  /** data.json as loaded: a choice settings version 1 kept there becomes this device's, unless it has one. */
  adoptLegacy(data: unknown): void {
    const legacy = legacyAutoSyncChoice(data);
    if (legacy !== null && this.autoSyncChoice === null) this.setAutoSyncChoice(legacy);
  }

  /** This device's id: made once, then read back. */
  get deviceId(): string {
    const stored: unknown = this.app.loadLocalStorage(this.key('device-id'));
    if (typeof stored === 'string' && /^[\w-]{8,64}$/.test(stored)) return stored;
    const id = newDeviceId();
    this.app.saveLocalStorage(this.key('device-id'), id);
    return id;
  }

  onChange(listener: DeviceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private key(name: string): string {
    return `${this.prefix}:${name}`;
  }
}

/** A random id (no personal data: nothing about the device itself). */
function newDeviceId(): string {
  const uuid = window.crypto?.randomUUID?.();
  return uuid ?? `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
