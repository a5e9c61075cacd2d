/**
 * The export path setting, as the plugin and the CLI both read it from data.json: a path on the computer
 * ("/…", "~/…", "C:\…", "C:/…", "\\server\…") or else a path inside the vault. Pure: the home directory is passed in.
 */

/** What a device without Node (a phone) says about an export path on a computer: in the settings, and once per manual sync. */
export const EXPORT_ON_ANOTHER_COMPUTER =
  'The export file is a path on a computer, which Obsidian on this device cannot read, so nothing syncs here. Keep the export inside the vault (e.g. Zotero/library.bib) to sync on every device.';

/** Whether the export path setting names a file on the computer (outside the vault) rather than a vault path. */
export function isAbsoluteExportPath(setting: string): boolean {
  return /^(\/|~[\\/]|[A-Za-z]:[\\/]|\\\\)/.test(setting);
}

/**
 * `path` with a leading "~/" (or "~\") replaced by `home`, the user's home directory; any other path unchanged.
 * "~user/…" is not expanded (it is not a path on the computer for isAbsoluteExportPath either).
 */
export function expandHome(path: string, home: string): string {
  if (!/^~[\\/]/.test(path)) return path;
  const separator = path[1];
  const base = home.endsWith('/') || home.endsWith('\\') ? home.slice(0, -1) : home;
  return `${base}${separator}${path.slice(2)}`;
}

/** A path with "/" separators, "." and ".." segments resolved and repeated separators collapsed. */
function plainPath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * The export path setting as a path inside the vault ("Zotero/library.bib") when it is an absolute path that lies
 * in the vault folder `vaultBase`, else null. Saved that way, the setting works on every device: a phone cannot open
 * "/Users/me/Notes/Zotero/library.bib", but it has "Zotero/library.bib" in its copy of the vault. `home` expands
 * "~/"; `caseInsensitive` is for macOS and Windows, whose file systems take "zotero" for "Zotero".
 */
export function exportPathInVault(setting: string, vaultBase: string, home: string, caseInsensitive: boolean): string | null {
  const trimmed = setting.trim();
  if (!isAbsoluteExportPath(trimmed) || vaultBase.trim() === '') return null;
  const path = plainPath(expandHome(trimmed, home));
  const base = plainPath(vaultBase);
  const fold = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  if (base === '' || !fold(path).startsWith(`${fold(base)}/`)) return null;
  return path.slice(base.length + 1);
}
