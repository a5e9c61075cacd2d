/**
 * The VaultPort backend over Obsidian's Vault API. Every path goes through `normalizePath` (and our own check
 * that rejects ".."); edits go through `Vault.process`, which is atomic; new files through `create` after their
 * folders through `createFolder`. Never `vault.adapter`: Obsidian's index and events stay right.
 *
 * A note open in an editor is the editor's: its text is read from the editor (typing not saved yet included) and
 * changed through it with minimal replacements, so a sync or a concept run never replaces the file under the user
 * (which would lose the cursor, the undo history or the typing). The editor saves the file itself.
 *
 * Writes by other programs: `Vault.process` is atomic against Obsidian's own writes only. A program outside
 * Obsidian (a sync client, a script, the CLI) that writes the note between Obsidian's read and write inside
 * `process` is overwritten, and the API offers no compare-and-swap to prevent it. What this class does: it reads,
 * merges, and hands `process` a callback that merges again whenever the text Obsidian reads is not the text merged
 * (a change made before that moment is never lost), and the sync takes a lock so that the CLI never writes at the
 * same time. The remaining window is Obsidian's own read-to-write step, a few milliseconds per changed note.
 */
import { normalizePath, TFile, TFolder, type Editor, type Vault } from 'obsidian';
import { FileExistsError, normalizeVaultPath, vaultDirname, VaultPathError, type FileStat, type VaultPort } from '../../core/vault';
import { replaceEditorText } from './open-editor';

export interface ObsidianVaultOptions {
  /** The editor the note at this (normalised) path is open in, or null. Without it, every edit goes to the file. */
  openEditor?: (path: string) => Editor | null;
  /** Called before every write; throws to refuse it (the plugin was unloaded). */
  beforeWrite?: () => void;
}

export class ObsidianVault implements VaultPort {
  constructor(
    private readonly vault: Vault,
    private readonly options: ObsidianVaultOptions = {},
  ) {}

  /** A vault path as Obsidian stores it ("" for the root): slashes, NFC and spaces per normalizePath, no "..". */
  static toVaultPath(this: void, path: string): string {
    return normalizeVaultPath(normalizePath(path));
  }

  async read(path: string): Promise<string | null> {
    const key = ObsidianVault.toVaultPath(path);
    const file = this.vault.getFileByPath(key);
    if (!file) return null;
    return this.editorOf(key)?.getValue() ?? this.vault.read(file);
  }

  async write(path: string, content: string): Promise<void> {
    const key = ObsidianVault.toVaultPath(path);
    if (key === '') throw new VaultPathError(path, 'the vault root is not a file');
    this.options.beforeWrite?.();
    const existing = this.vault.getAbstractFileByPath(key);
    if (existing instanceof TFile) {
      const editor = this.editorOf(key);
      if (editor) return replaceEditorText(editor, content);
      return this.vault.modify(existing, content);
    }
    if (existing) throw new Error(`Cannot write "${key}": it is a folder`);
    await this.ensureFolder(vaultDirname(key));
    this.options.beforeWrite?.();
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
    this.options.beforeWrite?.();
    if (this.vault.getAbstractFileByPath(key)) throw new FileExistsError(key);
    await this.ensureFolder(vaultDirname(key));
    this.options.beforeWrite?.();
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
   * `fn` must therefore be pure (it may run twice). A note open in an editor: `fn` runs on the editor's text and
   * the change is applied there, all in one synchronous step, so no keystroke can come in between.
   */
  async process(path: string, fn: (current: string) => string): Promise<string> {
    const key = ObsidianVault.toVaultPath(path);
    const file = this.vault.getFileByPath(key);
    if (!file) throw new Error(`No file at "${key}"`);
    this.options.beforeWrite?.();
    const editor = this.editorOf(key);
    if (editor) {
      const text = editor.getValue();
      const changed = fn(text);
      if (changed !== text) replaceEditorText(editor, changed);
      return changed;
    }
    const current = await this.vault.read(file);
    const next = fn(current);
    if (next === current) return current;
    this.options.beforeWrite?.();
    if (this.editorOf(key)) return this.process(path, fn); // opened in an editor while the file was read
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

  /** From Obsidian's index (no disk access); null for no file. */
  stat(path: string): Promise<FileStat | null> {
    const key = ObsidianVault.toVaultPath(path);
    const file = key === '' ? null : this.vault.getFileByPath(key);
    return Promise.resolve(file ? { size: file.stat.size, mtime: file.stat.mtime } : null);
  }

  private editorOf(key: string): Editor | null {
    return this.options.openEditor?.(key) ?? null;
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
