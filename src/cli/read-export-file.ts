/**
 * Read Better BibTeX exports from disk and parse them; shared by the commands that take `--export FILE` (repeated for
 * several libraries).
 * The file is read as bytes, so the core decodes it (UTF-16, a `% Encoding:` header, Windows-1252 with a warning).
 * An unreadable or unrecognised file becomes an ExportFileError with one line for the user (exit code 2).
 */
import { loadLibraryReader, UnrecognizedExportError, type LibraryReadResult, type Paper } from '../core/library';
import { errorMessage } from '../core/text';
import { errorCode } from '../node/fs-util';
import { NotAFileError, readRegularFile } from '../node/read-regular-file';

/** The file could not be read, or is not an export. `message` is one line naming the file. */
export class ExportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFileError';
  }
}

export interface ExportFile {
  path: string;
  result: LibraryReadResult;
}

/**
 * The export's bytes. Throws ExportFileError for a missing file, a folder, a FIFO or device (never read: it would
 * hang or fill the memory), a file far too large, or no permission.
 */
export async function readExportBytes(path: string): Promise<Uint8Array> {
  try {
    return await readRegularFile(path);
  } catch (err) {
    const code = errorCode(err);
    const why =
      err instanceof NotAFileError ? err.message : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : errorMessage(err);
    throw new ExportFileError(`cannot read ${path}: ${why}`);
  }
}

/** Read and parse the export at `path`. Throws ExportFileError; entry-level problems are in `result`. */
export async function readExportFile(path: string): Promise<ExportFile> {
  const bytes = await readExportBytes(path);
  const { readExport } = await loadLibraryReader();
  try {
    return { path, result: readExport(bytes, path) };
  } catch (err) {
    if (err instanceof UnrecognizedExportError) throw new ExportFileError(`${path}: ${err.message}`);
    throw err;
  }
}

/** Read and parse each export, in order. Throws ExportFileError for the first that cannot be read. */
export async function readExportFiles(paths: readonly string[]): Promise<ExportFile[]> {
  const files: ExportFile[] = [];
  for (const path of paths) files.push(await readExportFile(path));
  return files;
}

/**
 * The papers of several exports as one library: a citekey in two of them is taken from the first listed, and each
 * such citekey is a warning naming both files.
 */
export function mergedPapers(files: readonly ExportFile[]): { papers: Paper[]; warnings: string[] } {
  const seen = new Map<string, string>();
  const papers: Paper[] = [];
  const warnings: string[] = [];
  for (const { path, result } of files) {
    for (const paper of result.papers) {
      const first = seen.get(paper.citekey);
      if (first === undefined) {
        seen.set(paper.citekey, path);
        papers.push(paper);
      } else if (first !== path) warnings.push(`citekey ${paper.citekey} is in both ${first} and ${path}: taken from ${first}`);
    }
  }
  return { papers, warnings };
}
