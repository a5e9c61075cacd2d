/**
 * What must be true of the export path before a byte is read: a regular file of a sane size. A FIFO never ends (the
 * read hangs), a device like /dev/zero never ends either (it eats memory), and a folder is no file. Shared by the CLI
 * and the plugin, which each stat the path their own way.
 */

/** More than any Better BibTeX export of a library (a 50,000-item export with notes is about 200 MB). */
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

export interface ExportFileInfo {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
}

/** Why the file at the export path cannot be an export (for "cannot read <path>: …"), or null when it may be. */
export function exportFileProblem(info: ExportFileInfo): string | null {
  if (info.isDirectory) return 'it is a folder, not a file';
  if (!info.isFile) return 'it is not a regular file (a pipe, a device or a socket); point the setting at the export file itself';
  if (info.size > MAX_EXPORT_BYTES) {
    return `it is ${Math.round(info.size / 1024 / 1024).toLocaleString('en-US')} MB, more than any Better BibTeX export (at most ${MAX_EXPORT_BYTES / 1024 / 1024} MB is read)`;
  }
  return null;
}
