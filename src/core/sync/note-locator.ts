/**
 * Finding a paper's note: by the `citekey` in its front matter, not by its file name, so a note the user renamed
 * or moved is updated where it is. The recorded path is tried first; the notes folder is scanned (front matter
 * only) the first time a note is not where the state says, and the whole vault only when a known note has left the
 * notes folder.
 */
import type { VaultPort } from '../vault/vault-port';
import { isInFolder, normalizeVaultPath } from '../vault/vault-path';
import { readFrontMatterValue } from '../text/front-matter-text';
import type { Pause } from '../scheduling/time-slicer';

/**
 * Run `task` over `items` with at most `limit` promises in flight. `pause`, when given, is awaited after every
 * item: the plugin's time slicer yields to the event loop there once its slice is used up, so a 10,000-paper sync
 * never freezes Obsidian.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>, pause?: Pause): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
      if (pause) await pause();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** The citekey a note's front matter names, or null. */
export function citekeyOfNote(text: string): string | null {
  const value = readFrontMatterValue(text, 'citekey');
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

export class NoteLocator {
  private folderFiles: Promise<string[]> | null = null;
  private folderSet: Promise<Set<string>> | null = null;
  private folderIndex: Promise<Map<string, string[]>> | null = null;
  private vaultIndex: Promise<Map<string, string[]>> | null = null;

  constructor(
    private readonly vault: VaultPort,
    readonly notesFolder: string,
    private readonly concurrency = 16,
    /** Awaited after every note read while indexing (the plugin's time slicer). */
    private readonly pause?: Pause,
  ) {}

  /** Every Markdown file in the notes folder (listed once). */
  files(): Promise<string[]> {
    this.folderFiles ??= this.vault.list(this.notesFolder, '.md');
    return this.folderFiles;
  }

  /** Whether a Markdown file exists at `path`: answered from the folder listing when it lies in the notes folder. */
  async exists(path: string): Promise<boolean> {
    const key = normalizeVaultPath(path);
    if (!isInFolder(key, this.notesFolder)) return this.vault.exists(key);
    this.folderSet ??= this.files().then((files) => new Set(files));
    return (await this.folderSet).has(key);
  }

  /** The text of `path` when it is a note of `citekey`, else null. */
  async readNoteOf(path: string, citekey: string): Promise<string | null> {
    const text = await this.vault.read(path);
    return text !== null && citekeyOfNote(text) === citekey ? text : null;
  }

  /**
   * Paths of the notes naming `citekey`, sorted; the whole vault is searched when `searchVault` and the notes
   * folder has none.
   */
  async find(citekey: string, searchVault: boolean): Promise<string[]> {
    this.folderIndex ??= this.index(this.files());
    const inFolder = (await this.folderIndex).get(citekey) ?? [];
    if (inFolder.length > 0 || !searchVault) return inFolder;
    this.vaultIndex ??= this.index(this.vault.list('', '.md').then((all) => all.filter((p) => !isInFolder(p, this.notesFolder))));
    return (await this.vaultIndex).get(citekey) ?? [];
  }

  /** How many notes of the notes folder name a citekey (the literature notes). */
  async countNotes(): Promise<number> {
    this.folderIndex ??= this.index(this.files());
    let count = 0;
    for (const paths of (await this.folderIndex).values()) count += paths.length;
    return count;
  }

  private async index(paths: Promise<string[]>): Promise<Map<string, string[]>> {
    const list = await paths;
    const found: (string | null)[] = new Array<string | null>(list.length).fill(null);
    await forEachLimited(
      list,
      this.concurrency,
      async (path, i) => {
        const text = await this.vault.read(path);
        found[i] = text === null ? null : citekeyOfNote(text);
      },
      this.pause,
    );
    const byKey = new Map<string, string[]>();
    for (let i = 0; i < list.length; i++) {
      const key = found[i];
      if (key === null) continue;
      const paths = byKey.get(key);
      if (paths) paths.push(list[i]);
      else byKey.set(key, [list[i]]);
      if (this.pause) await this.pause();
    }
    return byKey;
  }
}
