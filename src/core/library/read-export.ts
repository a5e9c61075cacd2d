/**
 * Reading an export from what the shells have: the file's bytes (the CLI, and the plugin when it reads the file
 * itself) or its text (a vault file read as text). Bytes are better: only from them can a file that is not UTF-8
 * be decoded correctly (see decode-export.ts); text already decoded wrongly can only be reported.
 */
import { decodeExport, type DecodedExport, type ExportContent } from './decode-export';
import type { LibraryReadResult } from './paper';
import { readLibrary } from './read-library';

/**
 * Read an export from its bytes or text: readLibrary, with the encoding warnings first; `name` (the file's path)
 * is used in them. Throws UnrecognizedExportError like readLibrary.
 */
export function readExport(content: ExportContent, name?: string): LibraryReadResult {
  return readDecoded(decodeExport(content, name));
}

/** readExport of an export already decoded (see decodeExport). */
export function readDecoded({ text, warnings }: DecodedExport): LibraryReadResult {
  const result = readLibrary(text);
  if (warnings.length > 0) result.warnings.unshift(...warnings);
  return result;
}

export { readLibrary };
