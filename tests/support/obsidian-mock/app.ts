/**
 * `App` and the services hanging off it: `Workspace`, `MetadataCache`, `FileManager`
 * (https://docs.obsidian.md/Reference/TypeScript+API/App). Each is as small as the tests that use it.
 */
import { Document, parseDocument } from 'yaml';
import { Editor } from './editor';
import { Events } from './events';
import { TFile, Vault } from './vault';

/** A leading `---` block (possibly empty), as Obsidian recognises front matter. */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)(?:\r?\n)?---(?:\r?\n|$)/;

/**
 * https://docs.obsidian.md/Plugins/Guides/Understanding+deferred+views — a tab restored at start-up but not shown
 * yet (Obsidian 1.7.2+) holds this placeholder, not a MarkdownView: there is no editor until the tab is shown.
 */
export class DeferredView {
  constructor(
    readonly leaf: WorkspaceLeaf,
    readonly file: TFile,
  ) {}

  getViewType(): string {
    return 'markdown';
  }
}

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/WorkspaceLeaf — a tab. `openFile` records the file and makes it
 * active, but builds no view (tests that need a note in an editor use `Workspace.openInEditor`).
 */
export class WorkspaceLeaf {
  /** https://docs.obsidian.md/Reference/TypeScript+API/WorkspaceLeaf/view — null until `openInEditor` puts a note here. */
  view: MarkdownView | DeferredView | null = null;

  constructor(private readonly workspace: Workspace) {}

