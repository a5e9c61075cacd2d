/**
 * The temporary files NodeVault writes beside a note before moving it into place. Their names are unmistakable
 * (`.<note name>.zcn-<12 hex digits>.tmp`): hidden (a dot first, so neither `list` nor Obsidian shows one), and
 * marked as ours, so that the sweep after a crash removes only files this plugin named, never anything else.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { errorCode, MISSING } from './fs-util';

const OWN_TEMP = /^\..+\.zcn-[0-9a-f]{12}\.tmp$/;

/** A fresh temporary path in the folder of `target`, for its next content. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.zcn-${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether a file name is one of our temporary files. */
export function isOwnTempName(name: string): boolean {
  return OWN_TEMP.test(name);
}

/**
 * Remove our temporary files left by a crash in `root` and the folders below it (dot folders skipped, symlinks not
 * followed), and in `extraFolders` (absolute; e.g. the plugin's folder inside `.obsidian`). Only call this while
 * holding the sync lock: a temporary file of a write in progress looks exactly like one left by a crash.
 * Returns the absolute paths removed.
 */
export async function removeStrayTempFiles(root: string, extraFolders: readonly string[] = []): Promise<string[]> {
  const removed: string[] = [];
  const sweep = async (dir: string, recursive: boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (MISSING.has(errorCode(err))) return;
      throw err;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isFile() && isOwnTempName(entry.name)) {
        await fs.rm(abs, { force: true });
        removed.push(abs);
      } else if (recursive && entry.isDirectory() && !entry.name.startsWith('.')) await sweep(abs, true);
    }
  };
  await sweep(root, true);
  for (const folder of extraFolders) await sweep(folder, false);
  return removed;
}
