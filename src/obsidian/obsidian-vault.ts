/**
 * The VaultPort backend over Obsidian's Vault API. Every path goes through `normalizePath` (and our own check
 * that rejects ".."); edits go through `Vault.process`, which is atomic; new files through `create` after their
 * folders through `createFolder`. Never `vault.adapter`: Obsidian's index and events stay right.
 */
import { normalizePath, TFile, TFolder, type Vault } from 'obsidian';
import { FileExistsError, type VaultPort } from '../core/vault/vault-port';
import { normalizeVaultPath, vaultDirname, VaultPathError } from '../core/vault/vault-path';

export class ObsidianVault implements VaultPort {
  constructor(private readonly vault: Vault) {}

  /** A vault path as Obsidian stores it ("" for the root): slashes, NFC and spaces per normalizePath, no "..". */
  static toVaultPath(path: string): string {
    return normalizeVaultPath(normalizePath(path));
  }

  async read(path: string): Promise<string | null> {
    const file = this.vault.getFileByPath(ObsidianVault.toVaultPath(path));
    return file ? this.vault.read(file) : null;
  }

  async write(path: string, content: string): Promise<void> {
    const key = ObsidianVault.toVaultPath(path);
    if (key === '') throw new VaultPathError(path, 'the vault root is not a file');
    const existing = this.vault.getAbstractFileByPath(key);
    if (existing instanceof TFile) return this.vault.modify(existing, content);
    if (existing) throw new Error(`Cannot write "${key}": it is a folder`);
    await this.ensureFolder(vaultDirname(key));
    try {
      await this.vault.create(key, content);
    } catch (err) {
      // Another write created it in the meantime (or Obsidian indexed it just now): overwrite, as asked.
      const created = this.vault.getFileByPath(key);
      if (!created) throw err;
      await this.vault.modify(created, content);
    }
  }

  async create(path: string, content: string): Promise<void> {
    const key = ObsidianVault.toVaultPath(path);
    if (key === '') throw new VaultPathError(path, 'the vault root is not a file');
    if (this.vault.getAbstractFileByPath(key)) throw new FileExistsError(key);
    await this.ensureFolder(vaultDirname(key));
    try {
      await this.vault.create(key, content);
    } catch (err) {
      if (this.vault.getAbstractFileByPath(key)) throw new FileExistsError(key);
      throw err;
    }
  }

  /**
   * Vault.process may write even when the callback returns its input, so the text is read and compared first;
   * only a real change goes through `process`, whose callback re-applies `fn` if the note changed in between.
   * `fn` must therefore be pure (it may run twice).
   */
  async process(path: string, fn: (current: string) => string): Promise<string> {
    const key = ObsidianVault.toVaultPath(path);
    const file = this.vault.getFileByPath(key);
    if (!file) throw new Error(`No file at "${key}"`);
    const current = await this.vault.read(file);
    const next = fn(current);
    if (next === current) return current;
    return this.vault.process(file, (data) => (data === current ? next : fn(data)));
  }

  list(folder: string, extension = ''): Promise<string[]> {
    const key = ObsidianVault.toVaultPath(folder);
    const start = key === '' ? this.vault.getRoot() : this.vault.getFolderByPath(key);
    const found: string[] = [];
    if (start) collectFiles(start, extension, found);
    return Promise.resolve(found.sort());
  }

  exists(path: string): Promise<boolean> {
    const key = ObsidianVault.toVaultPath(path);
    return Promise.resolve(key !== '' && this.vault.getFileByPath(key) !== null);
  }

  /** Create `folder` and its missing ancestors; tolerate a concurrent creation of the same folder. */
  private async ensureFolder(folder: string): Promise<void> {
    if (folder === '') return;
    const existing = this.vault.getAbstractFileByPath(folder);
    if (existing instanceof TFolder) return;
    if (existing) throw new Error(`Cannot create folder "${folder}": a file has that name`);
    await this.ensureFolder(vaultDirname(folder));
    try {
      await this.vault.createFolder(folder);
    } catch (err) {
      if (!this.vault.getFolderByPath(folder)) throw err;
    }
  }
}

function collectFiles(folder: TFolder, extension: string, out: string[]): void {
  for (const child of folder.children) {
    if (child instanceof TFolder) collectFiles(child, extension, out);
    else if (child instanceof TFile && child.path.endsWith(extension)) out.push(child.path);
  }
}
