/**
 * Read a Better BibTeX export from disk and parse it; shared by the commands that take `--export FILE`.
 * The file is read as bytes, so the core decodes it (UTF-16, a `% Encoding:` header, Windows-1252 with a warning).
 * An unreadable or unrecognised file becomes an ExportFileError with one line for the user (exit code 2).
 */
import { readFile } from 'node:fs/promises';
import { loadLibraryReader, UnrecognizedExportError, type LibraryReadResult } from '../core/library';

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

/** Read and parse the export at `path`. Throws ExportFileError; entry-level problems are in `result`. */
export async function readExportFile(path: string): Promise<ExportFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    throw new ExportFileError(`cannot read ${path}: ${why}`);
  }
  const { readExport } = await loadLibraryReader();
  try {
    return { path, result: readExport(bytes, path) };
  } catch (err) {
    if (err instanceof UnrecognizedExportError) throw new ExportFileError(`${path}: ${err.message}`);
    throw err;
  }
}
