/**
 * How NodeVault writes files without losing a byte, whatever else runs (the user's editor, a sync tool, a script, a
 * kill -9 in the middle). Rewrites of existing notes are compare-and-swap (compare-and-swap.ts); this file holds the
 * rest:
 *
 * - A new file is written to a temporary file, then linked into place (the OS refuses if anything is there), so a
 *   crash leaves either the whole note or none, never an empty one.
 * - A file whose permissions forbid writing is never replaced (ReadOnlyFileError); a file with several hard links
 *   is rewritten in place, so every name keeps seeing the same file; the mode (and, as root, the owner) is kept.
 */
import * as fs from 'node:fs';
import { constants, type BigIntStats } from 'node:fs';
import { FileExistsError, ReadOnlyFileError } from '../core/vault';
import { errorCode } from './fs-util';
import { tempPathFor } from './temp-files';

export const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** `link` is not supported here (FAT, some network file systems): a new file is then written in place. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);
/** Error codes Windows gives for a rename over a file another process holds open for a moment. */
const RETRYABLE_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Whether the permissions forbid writing: no write bit at all (`chmod 444`), or none for this user. */
export function isReadOnly(abs: string, stat: fs.Stats | BigIntStats): boolean {
  if ((Number(stat.mode) & 0o222) === 0) return true;
  try {
    fs.accessSync(abs, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Write `content` to the new file `temp` (never overwriting), with the mode and owner of `like` when given. The
 * mode is set explicitly so the umask cannot narrow it.
 */
export function writeTemp(temp: string, content: string, like?: fs.Stats | BigIntStats): void {
  const mode = like ? Number(like.mode) & 0o7777 : undefined;
  const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
  let written = false;
  try {
    fs.writeFileSync(fd, content, 'utf8');
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    if (like && process.getuid?.() === 0) {
      try {
        fs.fchownSync(fd, Number(like.uid), Number(like.gid));
      } catch {
        // Not allowed here (a foreign file system): the note keeps root as its owner, as any root write would.
      }
    }
    written = true;
  } finally {
    fs.closeSync(fd);
    if (!written) fs.rmSync(temp, { force: true });
  }
}

export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (err) {
      if (process.platform !== 'win32' || attempt >= 4 || !RETRYABLE_RENAME.has(errorCode(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** Overwrite the file behind `abs` in place (hard-linked notes): every link keeps naming the same file. */
export function writeInPlace(abs: string, content: string, expectedIno: bigint): void {
  const fd = fs.openSync(abs, constants.O_WRONLY | NOFOLLOW);
  try {
    if (fs.fstatSync(fd, { bigint: true }).ino !== expectedIno) throw new Error(`"${abs}" was replaced while it was being written`);
    // Write first, then cut: a crash in between leaves old bytes after the new text, never a shorter note.
    const bytes = Buffer.from(content, 'utf8');
    fs.writeSync(fd, bytes, 0, bytes.length, 0);
    fs.ftruncateSync(fd, bytes.length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Create `target` with `content`, never replacing anything there (FileExistsError). False when its folder is gone.
 * The text is complete before the file appears: a temporary file is linked into place, then unlinked.
 */
export function createNoReplace(target: string, content: string, key: string): boolean {
  const temp = tempPathFor(target);
  try {
    writeTemp(temp, content);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
  try {
    fs.linkSync(temp, target);
    return true;
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EEXIST') throw new FileExistsError(key);
    if (code === 'ENOENT') return false;
    if (!NO_LINKS.has(code)) throw err;
    return createInPlace(target, content, key);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The fallback where links are not supported: an exclusive create, then the write. */
function createInPlace(target: string, content: string, key: string): boolean {
  try {
    fs.writeFileSync(target, content, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') throw new FileExistsError(key);
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}

/**
 * Replace the existing file `abs` (a real path, not a link) by `content` without a compare: `write`'s overwrite.
 * Read-only files are refused, hard links kept (in place), the mode kept.
 */
export async function overwrite(abs: string, content: string, key: string, stat: fs.Stats): Promise<void> {
  if (isReadOnly(abs, stat)) throw new ReadOnlyFileError(key);
  if (stat.nlink > 1) return writeInPlace(abs, content, BigInt(stat.ino));
  const temp = tempPathFor(abs);
  try {
    writeTemp(temp, content, stat);
    await renameWithRetry(temp, abs);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
