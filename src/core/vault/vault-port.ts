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
   * When `fn` returns its input unchanged, nothing is written. Rejects when the file does not exist.
   */
  process(path: string, fn: (current: string) => string): Promise<string>;
  /** Every file below `folder` (recursively; "" is the vault root) whose name ends with `extension`, sorted. */
  list(folder: string, extension?: string): Promise<string[]>;
  /** Whether a file (not a folder) exists at `path`. */
  exists(path: string): Promise<boolean>;
}

/** `create` found something already at the path. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`A file already exists at "${path}"`);
    this.name = 'FileExistsError';
  }
}
