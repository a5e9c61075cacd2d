/**
 * The filesystem backend of VaultPort, used by the CLI, the demo and the bench (never inside Obsidian).
 * Vault paths are POSIX and relative. Every path is checked lexically (no "..") and through symlinks (realpath of
 * its folder, and of the note itself when it is a link), so no path reads or writes outside the root.
 * Writes never lose a byte: new files appear whole, read-only files are left alone, hard links and modes are kept
 * (file-writes.ts), and rewrites are compare-and-swap against other programs (compare-and-swap.ts).
 *
 * Per-note reads and writes use Node's synchronous calls inside the async methods: this backend serves the CLI,
 * where nothing else waits on the event loop, and a thread-pool round trip per open/write/close/rename made a
 * 10,000-note sync several times slower than plain `writeFileSync`. Folder checks (realpath) stay async.
 */
import * as fsSync from 'node:fs';
import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { FileExistsError, normalizeVaultPath, vaultBasename, vaultDirname, VaultPathError, type FileStat, type VaultPort } from '../core/vault';
import { errorCode, isInsideRoot, MISSING } from './fs-util';
import { listFiles } from './list-files';
import { CompareAndSwap } from './compare-and-swap';
import { createNoReplace, overwrite } from './file-writes';
import { removeStrayTempFiles } from './temp-files';

/**
 * Open flags that refuse to follow a symlink (ELOOP instead) and never block (a FIFO at a note's path); undefined
 * where the OS lacks O_NOFOLLOW (Windows).
 */
const READ_NOFOLLOW = constants.O_NOFOLLOW === undefined ? undefined : constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0);

/** A VaultPort over the directory `root` of the local filesystem. */
export class NodeVault implements VaultPort {
  /** The absolute root directory as given (resolved against the working directory). */
  readonly root: string;
  private realRootPromise: Promise<string> | null = null;
  /**
   * Vault folder → its real path, checked to be inside the root. Spares the realpath calls for every note of a
   * folder; an entry is dropped when its folder turns out to be gone.
   */
  private readonly realDirs = new Map<string, string>();
  /** Per-path queue so two `process` calls on one file in this process never lose an update. */
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly swaps = new CompareAndSwap();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async read(vaultPath: string): Promise<string | null> {
    const key = normalizeVaultPath(vaultPath);
    if (key === '') return null;
    const dir = await this.existingDir(vaultDirname(key));
    if (dir === null) return null;
    const abs = path.join(dir, vaultBasename(key));
    try {
      if (READ_NOFOLLOW !== undefined) return readNoFollow(abs, READ_NOFOLLOW);
      if (fsSync.lstatSync(abs).isSymbolicLink()) return await this.readThroughLink(key);
      return fsSync.readFileSync(abs, 'utf8');
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ELOOP' || code === 'EMLINK') return this.readThroughLink(key); // the note is a symlink
      if (MISSING.has(code) || code === 'EISDIR') return null;
      throw err;
    }
  }

  async write(vaultPath: string, content: string): Promise<void> {
    const key = normalizeVaultPath(vaultPath);
    if (key === '') throw new VaultPathError(vaultPath, 'the vault root is not a file');
    await this.withLock(key, () => this.writeUnlocked(key, content));
  }

  /**
   * A new note is written to a temporary file and linked into place: the OS refuses if anything is there (no
   * overwrite race), and a crash leaves the whole note or none. A symlink at the path counts as "something is there".
   */
  async create(vaultPath: string, content: string): Promise<void> {
    const key = normalizeVaultPath(vaultPath);
    if (key === '') throw new VaultPathError(vaultPath, 'the vault root is not a file');
    const vaultDir = vaultDirname(key);
    const dir = this.realDirs.get(vaultDir);
    // The common case (known folder, no operation queued on this path) runs without the lock's promises: the write
    // is synchronous, so nothing can come between. A sync creates thousands of notes this way.
    if (dir !== undefined && !this.locks.has(key) && this.tryCreate(dir, key, content)) return;
    await this.withLock(key, async () => {
      if (this.tryCreate(await this.ensureDir(vaultDir), key, content)) return;
      this.realDirs.delete(vaultDir); // the folder was removed behind our back: create it again
      if (!this.tryCreate(await this.ensureDir(vaultDir), key, content)) throw new Error(`Cannot create "${key}": its folder was removed while writing`);
    });
  }

