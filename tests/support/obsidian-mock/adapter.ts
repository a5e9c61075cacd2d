/** Vault.adapter: the config-dir files a plugin reads and writes directly, and (desktop only) the vault's place on disk. */
/** The slice of `DataAdapter` plugins may use for config-dir files (https://docs.obsidian.md/Reference/TypeScript+API/DataAdapter). */
export class MockDataAdapter {
  /** Files outside the vault index (the config dir), keyed by path. */
  readonly files = new Map<string, string>();

  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.files.has(path));
  }

  read(path: string): Promise<string> {
    const data = this.files.get(path);
    return data === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(data);
  }

  write(path: string, data: string): Promise<void> {
    this.files.set(path, data);
    return Promise.resolve();
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
