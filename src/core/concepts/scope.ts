/** Which notes the concept engine reads and links: the scope folders, always including the concepts folder. */
import type { Settings } from '../settings/settings';
import type { VaultPort } from '../vault/vault-port';
import { isInFolder, normalizeVaultPath } from '../vault/vault-path';

export type ScopeSettings = Pick<Settings, 'notesFolder' | 'conceptsFolder' | 'conceptScopeFolders' | 'linkInHeadings'>;

/**
 * The scope folders: `override` when given, else the notes folder and the settings' extra folders; the concepts
 * folder is always added (its notes define the terms and receive the concept sections). Normalised, deduplicated.
 */
export function resolveScope(settings: ScopeSettings, override?: readonly string[]): string[] {
  const base = override ?? [settings.notesFolder, ...settings.conceptScopeFolders];
  const folders = [...base, settings.conceptsFolder].map((f) => normalizeVaultPath(f));
  return [...new Set(folders)].sort();
}

/** A path under a hidden folder or file (".obsidian", ".trash"): never in scope. */
export function isHiddenPath(path: string): boolean {
  return path.startsWith('.') || path.includes('/.');
}

export function inScope(path: string, folders: readonly string[]): boolean {
  return path.toLowerCase().endsWith('.md') && !isHiddenPath(path) && folders.some((f) => isInFolder(path, f));
}

/** Every Markdown note in the scope folders, sorted, each once. */
export async function listScopeNotes(vault: VaultPort, folders: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of folders) {
    for (const path of await vault.list(folder, '.md')) if (!isHiddenPath(path)) found.add(path);
  }
  return [...found].sort();
}