  /**
   * Write a new file into the checked real folder `dir`: false when that folder is gone, FileExistsError when
   * anything is at the path.
   */
  private tryCreate(dir: string, key: string, content: string): boolean {
    return createNoReplace(path.join(dir, vaultBasename(key)), content, key);
  }

  async process(vaultPath: string, fn: (current: string) => string): Promise<string> {
    const key = normalizeVaultPath(vaultPath);
    return this.withLock(key, async () => {
      const target = await this.existingTarget(key);
      try {
        if (target !== null) return await this.swaps.replace(target, key, fn);
      } catch (err) {
        if (!MISSING.has(errorCode(err)) && errorCode(err) !== 'EISDIR') throw err;
      }
      throw new Error(`No file at "${key}"`);
    });
  }

  /** Merge what other programs still wrote to the files `process` replaced, once they had time to (see compare-and-swap.ts). */
  settle(): Promise<void> {
    return this.swaps.settle();
  }

  async stat(vaultPath: string): Promise<FileStat | null> {
    const key = normalizeVaultPath(vaultPath);
    if (key === '') return null;
    // One lstat in a known folder (a sync stats every note it skips or writes); a symlinked note through its target.
    const dir = this.realDirs.get(vaultDirname(key)) ?? (await this.existingDir(vaultDirname(key)).catch(() => null));
    let stat = dir === null ? null : lstatOrNull(path.join(dir, vaultBasename(key)));
    if (stat?.isSymbolicLink()) {
      const real = await this.realExisting(key).catch(() => null);
      stat = real === null ? null : await fs.stat(real).catch(() => null);
    }
    return stat?.isFile() ? { size: stat.size, mtime: stat.mtimeMs } : null;
  }

  /**
   * Remove the temporary files a crash left in the vault's folders and in `configFolders` (vault paths, e.g. the
   * plugin's folder). Only while holding the sync lock (see temp-files.ts). Returns the vault paths removed.
   */
  async removeStrayTempFiles(configFolders: readonly string[] = []): Promise<string[]> {
    const root = await this.realRoot();
    const removed = await removeStrayTempFiles(root, configFolders.map((f) => path.join(root, ...normalizeVaultPath(f).split('/'))));
    return removed.map((abs) => path.relative(root, abs).split(path.sep).join('/'));
  }

  async list(folder: string, extension = ''): Promise<string[]> {
    const start = normalizeVaultPath(folder);
    const realStart = await this.realExisting(start);
    if (realStart === null) return [];
    return listFiles(await this.realRoot(), realStart, start, extension);
  }

  async exists(vaultPath: string): Promise<boolean> {
    const key = normalizeVaultPath(vaultPath); // ".." throws here, as everywhere
    if (key === '') return false;
    try {
      const dir = await this.existingDir(vaultDirname(key));
      if (dir === null) return false;
      const stat = lstatOrNull(path.join(dir, vaultBasename(key)));
      if (!stat?.isSymbolicLink()) return stat?.isFile() ?? false;
      const real = await this.realExisting(key);
      return real !== null && ((await fs.stat(real).catch(() => null))?.isFile() ?? false);
    } catch (err) {
      if (err instanceof VaultPathError) return false; // a link out of the vault: nothing there for us
      throw err;
    }
  }

  /** The absolute path a vault path names, without following symlinks (no check beyond ".."). */
  absolutePath(vaultPath: string): string {
    const key = normalizeVaultPath(vaultPath);
    return key === '' ? this.root : path.join(this.root, ...key.split('/'));
  }

  private realRoot(): Promise<string> {
    this.realRootPromise ??= fs.realpath(this.root).catch((err: unknown) => {
      this.realRootPromise = null;
      if (MISSING.has(errorCode(err))) throw new Error(`Vault folder not found: ${this.root}`);
      throw err;
    });
    return this.realRootPromise;
  }

