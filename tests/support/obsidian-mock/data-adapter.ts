/**
 * Vault.adapter: the config-dir files a plugin reads and writes directly, and (desktop only) the vault's place on disk.
 * The slice of `DataAdapter` plugins may use for config-dir files (https://docs.obsidian.md/Reference/TypeScript+API/DataAdapter).
 * Folders are implied by the files below them. `rename` refuses an existing destination: the docs do not promise
 * that it replaces one, so code must cope with a refusal (Obsidian's own `Vault.rename` refuses too).
 */
export class MockDataAdapter {
  /** Files outside the vault index (the config dir), keyed by path. */
  readonly files = new Map<string, string>();
  /** Mock only: called before each write, with the path; may throw to simulate a failure (a crash, a full disk). */
  beforeWrite: ((path: string) => void) | null = null;

  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.files.has(path) || [...this.files.keys()].some((p) => p.startsWith(`${path}/`)));
  }

  read(path: string): Promise<string> {
    const data = this.files.get(path);
    return data === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(data);
  }

  write(path: string, data: string): Promise<void> {
    try {
      this.beforeWrite?.(path);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    this.files.set(path, data);
    return Promise.resolve();
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/DataAdapter/remove */
  remove(path: string): Promise<void> {
    if (!this.files.delete(path)) return Promise.reject(new Error(`ENOENT: ${path}`));
    return Promise.resolve();
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/DataAdapter/rename */
  rename(path: string, newPath: string): Promise<void> {
    const data = this.files.get(path);
    if (data === undefined) return Promise.reject(new Error(`ENOENT: ${path}`));
    if (this.files.has(newPath)) return Promise.reject(new Error('Destination file already exists!'));
    this.files.delete(path);
    this.files.set(newPath, data);
    return Promise.resolve();
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/DataAdapter/list — the files and folders right inside `folder`. */
  list(folder: string): Promise<{ files: string[]; folders: string[] }> {
    const files: string[] = [];
    const folders = new Set<string>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(`${folder}/`)) continue;
      const rest = path.slice(folder.length + 1);
      if (rest.includes('/')) folders.add(`${folder}/${rest.slice(0, rest.indexOf('/'))}`);
      else files.push(path);
    }
    return Promise.resolve({ files: files.sort(), folders: [...folders].sort() });
  }

  /**
   * https://docs.obsidian.md/Reference/TypeScript+API/FileSystemAdapter/getBasePath — only the desktop app's adapter
   * has it; here a test gives the vault a folder on disk with `setMockBasePath`, else it is undefined (mobile).
   */
  getBasePath?: () => string;

  /** Mock only: where the vault is on disk (the desktop's FileSystemAdapter), or null for none (mobile). */
  setMockBasePath(path: string | null): void {
    this.getBasePath = path === null ? undefined : () => path;
  }
}
