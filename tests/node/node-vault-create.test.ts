import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileExistsError } from '../../src/core/vault/vault-port';
import { NodeVault } from '../../src/node/node-vault';

describe('NodeVault create', () => {
  let root: string;
  let vault: NodeVault;

  beforeEach(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'zcn-node-create-'));
    vault = new NodeVault(root);
  });

  afterEach(async () => {
    await fsp.rm(root, { recursive: true, force: true });
  });

  const onDisk = (p: string) => path.join(root, ...p.split('/'));

  it('creates the folder again when it was removed behind the vault', async () => {
    await vault.create('Lit/a.md', 'a');
    await fsp.rm(onDisk('Lit'), { recursive: true });
    await vault.create('Lit/b.md', 'b');
    expect(await fsp.readFile(onDisk('Lit/b.md'), 'utf8')).toBe('b');
    expect(await fsp.readdir(onDisk('Lit'))).toEqual(['b.md']);
  });

  it('never overwrites a file that appeared in a known folder', async () => {
    await vault.create('Lit/a.md', 'a');
    await fsp.writeFile(onDisk('Lit/b.md'), 'the user was faster');
    await expect(vault.create('Lit/b.md', 'plugin text')).rejects.toThrow(FileExistsError);
    expect(await fsp.readFile(onDisk('Lit/b.md'), 'utf8')).toBe('the user was faster');
  });

  it('runs an operation queued behind a create after it, whether the create succeeded or not', async () => {
    await vault.create('Lit/a.md', 'a');
    const creating = vault.create('Lit/b.md', 'created');
    const writing = vault.write('Lit/b.md', 'written after');
    await creating;
    await writing;
    expect(await fsp.readFile(onDisk('Lit/b.md'), 'utf8')).toBe('written after');
    await fsp.writeFile(onDisk('Lit/c.md'), 'the user was faster');
    const refused = vault.create('Lit/c.md', 'plugin text');
    const rewriting = vault.process('Lit/c.md', (current) => `${current}, then processed`);
    await expect(refused).rejects.toThrow(FileExistsError);
    await rewriting;
    expect(await fsp.readFile(onDisk('Lit/c.md'), 'utf8')).toBe('the user was faster, then processed');
  });

  it('creates many notes at once, each exactly once', async () => {
    await vault.create('Lit/first.md', '0');
    const names = Array.from({ length: 200 }, (_, i) => `Lit/n${i}.md`);
    await Promise.all(names.map((name, i) => vault.create(name, `note ${i}`)));
    const texts = await Promise.all(names.map((name) => fsp.readFile(onDisk(name), 'utf8')));
    expect(texts).toEqual(names.map((_, i) => `note ${i}`));
    await expect(vault.create('Lit/n7.md', 'again')).rejects.toThrow(FileExistsError);
  });

  it('waits for an operation already queued on the same path', async () => {
    await vault.create('Lit/a.md', 'a');
    const writing = vault.write('Lit/b.md', 'written first');
    const creating = vault.create('Lit/b.md', 'created second');
    await writing;
    await expect(creating).rejects.toThrow(FileExistsError);
    expect(await fsp.readFile(onDisk('Lit/b.md'), 'utf8')).toBe('written first');
  });
});
