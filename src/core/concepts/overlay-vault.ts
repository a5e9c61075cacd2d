/**
 * A VaultPort that reads through to another one and keeps every write in memory: a dry run can create glossary
 * notes and plan links against them without touching the real vault.
 */
import { FileExistsError, type VaultPort } from '../vault/vault-port';
import { isInFolder, normalizeVaultPath } from '../vault/vault-path';

export class OverlayVault implements VaultPort {
  private readonly written = new Map<string, string>();

  constructor(private readonly base: VaultPort) {}

  /** Paths written to the overlay, sorted. */
  get writtenPaths(): string[] {
    return [...this.written.keys()].sort();
  }

  async read(path: string): Promise<string | null> {
    const key = normalizeVaultPath(path);
    return this.written.get(key) ?? (await this.base.read(key));
  }

  write(path: string, content: string): Promise<void> {
    this.written.set(normalizeVaultPath(path), content);
    return Promise.resolve();
  }

  async create(path: string, content: string): Promise<void> {
    const key = normalizeVaultPath(path);
    if (await this.exists(key)) throw new FileExistsError(key);
    this.written.set(key, content);
  }

  async process(path: string, fn: (current: string) => string): Promise<string> {
    const key = normalizeVaultPath(path);
    const current = await this.read(key);
    if (current === null) throw new Error(`No file at "${key}"`);
    const next = fn(current);
    if (next !== current) this.written.set(key, next);
    return next;
  }

  async list(folder: string, extension = ''): Promise<string[]> {
    const root = normalizeVaultPath(folder);
    const paths = new Set(await this.base.list(root, extension));
    for (const p of this.written.keys()) if (isInFolder(p, root) && p !== root && p.endsWith(extension)) paths.add(p);
    return [...paths].sort();
  }

  async exists(path: string): Promise<boolean> {
    const key = normalizeVaultPath(path);
    return this.written.has(key) || (await this.base.exists(key));
  }
}
