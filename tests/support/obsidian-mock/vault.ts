/**
 * An in-memory Obsidian `Vault` with a real file tree (https://docs.obsidian.md/Reference/TypeScript+API/Vault).
 * Deliberately strict where the real API is strict or undocumented, so code that passes here is safe there:
 * paths are taken as given (no normalisation: callers must `normalizePath`), `create` and `createFolder` reject an
 * existing path and a missing parent folder, and `process` always writes, even when its callback changes nothing.
 */
import { MockDataAdapter } from './data-adapter';
import { Events } from './events';

/** https://docs.obsidian.md/Reference/TypeScript+API/FileStats */
export interface FileStats {
  ctime: number;
  mtime: number;
  size: number;
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function parentPathOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '/' : path.slice(0, i);
}

/** https://docs.obsidian.md/Reference/TypeScript+API/TAbstractFile */
export abstract class TAbstractFile {
  path: string;
  name: string;
  parent: TFolder | null = null;
  vault: Vault | null = null;

  constructor(path: string) {
    this.path = path;
    this.name = nameOf(path);
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/TFile — built from a path alone, as in obsidian-git's stub. */
export class TFile extends TAbstractFile {
  basename: string;
  extension: string;
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 };

  constructor(path: string) {
    super(path);
    const dot = this.name.lastIndexOf('.');
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : '';
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/TFolder */
export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === '/';
  }
}

export class Vault extends Events {
  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/configDir */
  configDir = '.obsidian';
  adapter = new MockDataAdapter();
  /** Mock only: paths written (create, modify, process), in order. */
  readonly writes: string[] = [];
  private readonly root = new TFolder('/');
  private readonly entries = new Map<string, TAbstractFile>();
  private readonly contents = new Map<string, string>();
  private lastMtime = 0;
  /**
   * Mock only: the vault is on a case-insensitive file system (macOS, Windows), where "literature" is the folder
   * "Literature": creating a path that differs from an existing one only in case fails, as the disk refuses it.
   */
  caseInsensitive = false;
  /** Mock only: how the metadata cache hears of changes (not a listener that tests counting listeners would see). */
  indexer: ((name: string, file: TAbstractFile, oldPath?: string) => void) | null = null;

  constructor() {
    super();
    this.root.name = '';
    this.root.vault = this;
  }

