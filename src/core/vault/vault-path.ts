/** Vault paths are POSIX, relative, with no empty, "." or ".." segments. Pure string helpers (no `path`). */

/** Thrown when a path would leave the vault or is otherwise unusable. */
export class VaultPathError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`Invalid vault path "${path}": ${reason}`);
    this.name = 'VaultPathError';
  }
}

/**
 * Normalise a vault-relative path: backslashes become slashes, duplicate and edge slashes and "." segments go.
 * A ".." segment is rejected rather than resolved, so no input can point outside the vault.
 */
export function normalizeVaultPath(path: string): string {
  const segments = path.replace(/\\/g, '/').split('/');
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') throw new VaultPathError(path, '".." is not allowed');
    kept.push(segment);
  }
  return kept.join('/');
}

/** Join vault path parts, normalising the result. */
export function joinVaultPath(...parts: string[]): string {
  return normalizeVaultPath(parts.filter((p) => p !== '').join('/'));
}

/** The folder part of a vault path ("" for a file at the root). */
export function vaultDirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The last segment of a vault path. */
export function vaultBasename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `folder` itself or lies below it ("" contains everything). */
export function isInFolder(path: string, folder: string): boolean {
  if (folder === '') return true;
  return path === folder || path.startsWith(folder + '/');
}
