import { FileExistsError, ReadOnlyFileError, type FileStat, type VaultPort } from './vault-port';
import { isInFolder, normalizeVaultPath } from './vault-path';

/** A VaultPort over a Map: the backend for tests and for dry runs. Counts writes so tests can assert on them. */
export class InMemoryVault implements VaultPort {
  private readonly files = new Map<string, string>();
  private readonly folders = new Set<string>();
  /** Per file, a counter bumped by every write: its "modification time" for `stat`. */
  private readonly revisions = new Map<string, number>();
  private readonly readOnly = new Set<string>();
  private clock = 0;
  /** Paths written (write or a changing process), in order, since construction or the last `resetWrites()`. */
  readonly writes: string[] = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [path, content] of Object.entries(initial)) {
      const key = normalizeVaultPath(path);
      this.files.set(key, content);
      for (const a of ancestorsOf(key)) this.folders.add(a);
    }
  }

  /**
   * Remove a file, as the user deleting a note would. Not part of VaultPort, on purpose: the plugin never deletes a
   * note; tests use this to act as the user.
   */
  removeAsUser(path: string): void {
    this.files.delete(normalizeVaultPath(path));
  }

  read(path: string): Promise<string | null> {
    return Promise.resolve(this.files.get(normalizeVaultPath(path)) ?? null);
  }

  write(path: string, content: string): Promise<void> {
    const key = normalizeVaultPath(path);
    // As on a disk: a path cannot be a file and a folder at once.
    const ancestors = ancestorsOf(key);
    if (key === '' || this.folders.has(key) || ancestors.some((a) => this.files.has(a))) {
      return Promise.reject(new Error(`Cannot write "${key}": a file and a folder would share a path`));
    }
    if (this.readOnly.has(key) && this.files.has(key)) return Promise.reject(new ReadOnlyFileError(key));
    for (const a of ancestors) this.folders.add(a);
    this.store(key, content);
    return Promise.resolve();
  }

  create(path: string, content: string): Promise<void> {
    const key = normalizeVaultPath(path);
    if (this.files.has(key) || this.folders.has(key)) return Promise.reject(new FileExistsError(key));
    return this.write(key, content);
  }

  process(path: string, fn: (current: string) => string): Promise<string> {
    const key = normalizeVaultPath(path);
    const current = this.files.get(key);
    if (current === undefined) return Promise.reject(new Error(`No file at "${key}"`));
    const next = fn(current);
    if (next !== current) {
      if (this.readOnly.has(key)) return Promise.reject(new ReadOnlyFileError(key));
      this.store(key, next);
    }
    return Promise.resolve(next);
  }

  stat(path: string): Promise<FileStat | null> {
    const key = normalizeVaultPath(path);
    const content = this.files.get(key);
    return Promise.resolve(content === undefined ? null : { size: content.length, mtime: this.revisions.get(key) ?? 0 });
  }

  /** Make a file read-only (as `chmod 444` does on disk), or writable again. */
  setReadOnly(path: string, readOnly = true): void {
    const key = normalizeVaultPath(path);
    if (readOnly) this.readOnly.add(key);
    else this.readOnly.delete(key);
  }


  list(folder: string, extension = ''): Promise<string[]> {
    const root = normalizeVaultPath(folder);
    const found = [...this.files.keys()].filter((p) => isInFolder(p, root) && p !== root && p.endsWith(extension));
    return Promise.resolve(found.sort());
  }

  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.files.has(normalizeVaultPath(path)));
  }

  /** Every file and its text, sorted by path: for assertions. */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  resetWrites(): void {
    this.writes.length = 0;
  }

  private store(key: string, content: string): void {
    this.files.set(key, content);
    this.revisions.set(key, ++this.clock);
    this.writes.push(key);
  }
}

/** "a/b/c.md" → ["a", "a/b"]. */
function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) out.push(path.slice(0, i));
  return out;
}
