/**
 * Read a Better BibTeX export from disk and parse it; shared by the commands that take `--export FILE`.
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
  /** The file's text (UTF-8), as read. */
  text: string;
  result: LibraryReadResult;
}

/** Read and parse the export at `path`. Throws ExportFileError; entry-level problems are in `result`. */
export async function readExportFile(path: string): Promise<ExportFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    throw new ExportFileError(`cannot read ${path}: ${why}`);
  }
  try {
    const readLibrary = await loadLibraryReader();
    return { path, text, result: readLibrary(text) };
  } catch (err) {
    if (err instanceof UnrecognizedExportError) throw new ExportFileError(`${path}: ${err.message}`);
    throw err;
  }
}
