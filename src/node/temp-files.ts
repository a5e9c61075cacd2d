/**
 * The temporary files NodeVault writes beside a note before moving it into place, named as core/vault/temp-names.ts
 * says (unmistakably ours), and their removal after a crash.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { isOwnTempName, tempFileName } from '../core/vault';
import { errorCode, MISSING } from './fs-util';

/**
 * Unique per process and call: three random bytes drawn once, then a counter (drawing random bytes for each of
 * 10,000 notes cost more than writing them).
 */
const uniqueBytes = new Uint8Array(6);
uniqueBytes.set(randomBytes(3));
let counter = 0;

/** A fresh temporary path in the folder of `target`, for its next content. */
export function tempPathFor(target: string): string {
  counter = (counter + 1) % 0x1000000;
  uniqueBytes.set([counter >> 16, (counter >> 8) & 0xff, counter & 0xff], 3);
  return path.join(path.dirname(target), tempFileName(path.basename(target), uniqueBytes));
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