  /** The real path of an existing file or folder, checked to be inside the root; null when nothing is there. */
  private async realExisting(vaultPath: string): Promise<string | null> {
    let real: string;
    try {
      real = await fs.realpath(this.absolutePath(vaultPath));
    } catch (err) {
      if (!MISSING.has(errorCode(err))) throw err;
      await this.realRoot(); // a missing vault folder is an error, not an empty vault
      return null;
    }
    if (!isInsideRoot(await this.realRoot(), real)) {
      throw new VaultPathError(vaultPath, 'it leads outside the vault (through a symbolic link)');
    }
    return real;
  }

  /** The checked real path of an existing vault folder, or null when there is no folder there. */
  private async existingDir(vaultDir: string): Promise<string | null> {
    const cached = this.realDirs.get(vaultDir);
    if (cached !== undefined) return cached;
    const real = vaultDir === '' ? await this.realRoot() : await this.realExisting(vaultDir);
    if (real === null || !(await fs.stat(real)).isDirectory()) return null;
    this.realDirs.set(vaultDir, real);
    return real;
  }

  /** Like existingDir, but creates the folder (and its parents) first when it is missing. */
  private async ensureDir(vaultDir: string): Promise<string> {
    const cached = this.realDirs.get(vaultDir);
    if (cached !== undefined) return cached;
    // New folders are created below the real path of the nearest existing ancestor, which is checked.
    const segments = vaultDir === '' ? [] : vaultDir.split('/');
    const missing: string[] = [];
    let base: string | null = null;
    while (base === null) {
      base = segments.length === 0 ? await this.realRoot() : await this.realExisting(segments.join('/'));
      if (base === null) missing.unshift(segments.pop() as string);
    }
    const real = path.join(base, ...missing);
    await fs.mkdir(real, { recursive: true });
    this.realDirs.set(vaultDir, real);
    return real;
  }

  private async readThroughLink(key: string): Promise<string | null> {
    const real = await this.realExisting(key);
    if (real === null) return null;
    return fs.readFile(real, 'utf8').catch((err: unknown) => {
      if (MISSING.has(errorCode(err)) || errorCode(err) === 'EISDIR') return null;
      throw err;
    });
  }

  /** The real path of the file `key` names (through a symlink inside the vault), or null when nothing is there. */
  private async existingTarget(key: string): Promise<string | null> {
    const dir = await this.existingDir(vaultDirname(key));
    if (dir === null) return null;
    const abs = path.join(dir, vaultBasename(key));
    const stat = lstatOrNull(abs);
    if (stat === null) return null;
    return stat.isSymbolicLink() ? this.realExisting(key) : abs;
  }

  private async writeUnlocked(key: string, content: string, retried = false): Promise<void> {
    const vaultDir = vaultDirname(key);
    let target = path.join(await this.ensureDir(vaultDir), vaultBasename(key));
    let stat = lstatOrNull(target);
    if (stat?.isSymbolicLink()) {
      // A symlinked note (inside the vault) stays a link: write its target.
      const real = await this.realExisting(key);
      if (real === null) throw new Error(`Cannot write "${key}": it is a broken symbolic link`);
      target = real;
      stat = await fs.stat(real);
    }
    if (stat?.isDirectory()) throw new Error(`Cannot write "${key}": it is a folder`);
    try {
      if (stat) await overwrite(target, content, key, stat);
      else if (!createNoReplace(target, content, key)) throw Object.assign(new Error(`folder gone: ${target}`), { code: 'ENOENT' });
    } catch (err) {
      if (err instanceof FileExistsError) return this.writeUnlocked(key, content, retried); // created meanwhile: overwrite, as asked
      if (errorCode(err) === 'ENOENT' && !retried) {
        this.realDirs.delete(vaultDir); // the folder was removed behind our back: create it again
        return this.writeUnlocked(key, content, true);
      }
      throw err;
    }
  }

  private async withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }
}

/** Read a file that must not be a symlink (opening one fails with ELOOP). */
function readNoFollow(abs: string, flags: number): string {
  const fd = fsSync.openSync(abs, flags);
  try {
    return fsSync.readFileSync(fd, 'utf8');
  } finally {
    fsSync.closeSync(fd);
  }
}

function lstatOrNull(abs: string): Stats | null {
  try {
    return fsSync.lstatSync(abs);
  } catch (err) {
    if (MISSING.has(errorCode(err))) return null;
    throw err;
  }
}
