/**
 * Settings of one device, not of the vault. data.json is copied to every device by whatever syncs the vault, so
 * "Sync when the export changes" cannot live there: two computers (or a computer and a phone) would both sync the
 * same notes and write one sync state, and a sync service turns that into conflict copies. The plugin keeps these
 * in Obsidian's local storage for the vault (`App.saveLocalStorage`); this file is the pure part: the defaults,
 * and what settings version 1 left in data.json.
 */

/** What a device knows about itself when it decides whether to sync automatically. */
export interface DeviceFacts {
  /** Obsidian on a phone or tablet. */
  mobile: boolean;
  /** The export file exists where the settings say, as seen from this device. */
  exportReachable: boolean;
}

/**
 * Whether to sync when the export changes, on this device: the user's choice made here (`chosen`), else on only
 * on a desktop that can see the export. A phone is off until turned on there: it usually sees the export only
 * through the vault's sync, after the computer that wrote it has synced it already.
 */
export function autoSyncOnDevice(chosen: boolean | null, facts: DeviceFacts): boolean {
  if (chosen !== null) return chosen;
  return !facts.mobile && facts.exportReachable;
}

/** A stored choice as read back from local storage (anything but a boolean counts as not chosen). */
export function storedChoice(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/**
 * The choice settings version 1 kept in data.json (`autoSync`), as this device's own when it has none yet. Only
 * `false` counts: it was turned off on purpose, and that carries over to every device. `true` was the default,
 * so the device rule above decides instead (on for a desktop that sees the export, off on a phone).
 */
export function legacyAutoSyncChoice(data: unknown): boolean | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const raw = data as Record<string, unknown>;
  const version = typeof raw.version === 'number' ? raw.version : 0;
  return version < 2 && raw.autoSync === false ? false : null;
}
