/**
 * Recursive listing for NodeVault: dot entries skipped (as Obsidian does), symlinks followed only inside the root,
 * loops cut, and each real file listed once, under its real path when it is reachable without a link.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { errorCode, isInsideRoot, MISSING } from './fs-util';

interface Walk {
  realRoot: string;
  extension: string;
  /** Real paths of folders already walked (loops and folders reached twice stop here). */
  seenDirs: Set<string>;
  /** Real paths of files already listed. */
  seenFiles: Set<string>;
  /** Symlinks met so far; followed after the real folders. */
  links: { link: string; vaultPath: string }[];
  out: string[];
}

/**
 * Every file below the real folder `realStart` (vault path `vaultStart`) whose name ends with `extension`,
 * as sorted vault paths.
 */
export async function listFiles(realRoot: string, realStart: string, vaultStart: string, extension: string): Promise<string[]> {
  const walk: Walk = { realRoot, extension, seenDirs: new Set(), seenFiles: new Set(), links: [], out: [] };
  await walkDir(realStart, vaultStart, walk);
  for (let i = 0; i < walk.links.length; i++) await followLink(walk.links[i], walk);
  return walk.out.sort();
}

async function walkDir(realDir: string, vaultDir: string, walk: Walk): Promise<void> {
  if (walk.seenDirs.has(realDir)) return;
  walk.seenDirs.add(realDir);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(realDir, { withFileTypes: true });
  } catch (err) {
    if (MISSING.has(errorCode(err))) return; // gone meanwhile, or the start was a file
    throw err;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Dot entries (.obsidian, .trash, .git, NodeVault's temp files) are not notes, as in Obsidian.
    if (entry.name.startsWith('.')) continue;
    const vaultPath = vaultDir === '' ? entry.name : `${vaultDir}/${entry.name}`;
    const real = path.join(realDir, entry.name);
    if (entry.isSymbolicLink()) walk.links.push({ link: real, vaultPath });
    else if (entry.isDirectory()) await walkDir(real, vaultPath, walk);
    else if (entry.isFile()) addFile(real, vaultPath, walk);
  }
}

async function followLink({ link, vaultPath }: { link: string; vaultPath: string }, walk: Walk): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(link);
  } catch {
    return; // dangling, or a loop the OS refused to resolve
  }
  if (!isInsideRoot(walk.realRoot, real)) return;
  const stat = await fs.stat(real).catch(() => null);
  if (stat?.isDirectory()) await walkDir(real, vaultPath, walk);
  else if (stat?.isFile()) addFile(real, vaultPath, walk);
}

function addFile(real: string, vaultPath: string, walk: Walk): void {
  if (walk.seenFiles.has(real)) return;
  walk.seenFiles.add(real);
  if (vaultPath.endsWith(walk.extension)) walk.out.push(vaultPath);
}
