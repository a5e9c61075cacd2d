/**
 * The sync lock's file and environment for the CLI (see core/sync/sync-lock.ts): created whole and exclusively
 * (a temporary file linked into place, as NodeVault creates notes), refreshed whole, and the process table to tell
 * whether a lock's holder on this host is still running.
 */
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import type { LockClock, LockFilePort, SyncLockOptions } from '../core/sync';
import { FileExistsError } from '../core/vault';
import { errorCode } from './fs-util';
import { createNoReplace, renameWithRetry, writeTemp } from './file-writes';
import { tempPathFor } from './temp-files';

export class NodeLockFile implements LockFilePort {
  /** The first folder `create` had to make (the plugin's folder in a vault Obsidian never opened), removed after. */
  private madeFolder: string | undefined;

  constructor(readonly path: string) {}

  read(): Promise<string | null> {
    try {
      return Promise.resolve(fs.readFileSync(this.path, 'utf8'));
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return Promise.resolve(null);
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  create(text: string): Promise<boolean> {
    this.madeFolder ??= fs.mkdirSync(path.dirname(this.path), { recursive: true });
    try {
      return Promise.resolve(createNoReplace(this.path, text, this.path));
    } catch (err) {
      if (err instanceof FileExistsError) return Promise.resolve(false);
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  async write(text: string): Promise<void> {
    const temp = tempPathFor(this.path);
    writeTemp(temp, text);
    try {
      await renameWithRetry(temp, this.path);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }

  remove(): Promise<void> {
    fs.rmSync(this.path, { force: true });
    // Folders made only for the lock go with it (a run that wrote its state there keeps them: not empty).
    for (let dir = path.dirname(this.path); this.madeFolder !== undefined && dir.startsWith(this.madeFolder); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        break; // not empty
      }
    }
    return Promise.resolve();
  }
}

/** Whether a process runs: `kill(pid, 0)` sends nothing, and fails with ESRCH when there is no such process. */
export function isProcessRunning(pid: number): boolean | null {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    const code = errorCode(err);
    return code === 'ESRCH' ? false : code === 'EPERM' ? true : null;
  }
}

export const nodeClock: LockClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    timer.unref(); // never keeps the CLI alive on its own
    return () => clearInterval(timer);
  },
};

/** The CLI's lock on the vault whose plugin folder holds `lockPath`. */
export function cliLockOptions(lockPath: string, waitMs: number): SyncLockOptions {
  return { file: new NodeLockFile(lockPath), owner: { tool: 'cli', pid: process.pid, host: hostname() }, clock: nodeClock, isRunning: isProcessRunning, waitMs };
}
