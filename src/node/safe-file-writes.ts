/**
 * How NodeVault writes a file without ever losing a byte, whatever else runs: the user's editor, a file sync tool,
 * a script appending lines, another sync, or a kill -9 in the middle.
 *
 * - A new file is written to a temporary file, then linked into place (the OS refuses if anything is there), so a
 *   crash leaves either the whole note or none, never an empty one.
 * - A rewrite is a compare-and-swap: just before the temporary file is renamed over the note, the note must still
 *   be the file that was read, with the same text; otherwise it is read again and `fn` (the merge) runs again on
 *   the new text, up to MAX_ATTEMPTS times. After the rename, the replaced file is looked at once more: a write that
 *   landed on it in the instant between the check and the rename is merged in too.
 * - A file whose permissions forbid writing is never replaced (ReadOnlyFileError); a file with several hard links
 *   is rewritten in place, so every name keeps seeing the same file; the mode (and, as root, the owner) is kept.
 *
 * What remains: a program that writes a hard-linked note in the microseconds between the check and the in-place
 * write, or a program that rewrites the replaced file a second time after our last look, is not seen.
 */
import * as fs from 'node:fs';
import { constants, type BigIntStats } from 'node:fs';
import { FileExistsError, FileKeptChangingError, ReadOnlyFileError } from '../core/vault';
import { errorCode } from './fs-util';
import { tempPathFor } from './temp-files';

/** Reads, merges and swaps tried before a note that keeps changing is left alone. */
export const MAX_ATTEMPTS = 5;

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** Opening never blocks, even on a FIFO someone put at a note's path (it is then refused as not a regular file). */
const READ_FLAGS = constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0);
/** `link` is not supported here (FAT, some network file systems): a new file is then written in place. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);
/** Error codes Windows gives for a rename over a file another process holds open for a moment. */
const RETRYABLE_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** A file as read: the open descriptor (kept to look at the same file later), its stat and its text. */
interface Snapshot {
  fd: number;
  stat: BigIntStats;
  text: string;
}

/** The whole text behind `fd`, read from its start (whatever the descriptor's position). */
function readWhole(fd: number): string {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(64 * 1024);
    const n = fs.readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) break;
    chunks.push(buffer.subarray(0, n));
    position += n;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function openSnapshot(abs: string): Snapshot {
  const fd = fs.openSync(abs, READ_FLAGS);
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    if (!stat.isFile()) throw Object.assign(new Error(`not a regular file: ${abs}`), { code: 'EISDIR' });
    return { fd, stat, text: readWhole(fd) };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

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

/** Whether the file at `abs` is still the one read, with the same text (size and times first, then the text). */
function stillAsRead(abs: string, snap: Snapshot): boolean {
  let now: BigIntStats;
  try {
    now = fs.lstatSync(abs, { bigint: true });
  } catch {
    return false;
  }
  if (now.ino !== snap.stat.ino || now.dev !== snap.stat.dev || now.size !== snap.stat.size) return false;
  // Times have a coarse granularity on some systems: equal times prove nothing, so the text decides.
  return readWhole(snap.fd) === snap.text;
}

/** Whether nothing was written to the snapshot's file since it was read (for the look after the rename). */
function untouchedSince(snap: Snapshot): boolean {
  const now = fs.fstatSync(snap.fd, { bigint: true });
  return now.size === snap.stat.size && now.mtimeNs === snap.stat.mtimeNs && readWhole(snap.fd) === snap.text;
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
function writeInPlace(abs: string, content: string, expectedIno: bigint): void {
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

type Swap = { kind: 'done' } | { kind: 'changed' } | { kind: 'overwritten'; text: string };

/** Move `next` into place if the file is still as read; then look whether a write hit the old file meanwhile. */
async function swapIn(abs: string, snap: Snapshot, next: string): Promise<Swap> {
  if (snap.stat.nlink > 1) {
    if (!stillAsRead(abs, snap)) return { kind: 'changed' };
    writeInPlace(abs, next, snap.stat.ino);
    return { kind: 'done' };
  }
  const temp = tempPathFor(abs);
  try {
    writeTemp(temp, next, snap.stat);
    if (!stillAsRead(abs, snap)) {
      fs.rmSync(temp, { force: true });
      return { kind: 'changed' };
    }
    await renameWithRetry(temp, abs);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return untouchedSince(snap) ? { kind: 'done' } : { kind: 'overwritten', text: readWhole(snap.fd) };
}

/**
 * Replace the text of the existing file `abs` (a real path, not a link; `key` names it in errors) by `fn(text)`,
 * compare-and-swap (see the top of this file). Returns the text the file holds now. Throws ReadOnlyFileError,
 * FileKeptChangingError, or the OS error (ENOENT: no file).
 */
export async function replaceChecked(abs: string, key: string, fn: (current: string) => string): Promise<string> {
  /** Text written to the old file in the instant of a swap, to merge onto what we just wrote. */
  let missed: { text: string; ours: string } | null = null;
  // A missed write gets its own extra rounds: giving up then would leave it out.
  for (let attempt = 0; attempt < MAX_ATTEMPTS || (missed !== null && attempt < 2 * MAX_ATTEMPTS); attempt++) {
    const snap = openSnapshot(abs);
    try {
      // After a missed write: merge from that text, as long as the file still holds exactly what we wrote.
      const source = missed !== null && missed.ours === snap.text ? missed.text : snap.text;
      missed = null;
      const next = fn(source);
      if (next === snap.text) return next;
      if (isReadOnly(abs, snap.stat)) throw new ReadOnlyFileError(key);
      const swap = await swapIn(abs, snap, next);
      if (swap.kind === 'done') return next;
      if (swap.kind === 'overwritten') missed = { text: swap.text, ours: next };
    } finally {
      fs.closeSync(snap.fd);
    }
  }
  throw new FileKeptChangingError(key);
}
