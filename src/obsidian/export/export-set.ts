/**
 * The exports the settings list (a personal library, a group library…), each located: a path inside the vault
 * (spelled as the file that exists, as Obsidian's index tells "zotero/x.bib" from "Zotero/x.bib") or a file on the
 * computer, which a phone cannot read. The library shelf reads them, the auto-sync watches them, the sync takes them
 * in this order.
 */
import { Platform, type App } from 'obsidian';
import { exportPathInVault } from '../../core/export';
import { ObsidianVault } from '../vault/obsidian-vault';
import type { ShelfExport } from '../../core/library';
import type { PluginSettingsStore } from '../settings/settings-store';
import { existingFileCase, vaultBasePath } from '../vault/vault-folders';
import { locateExport, type ExportFiles, type ExportLocation, type NodeModules } from './export-file';

/** One export of the settings, located. `name` is its path as located (vault path, or the path on the computer). */
export interface NamedLocation {
  name: string;
  location: Exclude<ExportLocation, { kind: 'unset' }>;
}

export class ExportSet {
  constructor(
    private readonly app: App,
    private readonly settings: PluginSettingsStore,
    private readonly node: () => NodeModules | null,
  ) {}

  /** Where one export path is ("unset" for an empty or invalid one). */
  locate(setting: string): ExportLocation {
    try {
      const location = locateExport(setting);
      return location.kind === 'vault' ? { kind: 'vault', path: existingFileCase(this.app, location.path).path } : location;
    } catch {
      return { kind: 'unset' };
    }
  }

  /** Every export of the settings that is set, in order (a path given twice once). */
  locations(): NamedLocation[] {
    const out: NamedLocation[] = [];
    for (const setting of this.settings.settings.exportPaths) {
      const location = this.locate(setting);
      if (location.kind !== 'unset' && !out.some((l) => l.name === location.path)) out.push({ name: location.path, location });
    }
    return out;
  }

  /** Whether any export is set. */
  get configured(): boolean {
    return this.locations().length > 0;
  }

  /** This device (a phone) cannot read this export: a file on a computer. */
  unreachable(location: ExportLocation): boolean {
    return location.kind === 'external' && this.node() === null;
  }

  /** Exports are set, and this device can read none of them. */
  allOnAnotherComputer(): boolean {
    const all = this.locations();
    return all.length > 0 && all.every((l) => this.unreachable(l.location));
  }

  /** The exports as the library shelf reads them. */
  shelfExports(files: ExportFiles): ShelfExport[] {
    return this.locations().map(({ name, location }) => ({ name, read: () => files.readBytes(location) }));
  }

  /**
   * On desktop, an absolute export path inside the vault is stored as a vault path, so the other devices of the
   * vault (a phone has no "/Users/me/…") can read the export too. Returns the path to store, or null to keep it.
   */
  vaultPathOf(setting: string): string | null {
    const node = this.node();
    const base = node ? vaultBasePath(this.app) : null;
    if (!node || base === null) return null;
    const inVault = exportPathInVault(setting, base, node.os.homedir(), Platform.isMacOS || Platform.isWin);
    if (inVault === null || inVault.startsWith(`${this.app.vault.configDir}/`)) return null; // Obsidian does not index its config folder
    try {
      return ObsidianVault.toVaultPath(inVault);
    } catch {
      return null;
    }
  }

  /** Store each absolute export path inside the vault as a vault path; whether it did. */
  async storeAsVaultPaths(): Promise<boolean> {
    const paths = this.settings.settings.exportPaths;
    const stored = paths.map((p) => this.vaultPathOf(p) ?? p);
    if (stored.every((p, i) => p === paths[i])) return false;
    await this.settings.update({ exportPaths: stored });
    return true;
  }
}
