/**
 * Where this device finds the export, from the export path setting: in the vault (spelled as the vault spells it),
 * a file on this computer, or nowhere yet. Asked by the controller, the settings tab and the commands; kept out of
 * the controller, which only wires it in.
 */
import { Platform, type App } from 'obsidian';
import { exportPathInVault } from '../../core/export';
import { ObsidianVault } from '../vault/obsidian-vault';
import { existingFileCase, vaultBasePath } from '../vault/vault-folders';
import { locateExport, type ExportLocation, type NodeModules } from './export-file';

export class ExportLocator {
  constructor(
    private readonly app: App,
    /** The export path setting, as it is now. */
    private readonly setting: () => string,
    private readonly node: () => NodeModules | null,
  ) {}

  /** Where the export is, per the settings ("unset" for an empty or invalid path). */
  location(): ExportLocation {
    try {
      const location = locateExport(this.setting());
      // Obsidian's index tells "zotero/x.bib" from "Zotero/x.bib"; the file system of a Mac does not.
      return location.kind === 'vault' ? { kind: 'vault', path: existingFileCase(this.app, location.path).path } : location;
    } catch {
      return { kind: 'unset' };
    }
  }

  /** The export is a file on a computer and this device (a phone) cannot read it. */
  onAnotherComputer(): boolean {
    return this.location().kind === 'external' && this.node() === null;
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
}

/** The export's path as the warnings about it name it (its encoding, say). */
export function exportNameOf(location: ExportLocation): string | undefined {
  return location.kind === 'unset' ? undefined : location.path;
}
