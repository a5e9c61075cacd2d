/**
 * Where the Better BibTeX export lives and how to read it. A vault path is read through the Vault API (works on
 * mobile); an absolute path outside the vault through Node's fs, which only the desktop app has: the require is
 * guarded by `Platform.isDesktop`, so mobile never evaluates it and gets a clear message instead.
 */
import { Platform, TFile, type App } from 'obsidian';
import { expandHome, exportFileProblem, isAbsoluteExportPath } from '../../core/export';
import { ObsidianVault } from '../vault/obsidian-vault';
import { errorMessage } from '../../core/text';

export type ExportLocation =
  | { kind: 'unset' }
  | { kind: 'vault'; path: string }
  | { kind: 'external'; path: string };

/** An export that cannot be read; the message is for the user. */
export class ExportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFileError';
  }
}

type NodeFs = typeof import('fs');
type NodePath = typeof import('path');
type NodeOs = typeof import('os');
type NodeProcess = typeof import('process');

/** Node's modules on the desktop app; null on mobile. */
export interface NodeModules {
  fs: NodeFs;
  path: NodePath;
  os: NodeOs;
  process: NodeProcess;
}

/* global require -- Obsidian's desktop app gives plugin code Node's require; mobile has none, hence the guard below */

/** Node's fs, path, os and process, or null where they do not exist (mobile). Required lazily, never at load time. */
export function nodeModules(): NodeModules | null {
  if (Platform.isDesktop && Platform.isDesktopApp) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- desktop-only Node modules, loaded on demand
    return { fs: require('fs') as NodeFs, path: require('path') as NodePath, os: require('os') as NodeOs, process: require('process') as NodeProcess };
  }
  return null;
}

/**
 * The bytes of the regular file at `abs`, read with Node: opened without blocking (a FIFO would hang the read
 * forever) and checked on that open file before a byte is read (a device like /dev/zero would fill the memory).
 * The bytes are in a buffer of their own, so the library worker can take it over without a copy.
 */
async function readRegularFile(node: NodeModules, abs: string): Promise<Uint8Array> {
  const { constants } = node.fs;
  const handle = await node.fs.promises.open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    const problem = exportFileProblem({ isFile: stat.isFile(), isDirectory: stat.isDirectory(), size: stat.size });
    if (problem !== null) throw new ExportFileError(`Cannot read the export file ${abs}: ${problem}`);
    const data = await handle.readFile();
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    // Small files share Node's buffer pool: copy them out of it.
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  } finally {
    await handle.close();
  }
}

/** Classify the export path setting. Throws VaultPathError for a vault path with "..". */
export function locateExport(setting: string): ExportLocation {
  const trimmed = setting.trim();
  if (trimmed === '') return { kind: 'unset' };
  if (isAbsoluteExportPath(trimmed)) return { kind: 'external', path: trimmed };
  return { kind: 'vault', path: ObsidianVault.toVaultPath(trimmed) };
}

/** Reads and fingerprints the export for one app; `node` is injectable for tests. */
export class ExportFiles {
  constructor(
    private readonly app: App,
    private readonly node: () => NodeModules | null = nodeModules,
  ) {}

  /** The absolute path of an external export, with "~" expanded. Throws on mobile. */
  absolutePath(location: { kind: 'external'; path: string }): string {
    return expandHome(location.path, this.requireNode().os.homedir());
  }

  /**
   * The export's bytes, in a buffer of their own (so the library worker can take it over without a copy), never
   * decoded here: an 18 MB export decoded on the main thread is a long task. Throws ExportFileError.
   */
  async readBytes(location: ExportLocation): Promise<Uint8Array> {
    if (location.kind === 'unset') throw new ExportFileError('Set the Better BibTeX export file in the plugin settings first.');
    if (location.kind === 'vault') {
      const file = this.app.vault.getFileByPath(location.path);
      if (!file) throw new ExportFileError(`Export file not found in the vault: ${location.path}`);
      const problem = exportFileProblem({ isFile: true, isDirectory: false, size: file.stat.size });
      if (problem !== null) throw new ExportFileError(`Cannot read the export file ${location.path}: ${problem}`);
      return new Uint8Array(await this.app.vault.readBinary(file));
    }
    const node = this.requireNode();
    const abs = this.absolutePath(location);
    try {
      return await readRegularFile(node, abs);
    } catch (err) {
      if (err instanceof ExportFileError) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'ENOENT') throw new ExportFileError(`Export file not found: ${abs}`);
      if (code === 'EISDIR') throw new ExportFileError(`The export path is a folder, not a file: ${abs}`);
      throw new ExportFileError(`Cannot read the export file ${abs}: ${errorMessage(err)}`);
    }
  }

  /** Size and modification time as one string, or null when there is no file. For the settle check. */
  async fingerprint(location: ExportLocation): Promise<string | null> {
    if (location.kind === 'unset') return null;
    if (location.kind === 'vault') {
      const file = this.app.vault.getAbstractFileByPath(location.path);
      return file instanceof TFile ? `${file.stat.size}:${file.stat.mtime}` : null;
    }
    const node = this.node();
    if (!node) return null;
    try {
      const stat = await node.fs.promises.stat(this.absolutePath(location));
      return stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : null;
    } catch {
      return null;
    }
  }

  private requireNode(): NodeModules {
    const node = this.node();
    if (!node) {
      throw new ExportFileError(
        'An export file outside the vault can only be read by the desktop app. On mobile, keep the export inside the vault and set a vault path.',
      );
    }
    return node;
  }
}
