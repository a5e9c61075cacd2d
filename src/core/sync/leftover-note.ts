/**
 * Notes an interrupted create left behind: an empty file, or the first part of the very note the sync is about to
 * create, at the new note's own path. Older versions wrote new notes in place, so a kill -9 left a 0-byte note there,
 * and the next sync created `key (2).md` beside it, forever. Such a file holds nothing of the user's (every byte of
 * it is the plugin's, or none at all), so the sync repairs it into the paper's note instead.
 */
import type { VaultPort } from '../vault/vault-port';

/** The import `date` line differs between the crashed run and this one; every other line is the same render. */
function isDateLine(line: string): boolean {
  return line.startsWith('date:') || 'date:'.startsWith(line);
}

/**
 * Whether `found` (a file at the new note's path) is blank, or a cut of `fresh` (the note about to be written): each
 * line as in `fresh` (the `date` line aside), the last one possibly cut short.
 */
export function isLeftoverOf(found: string, fresh: string): boolean {
  if (found.trim() === '') return true;
  const have = found.split('\n');
  const want = fresh.split('\n');
  if (have.length > want.length) return false;
  return have.every((line, i) => {
    if (line === want[i] || (isDateLine(line) && isDateLine(want[i]))) return true;
    return i === have.length - 1 && want[i].startsWith(line);
  });
}

/**
 * Among `ownPaths` (the path each new note would get in an empty folder), those taken by a leftover of that very
 * note, with the text found there (to replace only if it is still that text). `fresh(i, path)` is note i's text.
 */
export async function findLeftovers(vault: VaultPort, files: readonly string[], ownPaths: readonly string[], fresh: (i: number, path: string) => string): Promise<Map<string, string>> {
  const existing = new Set(files);
  const found = new Map<string, string>();
  for (const [i, path] of ownPaths.entries()) {
    if (!existing.has(path)) continue;
    const text = await vault.read(path);
    if (text !== null && isLeftoverOf(text, fresh(i, path))) found.set(path, text);
  }
  return found;
}