  getName(): string {
    return 'Mock vault';
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Events/trigger — the metadata cache hears of it too. */
  override trigger(name: string, ...data: unknown[]): void {
    super.trigger(name, ...data);
    this.indexer?.(name, data[0] as TAbstractFile, data[1] as string | undefined);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/getRoot */
  getRoot(): TFolder {
    return this.root;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/getAbstractFileByPath ("/" is the root). */
  getAbstractFileByPath(path: string): TAbstractFile | null {
    return path === '/' ? this.root : (this.entries.get(path) ?? null);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/getFileByPath */
  getFileByPath(path: string): TFile | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFile ? f : null;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/getFolderByPath */
  getFolderByPath(path: string): TFolder | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFolder ? f : null;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/create — rejects an existing path or a missing parent. */
  create(path: string, data: string): Promise<TFile> {
    return new Promise((resolve) => {
      const file = new TFile(path);
      this.attach(file); // throws, so rejects, for an existing path or a missing parent
      this.store(file, data);
      this.trigger('create', file);
      resolve(file);
    });
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/createFolder — rejects an existing path or a missing parent. */
  createFolder(path: string): Promise<TFolder> {
    return new Promise((resolve) => {
      const folder = new TFolder(path);
      this.attach(folder);
      this.trigger('create', folder);
      resolve(folder);
    });
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/read */
  read(file: TFile): Promise<string> {
    const data = this.entries.get(file.path) === file ? this.contents.get(file.path) : undefined;
    return data === undefined ? Promise.reject(new Error(`ENOENT: no such file "${file.path}"`)) : Promise.resolve(data);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/readBinary — the text's UTF-8 bytes, in a new buffer. */
  readBinary(file: TFile): Promise<ArrayBuffer> {
    return this.read(file).then((data) => new TextEncoder().encode(data).buffer);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/cachedRead */
  cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/modify */
  async modify(file: TFile, data: string): Promise<void> {
    await this.read(file); // rejects for a file that is not (or no longer) in the vault
    this.store(file, data);
    this.trigger('modify', file);
  }

  /**
   * https://docs.obsidian.md/Reference/TypeScript+API/Vault/process — atomic (read, callback and write in one
   * step), and it always writes, even an unchanged text, since the docs do not rule that out.
   */
  process(file: TFile, fn: (data: string) => string): Promise<string> {
    const data = this.entries.get(file.path) === file ? this.contents.get(file.path) : undefined;
    if (data === undefined) return Promise.reject(new Error(`ENOENT: no such file "${file.path}"`));
    const next = fn(data);
    this.store(file, next);
    this.trigger('modify', file);
    return Promise.resolve(next);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/delete */
  delete(file: TAbstractFile): Promise<void> {
    this.remove(file);
    return Promise.resolve();
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/rename (files only in this mock). */
  rename(file: TAbstractFile, newPath: string): Promise<void> {
    if (!(file instanceof TFile)) return Promise.reject(new Error('Mock vault renames files only'));
    if (this.entries.has(newPath)) return Promise.reject(new Error('Destination file already exists!'));
    const oldPath = file.path;
    const data = this.contents.get(oldPath) ?? '';
    this.detach(file);
    this.contents.delete(oldPath);
    Object.assign(file, new TFile(newPath), { stat: file.stat });
    this.attach(file);
    this.contents.set(newPath, data);
    this.trigger('rename', file, oldPath);
    return Promise.resolve();
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/getFiles */
  getFiles(): TFile[] {
    return [...this.entries.values()].filter((f): f is TFile => f instanceof TFile);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/getMarkdownFiles */
  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md');
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/getAllLoadedFiles */
  getAllLoadedFiles(): TAbstractFile[] {
    return [this.root, ...this.entries.values()];
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Vault/recurseChildren */
  static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
    cb(root);
    for (const child of root.children) {
      if (child instanceof TFolder) Vault.recurseChildren(child, cb);
      else cb(child);
    }
  }

  /**
   * Mock only: a change made outside the plugin (the user, a sync client, Better BibTeX rewriting its export).
   * Creates missing folders and the file, or modifies it, firing the same events Obsidian would.
   */
  async setExternal(path: string, data: string): Promise<TFile> {
    const existing = this.getFileByPath(path);
    if (existing) {
      this.store(existing, data);
      this.trigger('modify', existing);
      return existing;
    }
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (!this.getFolderByPath(folder)) await this.createFolder(folder);
    }
    return this.create(path, data);
  }

  /** Mock only: the user (or a sync client) deleted the file at `path`; `delete` fires as Obsidian fires it. */
  removeExternal(path: string): void {
    const file = this.getAbstractFileByPath(path);
    if (!file) throw new Error(`Mock vault: nothing at "${path}" to remove`);
    this.remove(file);
  }

  /** Mock only: a file's text without going through a TFile (undefined when there is none). */
  contentOf(path: string): string | undefined {
    return this.contents.get(path);
  }

  /** Mock only: every file's text, sorted by path. */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.contents.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** Mock only: forget the write log. */
  resetWrites(): void {
    this.writes.length = 0;
  }

  private attach(file: TAbstractFile): void {
    const folded = file.path.toLowerCase();
    const taken = this.entries.has(file.path) || (this.caseInsensitive && [...this.entries.keys()].some((p) => p.toLowerCase() === folded));
    if (file.path === '' || file.path === '/' || taken) throw new Error(file instanceof TFolder ? 'Folder already exists.' : 'File already exists.');
    const parent = this.getFolderByPath(parentPathOf(file.path));
    if (!parent) throw new Error(`ENOENT: parent folder of "${file.path}" does not exist`);
    file.parent = parent;
    file.vault = this;
    parent.children.push(file);
    this.entries.set(file.path, file);
  }

  private remove(file: TAbstractFile): void {
    if (file instanceof TFolder) for (const child of [...file.children]) this.remove(child);
    this.detach(file);
    this.contents.delete(file.path);
    this.trigger('delete', file);
  }

  private detach(file: TAbstractFile): void {
    this.entries.delete(file.path);
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
    file.parent = null;
  }

  private store(file: TFile, data: string): void {
    const now = Math.max(Date.now(), this.lastMtime + 1); // strictly increasing, even under fake timers
    this.lastMtime = now;
    if (!this.contents.has(file.path)) file.stat.ctime = now;
    file.stat = { ...file.stat, mtime: now, size: Buffer.byteLength(data, 'utf8') };
    this.contents.set(file.path, data);
    this.writes.push(file.path);
  }
}
