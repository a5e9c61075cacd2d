/**
 * Notes an interrupted create left behind: an empty file, or the first part of the very note the sync is about to
 * create, at the new note's own path. Older versions wrote new notes in place, so a kill -9 left a 0-byte note there,
 * and the next sync created `key (2).md` beside it, forever. Such a file holds nothing of the user's (every byte of
 * it is the plugin's, or none at all), so the sync repairs it into the paper's note instead.
 */
import type { Pause } from '../scheduling/time-slicer';
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

/** Whether `path` is `base` + ".md", or `base` + " (n).md" (a name the allocation gives on a collision), in any case. */
function isNameOf(path: string, base: string): boolean {
  const p = path.toLowerCase();
  const b = base.toLowerCase();
  if (p === `${b}.md`) return true;
  if (!p.startsWith(`${b} (`) || !p.endsWith(').md')) return false;
  const n = p.slice(b.length + 2, -4);
  return n !== '' && [...n].every((c) => c >= '0' && c <= '9');
}

/** The files by the lower-case base names they may be a note of: `x.md` under "x", `x (2).md` under "x (2)" and "x". */
function filesByBase(files: readonly string[]): Map<string, string[]> {
  const byBase = new Map<string, string[]>();
  const add = (base: string, path: string) => {
    const list = byBase.get(base);
    if (list) list.push(path);
    else byBase.set(base, [path]);
  };
  for (const path of files) {
    const p = path.toLowerCase();
    if (!p.endsWith('.md')) continue;
    const base = p.slice(0, -'.md'.length);
    add(base, path);
    const numbered = / \(\d+\)$/.exec(base);
    if (numbered) add(base.slice(0, numbered.index), path);
  }
  return byBase;
}

/**
 * For new notes (`ownPaths`: the path each would get in an empty folder), the leftover of that very note among
 * `files`, under its name or a numbered variant of it, with the text found there (to replace only if it is still that
 * text). Each leftover goes to one note. `fresh(i, path)` is note i's text. `pause` is awaited after each note (a
 * first sync looks for 10,000).
 */
export async function findLeftovers(
  vault: VaultPort,
  files: readonly string[],
  ownPaths: readonly string[],
  fresh: (i: number, path: string) => string,
  pause?: Pause,
): Promise<Map<number, { path: string; text: string }>> {
  const found = new Map<number, { path: string; text: string }>();
  const claimed = new Set<string>();
  const byBase = filesByBase(files);
  for (const [i, own] of ownPaths.entries()) {
    if (pause) await pause();
    const base = own.slice(0, -'.md'.length);
    for (const path of (byBase.get(base.toLowerCase()) ?? []).filter((f) => isNameOf(f, base) && !claimed.has(f))) {
      const text = await vault.read(path);
      if (text === null || !isLeftoverOf(text, fresh(i, path))) continue;
      found.set(i, { path, text });
      claimed.add(path);
      break;
    }
  }
  return found;
}
