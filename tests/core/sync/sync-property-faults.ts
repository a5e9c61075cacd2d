/**
 * Faults for the sync property test: another program writing a note while the sync replaces it, and a crash that
 * stops a sync after some writes (before its state is saved), optionally leaving an empty note behind, as a
 * create killed midway by an older version did.
 */
import type { FileStat, VaultPort } from '../../../src/core/vault/vault-port';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { MemoryStateStore } from './sync-support';
import type { SyncState } from '../../../src/core/sync/sync-state';

/**
 * An in-memory vault where another program may write a note in the middle of `process`: between the sync's read
 * (and first merge) and its replace. Like the disk backend's compare-and-swap, the replace then merges again on the
 * text as it is now.
 */
export class RacyVault extends InMemoryVault {
  /**
   * The other program's write, tried inside each `process` call (after the first merge) until it returns true, i.e.
   * until it wrote: it only writes to notes.
   */
  interleave: ((path: string, text: string) => Promise<boolean>) | null = null;

  override async process(path: string, fn: (current: string) => string): Promise<string> {
    const hook = this.interleave;
    const read = hook === null ? null : await this.read(path);
    if (hook !== null && read !== null) {
      fn(read);
      if (await hook(path, read)) this.interleave = null;
    }
    return super.process(path, fn);
  }
}

/** What a crash throws: the process is gone, nothing after it happens. */
export class Crash extends Error {}

/**
 * The vault as a sync that is killed after `budget` writes sees it: the write that would exceed the budget, and
 * everything after it, throws Crash (the process is gone). With `leaveEmpty`, a create killed that way leaves an
 * empty file at its path.
 */
export class CrashingVault implements VaultPort {
  crashed = false;

  constructor(
    private readonly vault: InMemoryVault,
    private budget: number,
    private readonly leaveEmpty: boolean,
  ) {}

  private spend(): void {
    if (this.crashed || this.budget-- <= 0) {
      this.crashed = true;
      throw new Crash('killed');
    }
  }

  read(path: string): Promise<string | null> {
    return this.crashed ? Promise.reject(new Crash('killed')) : this.vault.read(path);
  }
  async write(path: string, content: string): Promise<void> {
    this.spend();
    await this.vault.write(path, content);
  }
  async create(path: string, content: string): Promise<void> {
    try {
      this.spend();
    } catch (err) {
      if (this.leaveEmpty && !(await this.vault.exists(path))) await this.vault.create(path, '');
      throw err;
    }
    await this.vault.create(path, content);
  }
  async process(path: string, fn: (current: string) => string): Promise<string> {
    const current = await this.read(path);
    if (current !== null && fn(current) !== current) this.spend();
    return this.vault.process(path, fn);
  }
  list(folder: string, extension?: string): Promise<string[]> {
    return this.vault.list(folder, extension);
  }
  exists(path: string): Promise<boolean> {
    return this.vault.exists(path);
  }
  stat(path: string): Promise<FileStat | null> {
    return this.vault.stat(path);
  }
}

/** The state store of a run that may be killed: its save never happens once the vault's run crashed. */
export class CrashingStore extends MemoryStateStore {
  constructor(
    private readonly vault: CrashingVault,
    from: MemoryStateStore,
  ) {
    super(from.memory);
  }

  override async save(state: SyncState): Promise<boolean> {
    if (this.vault.crashed) throw new Crash('killed');
    return super.save(state);
  }
}
