/**
 * The export path setting, as the plugin and the CLI both read it from data.json: a path on the computer
 * ("/…", "~/…", "C:\…", "C:/…", "\\server\…") or else a path inside the vault. Pure: the home directory is passed in.
 */

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
