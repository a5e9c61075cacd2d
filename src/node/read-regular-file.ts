/**
 * Read a file that must be a regular file of a sane size (the export): opened without blocking, so a FIFO at the
 * path cannot hang the CLI, then checked with fstat on that same open file (no race with the path), then read.
 */
import { constants, promises as fs } from 'node:fs';
import { exportFileProblem, MAX_EXPORT_BYTES } from '../core/export';

/** The path is not a regular file, or too large; `message` says why. */
export class NotAFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAFileError';
  }
}

/** The bytes of the regular file at `path`. Throws NotAFileError, or the OS error (ENOENT, EACCES…). */
export async function readRegularFile(path: string): Promise<Buffer> {
  const handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    const problem = exportFileProblem({ isFile: stat.isFile(), isDirectory: stat.isDirectory(), size: stat.size });
    if (problem !== null) throw new NotAFileError(problem);
    const bytes = await handle.readFile();
    // It may have grown while being read (Better BibTeX rewriting it): still never more than the limit.
    if (bytes.length > MAX_EXPORT_BYTES) throw new NotAFileError(exportFileProblem({ isFile: true, isDirectory: false, size: bytes.length }) ?? 'too large');
    return bytes;
  } finally {
    await handle.close();
  }
}
