/**
 * Rewriting a note without undoing anyone else's write: compare-and-swap. Just before the temporary file is renamed
 * over the note, the note must still be the file that was read, with the same text; otherwise it is read again and
 * `fn` (the merge) runs again on the new text, up to MAX_ATTEMPTS times. After the rename, the replaced file is looked
 * at again, at once and once more LATE_WRITE_MS later (`settle`): a program that opened it before the rename may
 * still write to it, and what it wrote is merged into the note too.
 *
 * What remains: a program that writes a hard-linked note in the microseconds between the check and the in-place
 * write; one that rewrites (rather than appends to) the note we just wrote while its write to the replaced file is
 * merged; one that writes to a replaced file later than LATE_WRITE_MS after it opened it.
 */
import * as fs from 'node:fs';
import { constants, type BigIntStats } from 'node:fs';
import { FileKeptChangingError, ReadOnlyFileError } from '../core/vault';
import { isReadOnly, NOFOLLOW, renameWithRetry, writeInPlace, writeTemp } from './file-writes';
import { tempPathFor } from './temp-files';

/** Reads, merges and swaps tried before a note that keeps changing is left alone. */
export const MAX_ATTEMPTS = 5;
/** How long a replaced file is watched for a late write. */
export const LATE_WRITE_MS = 50;
/** Replaced files watched at once (each holds a file descriptor); past that, the oldest is checked first. */
const MAX_WATCHED = 256;

/** Opening never blocks, even on a FIFO someone put at a note's path (it is then refused as not a regular file). */
const READ_FLAGS = constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0);

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
 * A write that landed on a file we replaced, after our check: what the user's text is with it (`text`), and the
 * text we put in its place (`ours`), which later rounds find at the start of the note, followed by newer appends.
 * `appended` is the write itself when it was an append (the common case).
 */
interface Missed {
  text: string;
  ours: string;
  appended: string | null;
}

/** The user's text `source` (what the round merged) with the write found in `orphan`, the file the round replaced. */
function missedWrite(source: string, read: string, orphan: string, ours: string): Missed {
  const appended = orphan.startsWith(read) ? orphan.slice(read.length) : null;
  return { text: appended !== null ? source + appended : orphan, ours, appended };
}

/** A replaced file, still open, watched for a late write. */
interface Watched {
  snap: Snapshot;
  /** The user's text the round merged (the file's text, plus writes missed before). */
  source: string;
  abs: string;
  key: string;
  fn: (current: string) => string;
  ours: string;
  at: number;
}

/** The compare-and-swap rewrites of one vault, and the replaced files it still watches. */
export class CompareAndSwap {
  private readonly watched: Watched[] = [];

  /**
   * Replace the text of the existing file `abs` (a real path, not a link; `key` names it in errors) by `fn(text)`.
   * Returns the text the file holds now. Throws ReadOnlyFileError, FileKeptChangingError, or the OS error (ENOENT:
   * no file).
   */
  async replace(abs: string, key: string, fn: (current: string) => string, missed: Missed | null = null): Promise<string> {
    let pending = missed;
    /** Set once a round moved its text into place: the note then has the merge, whatever follows. */
    let placed = false;
    // A missed write keeps the loop going far longer: giving up then would leave it out.
    for (let attempt = 0; attempt < MAX_ATTEMPTS || (pending !== null && attempt < 20 * MAX_ATTEMPTS); attempt++) {
      const snap = openSnapshot(abs);
      let keepOpen = false;
      try {
        // The user's text: the file's, or, after a missed write, that write followed by whatever was appended to
        // what we wrote since (a writer that appends goes on appending to the new file), in the order written.
        const source = pending !== null && snap.text.startsWith(pending.ours) ? pending.text + snap.text.slice(pending.ours.length) : snap.text;
        const next = fn(source);
        if (next === snap.text) return next;
        if (isReadOnly(abs, snap.stat)) throw new ReadOnlyFileError(key);
        const swap = await swapIn(abs, snap, next);
        if (swap.kind === 'overwritten') {
          pending = missedWrite(source, snap.text, swap.text, next);
          placed = true;
        }
        else if (swap.kind === 'done') {
          keepOpen = snap.stat.nlink === 1n;
          if (keepOpen) await this.watch({ snap, source, abs, key, fn, ours: next, at: Date.now() });
          return next;
        }
      } finally {
        if (!keepOpen) fs.closeSync(snap.fd);
      }
    }
    // Out of rounds with a write still to merge: it is appended as it was written, never dropped.
    if (pending?.appended) fs.appendFileSync(abs, pending.appended);
    if (placed) return fs.readFileSync(abs, 'utf8');
    throw new FileKeptChangingError(key);
  }

  /** Look at every replaced file still watched, once its LATE_WRITE_MS are over, and merge what was written to it. */
  async settle(): Promise<void> {
    for (let w = this.watched.shift(); w !== undefined; w = this.watched.shift()) await this.check(w);
  }

  private async watch(w: Watched): Promise<void> {
    this.watched.push(w);
    if (this.watched.length > MAX_WATCHED) await this.check(this.watched.shift() as Watched);
  }

  private async check(w: Watched): Promise<void> {
    const wait = w.at + LATE_WRITE_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    let late: Missed | null = null;
    try {
      if (!untouchedSince(w.snap)) late = missedWrite(w.source, w.snap.text, readWhole(w.snap.fd), w.ours);
    } finally {
      fs.closeSync(w.snap.fd);
    }
    if (late !== null) await this.replace(w.abs, w.key, w.fn, late).catch(() => undefined);
  }
}