  /** https://docs.obsidian.md/Reference/TypeScript+API/WorkspaceLeaf/isDeferred */
  get isDeferred(): boolean {
    return this.view instanceof DeferredView;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/WorkspaceLeaf/loadIfDeferred — the editor reads the file then. */
  async loadIfDeferred(): Promise<void> {
    const view = this.view;
    if (!(view instanceof DeferredView)) return;
    this.view = new MarkdownView(this, view.file, new Editor((await view.file.vault?.read(view.file)) ?? ''));
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/WorkspaceLeaf/openFile */
  openFile(file: TFile): Promise<void> {
    this.workspace.activeFile = file;
    this.workspace.openedFiles.push(file.path);
    this.workspace.trigger('file-open', file);
    return Promise.resolve();
  }
}

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/MarkdownView — a note in an editor tab. The real view saves the
 * editor's text to the file about 2 s after a change; here a test calls `save()` when it wants that to happen.
 */
export class MarkdownView {
  constructor(
    readonly leaf: WorkspaceLeaf,
    public file: TFile | null,
    readonly editor: Editor,
  ) {}

  /** https://docs.obsidian.md/Reference/TypeScript+API/View/getViewType */
  getViewType(): string {
    return 'markdown';
  }

  /** Mock only: the view's autosave ran: the editor's text goes to the file through `Vault.modify`. */
  async save(): Promise<void> {
    if (this.file?.vault) await this.file.vault.modify(this.file, this.editor.getValue());
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/MarkdownFileInfo — a note open in an editor. */
export interface MarkdownFileInfo {
  file: TFile | null;
  editor?: Editor;
}

/** https://docs.obsidian.md/Reference/TypeScript+API/Workspace */
export class Workspace extends Events {
  /** https://docs.obsidian.md/Reference/TypeScript+API/Workspace/layoutReady */
  layoutReady = false;
  /** Mock only: the file `getActiveFile` returns. */
  activeFile: TFile | null = null;
  /** Mock only: paths opened through `getLeaf().openFile`, in order. */
  readonly openedFiles: string[] = [];
  /** https://docs.obsidian.md/Reference/TypeScript+API/Workspace/activeEditor — set by `openInEditor`. */
  activeEditor: MarkdownFileInfo | null = null;
  /** https://docs.obsidian.md/Reference/TypeScript+API/Workspace/activeLeaf — the tab `openInEditor` used last. */
  activeLeaf: WorkspaceLeaf | null = null;
  private readonly leaves: WorkspaceLeaf[] = [];
  private readonly layoutCallbacks: (() => unknown)[] = [];

  /**
   * https://docs.obsidian.md/Reference/TypeScript+API/Workspace/onLayoutReady — queued until the test calls
   * `triggerLayoutReady()`, then run at once (as Obsidian does once the layout is ready).
   */
  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.layoutCallbacks.push(callback);
  }

  /** Mock only: Obsidian finished loading the workspace. */
  triggerLayoutReady(): void {
    this.layoutReady = true;
    for (const cb of this.layoutCallbacks.splice(0)) cb();
    this.trigger('layout-ready');
  }

  /**
   * Mock only: a tab Obsidian restored at start-up and has not shown yet: a deferred view, no editor, not active.
   */
  openDeferred(file: TFile): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this);
    leaf.view = new DeferredView(leaf, file);
    this.leaves.push(leaf);
    return leaf;
  }

  /**
   * Mock only: the user opened `file` in an editor holding `text` (the note's content, maybe with unsaved typing).
   * As a click in the file list does, it replaces the note of the active tab, or opens a new tab with `newTab`
   * (a second pane); the note becomes the active file and the active editor, and `file-open` fires.
   */
  openInEditor(file: TFile, text: string, options: { newTab?: boolean } = {}): MarkdownView {
    let leaf = options.newTab ? null : this.activeLeaf;
    if (!leaf) {
      leaf = new WorkspaceLeaf(this);
      this.leaves.push(leaf);
    }
    const view = new MarkdownView(leaf, file, new Editor(text));
    leaf.view = view;
    this.activeLeaf = leaf;
    this.activeFile = file;
    this.activeEditor = view;
    this.trigger('file-open', file);
    return view;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Workspace/getLeavesOfType — the tabs `openInEditor` made. */
  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.leaves.filter((leaf) => leaf.view?.getViewType() === viewType);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Workspace/getActiveFile */
  getActiveFile(): TFile | null {
    return this.activeFile;
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/Workspace/getLeaf */
  getLeaf(): WorkspaceLeaf {
    return new WorkspaceLeaf(this);
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/CachedMetadata (front matter only). */
export interface CachedMetadata {
  frontmatter?: Record<string, unknown>;
}

/** A note's front matter, as the metadata cache parses it. */
function parseMetadata(text: string): CachedMetadata {
  const match = FRONT_MATTER.exec(text);
  if (!match) return {};
  const value: unknown = parseDocument(match[1]).toJS();
  return value !== null && typeof value === 'object' ? { frontmatter: value as Record<string, unknown> } : {};
}

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/MetadataCache — like Obsidian's, it lags the vault: a file
 * written now is parsed a moment later (a zero-delay `window.setTimeout`, so fake timers drive it), then `changed`
 * fires; until then `getFileCache` gives what was parsed before (null for a new file). Code that writes a note and
 * reads its front matter back at once gets the old one here as it would in Obsidian. `resolvedLinks` stays empty
 * until a test needs links.
 */
export class MetadataCache extends Events {
  resolvedLinks: Record<string, Record<string, number>> = {};
  private readonly parsed = new Map<string, CachedMetadata>();
  /** Files written and not parsed yet. */
  private readonly pending = new Set<string>();

  constructor(private readonly vault: Vault) {
    super();
    vault.indexer = (name, file, oldPath) => {
      if (!(file instanceof TFile)) return;
      if (name === 'delete' || name === 'rename') this.parsed.delete(oldPath ?? file.path);
      if (name === 'delete' || this.pending.has(file.path)) return;
      this.pending.add(file.path);
      window.setTimeout(() => this.pending.delete(file.path) && this.index(file), 0);
    };
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/MetadataCache/getFileCache */
  getFileCache(file: TFile): CachedMetadata | null {
    return this.parsed.get(file.path) ?? null;
  }

  /** Mock only: parse every file now (what Obsidian has done by the time the layout is ready). */
  indexAll(): void {
    this.pending.clear();
    for (const file of this.vault.getFiles()) this.index(file);
  }

  private index(file: TFile): void {
    const text = this.vault.contentOf(file.path);
    if (text === undefined) return;
    this.parsed.set(file.path, parseMetadata(text));
    this.trigger('changed', file, text, this.parsed.get(file.path));
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/FileManager */
export class FileManager {
  constructor(private readonly vault: Vault) {}

  /**
   * https://docs.obsidian.md/Reference/TypeScript+API/FileManager/processFrontMatter — YAML through the `yaml`
   * package; the real one also keeps the rest of the note byte for byte, as this does.
   */
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
    await this.vault.process(file, (text) => {
      const match = FRONT_MATTER.exec(text);
      const body = match ? text.slice(match[0].length) : text;
      const data = (match ? parseDocument(match[1]).toJS() : {}) as Record<string, unknown> | null;
      const frontmatter = data ?? {};
      fn(frontmatter);
      return `---\n${new Document(frontmatter).toString()}---\n${body}`;
    });
  }

  /**
   * https://docs.obsidian.md/Reference/TypeScript+API/FileManager/generateMarkdownLink — Obsidian's defaults:
   * wikilinks, shortest path (the base name when unique in the vault).
   */
  generateMarkdownLink(file: TFile, _sourcePath: string, subpath = '', alias = ''): string {
    const sameName = this.vault.getFiles().filter((f) => f.basename === file.basename).length;
    const target = sameName > 1 ? file.path.replace(/\.md$/, '') : file.basename;
    return `[[${target}${subpath}${alias ? `|${alias}` : ''}]]`;
  }
}

/** Mock only: the data each plugin saved, so a second plugin instance loads what the first saved. */
export class PluginDataStore {
  readonly data = new Map<string, string>();
}

/** https://docs.obsidian.md/Reference/TypeScript+API/App */
export class App {
  readonly vault = new Vault();
  readonly workspace = new Workspace();
  readonly metadataCache = new MetadataCache(this.vault);
  readonly fileManager = new FileManager(this.vault);
  /** Mock only: `data.json` per plugin id, shared by every plugin instance of this app. */
  readonly pluginData = new PluginDataStore();
  /** Mock only: this device's local storage for the vault, as JSON (what a vault sync never copies). */
  readonly localStorage = new Map<string, string>();

  /** https://docs.obsidian.md/Reference/TypeScript+API/App/loadLocalStorage (1.8.7+) — a copy, or null. */
  loadLocalStorage(key: string): unknown {
    const json = this.localStorage.get(key);
    return json === undefined ? null : JSON.parse(json);
  }

  /** https://docs.obsidian.md/Reference/TypeScript+API/App/saveLocalStorage (1.8.7+) — null clears the entry. */
  saveLocalStorage(key: string, data: unknown): void {
    if (data === null) this.localStorage.delete(key);
    else this.localStorage.set(key, JSON.stringify(data));
  }
}

/**
 * Mock only: an App whose vault holds `files` (vault path → text; parent folders are created).
 * Files whose path starts with the config dir go to the adapter, as Obsidian does not index them.
 */
export async function createMockApp(files: Record<string, string> = {}): Promise<App> {
  const app = new App();
  for (const [path, text] of Object.entries(files)) {
    if (path.startsWith(`${app.vault.configDir}/`)) await app.vault.adapter.write(path, text);
    else await app.vault.setExternal(path, text);
  }
  app.vault.resetWrites();
  app.metadataCache.indexAll();
  return app;
}
