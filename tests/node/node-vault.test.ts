import { promises as fsp } from 'node:fs';
import fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VaultPathError } from '../../src/core/vault/vault-path';
import { NodeVault } from '../../src/node/node-vault';
import { describeVaultContract } from '../core/vault/vault-contract';

async function tempDir(): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), 'zcn-node-vault-'));
}

describeVaultContract('NodeVault', async () => {
  const root = await tempDir();
  const realRoot = await fsp.realpath(root);
  const rename = jest.spyOn(fs, 'renameSync');
  const link = jest.spyOn(fs, 'linkSync');
  const vault = new NodeVault(root);
  const relative = (to: unknown) => path.relative(realRoot, String(to)).split(path.sep).join('/');
  return {
    vault,
    // A rewrite ends in one rename of its temp file onto the note; a create links its temp file into place.
    writes: () => [...rename.mock.calls.map(([, to]) => relative(to)), ...link.mock.calls.map(([, to]) => relative(to))],
    cleanup: async () => {
      rename.mockRestore();
      link.mockRestore();
      await fsp.rm(root, { recursive: true, force: true });
    },
  };
});

describe('NodeVault on disk', () => {
  let root: string;
  let vault: NodeVault;

  beforeEach(async () => {
    root = await tempDir();
    vault = new NodeVault(root);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await fsp.rm(root, { recursive: true, force: true });
  });

  const onDisk = (p: string) => path.join(root, ...p.split('/'));

  it('writes through a temp file in the same folder, named as ours, and leaves none behind', async () => {
    const open = jest.spyOn(fs, 'openSync');
    await vault.write('Lit/a.md', 'text');
    await vault.write('Lit/a.md', 'new text');
    const temps = open.mock.calls.filter(([, flags]) => flags === 'wx').map(([p]) => String(p));
    expect(temps).toHaveLength(2);
    for (const temp of temps) {
      expect(path.dirname(temp)).toBe(path.dirname(await fsp.realpath(onDisk('Lit/a.md'))));
      expect(path.basename(temp)).toMatch(/^\.a\.md\.zcn-[0-9a-f]{12}\.tmp$/);
    }
    expect(await fsp.readdir(onDisk('Lit'))).toEqual(['a.md']);
  });

  it('keeps the old note intact when the write fails before the rename (a crash mid-write)', async () => {
    await vault.write('a.md', 'old, complete note');
    jest.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });
    await expect(vault.write('a.md', 'new note')).rejects.toThrow('disk full');
    expect(await fsp.readFile(onDisk('a.md'), 'utf8')).toBe('old, complete note');
    expect(await fsp.readdir(root)).toEqual(['a.md']);
  });

  it('does not list dot folders (.obsidian, .trash), dot files or stray temp files', async () => {
    await vault.write('.obsidian/plugins/x/data.json', '{}');
    await vault.write('.trash/old.md', 'old');
    await vault.write('Notes/.hidden.md', 'h');
    await fsp.writeFile(onDisk('Notes/.n.md.abc.tmp'), 'partial');
    await vault.write('Notes/n.md', 'n');
    expect(await vault.list('')).toEqual(['Notes/n.md']);
    // A dot folder can still be listed and read when named explicitly.
    expect(await vault.list('.obsidian')).toEqual(['.obsidian/plugins/x/data.json']);
    expect(await vault.read('.obsidian/plugins/x/data.json')).toBe('{}');
  });

  it('keeps the file mode of a note it rewrites', async () => {
    if (process.platform === 'win32') return;
    await vault.write('x.md', 'a');
    await fsp.chmod(onDisk('x.md'), 0o600);
    await vault.write('x.md', 'b');
    expect((await fsp.stat(onDisk('x.md'))).mode & 0o777).toBe(0o600);
  });

  it('rejects a vault folder that does not exist', async () => {
    const missing = new NodeVault(path.join(root, 'no-such-vault'));
    await expect(missing.read('a.md')).rejects.toThrow(/Vault folder not found/);
    await expect(missing.write('a.md', 'x')).rejects.toThrow(/Vault folder not found/);
    expect(fs.existsSync(path.join(root, 'no-such-vault'))).toBe(false);
  });

  it('runs overlapping process calls on one file one after another', async () => {
    await vault.write('c.md', '0');
    await Promise.all(Array.from({ length: 10 }, () => vault.process('c.md', (t) => String(Number(t) + 1))));
    expect(await vault.read('c.md')).toBe('10');
  });

  it('maps vault paths to absolute paths below the root', () => {
    expect(vault.absolutePath('A/b.md')).toBe(path.join(path.resolve(root), 'A', 'b.md'));
    expect(vault.absolutePath('')).toBe(path.resolve(root));
    expect(() => vault.absolutePath('../x')).toThrow(VaultPathError);
  });

  describe('symbolic links', () => {
    let outside: string;

    beforeEach(async () => {
      outside = await tempDir();
      await fsp.writeFile(path.join(outside, 'secret.md'), 'secret');
    });

    afterEach(async () => {
      await fsp.rm(outside, { recursive: true, force: true });
    });

    const itLinks = process.platform === 'win32' ? it.skip : it;

    itLinks('never reads or writes through a link that leads outside the vault', async () => {
      await fsp.symlink(outside, onDisk('Out'));
      await fsp.symlink(path.join(outside, 'secret.md'), onDisk('leak.md'));
      await expect(vault.read('Out/secret.md')).rejects.toThrow(VaultPathError);
      await expect(vault.read('leak.md')).rejects.toThrow(VaultPathError);
      await expect(vault.write('Out/new.md', 'x')).rejects.toThrow(VaultPathError);
      await expect(vault.write('Out/deeper/new.md', 'x')).rejects.toThrow(VaultPathError);
      await expect(vault.write('leak.md', 'overwritten')).rejects.toThrow(VaultPathError);
      await expect(vault.process('leak.md', () => 'overwritten')).rejects.toThrow(VaultPathError);
      expect(await vault.exists('leak.md')).toBe(false);
      expect(await vault.list('')).toEqual([]);
      expect(await fsp.readdir(outside)).toEqual(['secret.md']);
      expect(await fsp.readFile(path.join(outside, 'secret.md'), 'utf8')).toBe('secret');
    });

    itLinks('follows links inside the vault, writes through them and keeps the link', async () => {
      await vault.write('Real/note.md', 'v1');
      await fsp.symlink(onDisk('Real'), onDisk('Alias'));
      await fsp.symlink(onDisk('Real/note.md'), onDisk('linked.md'));
      expect(await vault.read('Alias/note.md')).toBe('v1');
      await vault.write('linked.md', 'v2');
      expect((await fsp.lstat(onDisk('linked.md'))).isSymbolicLink()).toBe(true);
      expect(await vault.read('Real/note.md')).toBe('v2');
      // Each real file is listed once, under its real path.
      expect(await vault.list('', '.md')).toEqual(['Real/note.md']);
      expect(await vault.list('Alias', '.md')).toEqual(['Alias/note.md']);
    });

    itLinks('survives a symlink loop while listing', async () => {
      await vault.write('A/a.md', 'a');
      await fsp.symlink(onDisk('A'), onDisk('A/loop'));
      await fsp.symlink(onDisk('self'), onDisk('self'));
      expect(await vault.list('')).toEqual(['A/a.md']);
    });
  });
});
