/**
 * What the vault looks like from outside the VaultPort: its folders by name (for matching a typed folder's case to
 * the one that exists, see core/vault/path-case.ts), the settings' paths as the vault spells them, and, on desktop,
 * where the vault is on disk.
 */
import { TFile, TFolder, type App } from 'obsidian';
import type { Settings } from '../../core/settings';
import { matchFileCase, matchFolderCase, type CaseMatch, type FolderListing } from '../../core/vault';
import { ObsidianVault } from './obsidian-vault';

/** The vault's folders and files, by parent, from Obsidian's index. */
export function vaultListing(app: App): FolderListing {
  const children = (parent: string) => (parent === '' ? app.vault.getRoot() : app.vault.getFolderByPath(parent))?.children ?? [];
  return {
    folders: (parent) => children(parent).flatMap((c) => (c instanceof TFolder ? [c.name] : [])),
    files: (parent) => children(parent).flatMap((c) => (c instanceof TFile ? [c.name] : [])),
  };
}

/** A folder setting spelled as the folder that exists (names differing only in case are one folder on macOS). */
export function existingFolderCase(app: App, folder: string): CaseMatch {
  return matchFolderCase(folder, vaultListing(app));
}

/** A file setting (e.g. the export inside the vault) spelled as the file that exists. */
export function existingFileCase(app: App, file: string): CaseMatch {
  return matchFileCase(file, vaultListing(app));
}

/** The vault's folder on disk (desktop), or null where there is none (mobile) or it cannot be told. */
export function vaultBasePath(app: App): string | null {
  const adapter = app.vault.adapter as { getBasePath?: () => string };
  return typeof adapter.getBasePath === 'function' ? adapter.getBasePath() : null;
}

/** A folder setting as Obsidian writes vault paths, in the case of the folder that exists; as typed when unusable. */
function folderSetting(app: App, path: string): string {
  if (path.trim() === '') return path;
  try {
    return existingFolderCase(app, ObsidianVault.toVaultPath(path)).path;
  } catch {
    return path; // the core rejects it with a clear message (e.g. "..")
  }
}

/** The settings with every vault path in Obsidian's form, so the core compares them with the vault's own paths. */
export function withVaultPaths(app: App, settings: Settings): Settings {
  let noteTemplatePath = settings.noteTemplatePath;
  try {
    if (noteTemplatePath.trim() !== '') noteTemplatePath = ObsidianVault.toVaultPath(noteTemplatePath);
  } catch {
    // left as typed: the core rejects it with a clear message
  }
  return {
    ...settings,
    notesFolder: folderSetting(app, settings.notesFolder),
    conceptsFolder: folderSetting(app, settings.conceptsFolder),
    noteTemplatePath,
    conceptScopeFolders: settings.conceptScopeFolders.map((folder) => folderSetting(app, folder)),
  };
}
