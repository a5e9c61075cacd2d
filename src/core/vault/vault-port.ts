/**
 * The only way src/core touches storage. Paths are vault-relative POSIX strings ("Literature/smith2020.md"),
 * never absolute and never with "..". Three backends implement it: in-memory (tests), Node filesystem (CLI)
 * and Obsidian's Vault (plugin); tests/core/vault/vault-contract.ts checks that they behave the same.
 */
export interface VaultPort {
  /** The file's text, or null when there is no file at `path`. */
  read(path: string): Promise<string | null>;
  /** Create or overwrite `path`, creating missing parent folders. */
  write(path: string, content: string): Promise<void>;
  /**
   * Create a new file at `path` (and missing parent folders). Never overwrites: rejects with FileExistsError when
   * anything is already there, so a note that appeared since a sync was planned is never clobbered.
   */
  create(path: string, content: string): Promise<void>;
  /**
   * Atomically replace an existing file's text with `fn(current)`. Returns the text now stored.
   * When `fn` returns its input unchanged, nothing is written. Rejects when the file does not exist, with
   * ReadOnlyFileError when its permissions forbid writing, and with FileKeptChangingError when another program kept
   * changing it between the read and the replace. `fn` must be pure: it runs again on the new text after such a change.
   */
  process(path: string, fn: (current: string) => string): Promise<string>;
  /** Every file below `folder` (recursively; "" is the vault root) whose name ends with `extension`, sorted. */
  list(folder: string, extension?: string): Promise<string[]>;
  /** Whether a file (not a folder) exists at `path`. */
  exists(path: string): Promise<boolean>;
  /**
   * Size and modification time of the file at `path` (null: no file), cheap next to `read`. The sync compares them
   * with what it recorded after its last write, to trust a note without reading it.
   */
  stat?(path: string): Promise<FileStat | null>;
  /**
   * Wait until writes other programs may still be making to the files `process` replaced have been merged (the
   * Node backend watches a replaced file a moment longer). Called once a sync has written its notes.
   */
  settle?(): Promise<void>;
}

export interface FileStat {
  size: number;
  /** Modification time, in whatever unit the backend counts (compared for equality only). */
  mtime: number;
}

/** `create` found something already at the path. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`A file already exists at "${path}"`);
    this.name = 'FileExistsError';
  }
}

/** The file's permissions forbid writing (e.g. `chmod 444`): the user asked for it to be left alone. */
export class ReadOnlyFileError extends Error {
  constructor(readonly path: string) {
    super(`"${path}" is read-only: left alone`);
    this.name = 'ReadOnlyFileError';
  }
}

/** Another program changed the file every time between reading and replacing it; nothing was written. */
export class FileKeptChangingError extends Error {
  constructor(readonly path: string) {
    super(`"${path}" kept changing while it was being written (another program is writing it): left as is; the next sync tries again`);
    this.name = 'FileKeptChangingError';
  }
}
