/**
 * NodeVault against other programs and crashes: compare-and-swap rewrites, read-only notes, hard links, modes,
 * whole-or-nothing creates and the sweep of its own temporary files. Other programs are simulated in-process by
 * writing the file from inside the merge callback or the rename, exactly where a real one could come in between.
 */
import fs, { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileKeptChangingError, ReadOnlyFileError } from '../../src/core/vault/vault-port';
import { NodeVault } from '../../src/node/node-vault';
import { MAX_ATTEMPTS } from '../../src/node/compare-and-swap';

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('NodeVault safety', () => {
  let root: string;
  let vault: NodeVault;
  const onDisk = (p: string) => path.join(root, ...p.split('/'));

  beforeEach(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'zcn-node-safety-'));
    vault = new NodeVault(root);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await fsp.chmod(root, 0o700).catch(() => undefined);
    await fsp.rm(root, { recursive: true, force: true });
  });

  describe('compare-and-swap', () => {
    it('merges again when another program writes the note between the read and the replace', async () => {
      await vault.write('n.md', 'title: old\n');
      const seen: string[] = [];
      const result = await vault.process('n.md', (current) => {
        seen.push(current);
        // The user's editor saves an appended line while the merge runs.
        if (seen.length === 1) fs.appendFileSync(onDisk('n.md'), 'typed by the user\n');
        return current.replace('title: old', 'title: new');
      });
      expect(seen).toEqual(['title: old\n', 'title: old\ntyped by the user\n']);
      expect(result).toBe('title: new\ntyped by the user\n');
      expect(await fsp.readFile(onDisk('n.md'), 'utf8')).toBe('title: new\ntyped by the user\n');
    });

    it('notices a note replaced by another file of the same text size (a rename by an editor)', async () => {
      await vault.write('n.md', 'aaaa\n');
      let calls = 0;
      await vault.process('n.md', (current) => {
        if (calls++ === 0) {
          fs.writeFileSync(onDisk('other.tmp'), 'bbbb\n');
          fs.renameSync(onDisk('other.tmp'), onDisk('n.md'));
        }
        return `${current}merged\n`;
      });
      expect(await fsp.readFile(onDisk('n.md'), 'utf8')).toBe('bbbb\nmerged\n');
    });

    it('merges a write that lands on the old file in the instant of the rename', async () => {
      await vault.write('n.md', 'v1\n');
      const rename = fs.renameSync;
      let once = true;
      jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
        // Another program appends after the check, just before the rename replaces the file it writes to.
        if (once && String(to).endsWith('n.md')) {
          once = false;
          fs.appendFileSync(onDisk('n.md'), 'appended in the window\n');
        }
        rename(from, to);
      });
      const result = await vault.process('n.md', (current) => current.replace('v1', 'v2'));
      expect(result).toBe('v2\nappended in the window\n');
      expect(await fsp.readFile(onDisk('n.md'), 'utf8')).toBe('v2\nappended in the window\n');
    });

    it('keeps a write missed in the instant of the rename through later rounds that find the note changed again', async () => {
      await vault.write('n.md', 'v1\n');
      const rename = fs.renameSync;
      let renames = 0;
      jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
        if (renames++ === 0) fs.appendFileSync(onDisk('n.md'), 'in the window\n');
        rename(from, to);
      });
      let merges = 0;
      const result = await vault.process('n.md', (current) => {
        if (++merges === 2) fs.appendFileSync(onDisk('n.md'), 'during the second merge\n');
        return current.replace('v1', 'v2');
      });
      expect(merges).toBe(3);
      expect(result).toBe('v2\nin the window\nduring the second merge\n');
      expect(await fsp.readFile(onDisk('n.md'), 'utf8')).toBe(result);
    });

    it('gives up on a note that keeps changing, leaving the other program its text', async () => {
      await vault.write('n.md', 'start\n');
      let calls = 0;
      const attempt = vault.process('n.md', (current) => {
        calls++;
        fs.appendFileSync(onDisk('n.md'), `line ${calls}\n`);
        return `${current}merged\n`;
      });
      await expect(attempt).rejects.toThrow(FileKeptChangingError);
      expect(calls).toBe(MAX_ATTEMPTS);
      const lines = Array.from({ length: MAX_ATTEMPTS }, (_, i) => `line ${i + 1}\n`).join('');
      expect(await fsp.readFile(onDisk('n.md'), 'utf8')).toBe(`start\n${lines}`);
      expect(await fsp.readdir(root)).toEqual(['n.md']);
    });
  });

  describe('permissions and links', () => {
    posixOnly('leaves a read-only note alone (process and write), with no temp file left', async () => {
      await vault.write('ro.md', 'mine\n');
      await fsp.chmod(onDisk('ro.md'), 0o444);
      await expect(vault.process('ro.md', () => 'replaced\n')).rejects.toThrow(ReadOnlyFileError);
      await expect(vault.write('ro.md', 'replaced\n')).rejects.toThrow(ReadOnlyFileError);
      expect(await fsp.readFile(onDisk('ro.md'), 'utf8')).toBe('mine\n');
      expect((await fsp.stat(onDisk('ro.md'))).mode & 0o777).toBe(0o444);
      expect(await fsp.readdir(root)).toEqual(['ro.md']);
      // Reading it, and a process that changes nothing, are fine.
      expect(await vault.process('ro.md', (t) => t)).toBe('mine\n');
    });

    posixOnly('keeps a hard-linked note one file under both names', async () => {
      await vault.write('Lit/n.md', 'v1\n');
      await fsp.link(onDisk('Lit/n.md'), onDisk('elsewhere.md'));
      await vault.process('Lit/n.md', () => 'v2\n');
      await vault.write('Lit/n.md', 'v3\n');
      expect(await fsp.readFile(onDisk('elsewhere.md'), 'utf8')).toBe('v3\n');
      const [a, b] = await Promise.all([fsp.stat(onDisk('Lit/n.md')), fsp.stat(onDisk('elsewhere.md'))]);
      expect(a.ino).toBe(b.ino);
      expect(a.nlink).toBe(2);
    });

    posixOnly('keeps the exact mode of a rewritten note, whatever the umask', async () => {
      await vault.write('n.md', 'v1\n');
      await fsp.chmod(onDisk('n.md'), 0o664);
      const umask = process.umask(0o022);
      try {
        await vault.process('n.md', () => 'v2\n');
      } finally {
        process.umask(umask);
      }
      expect((await fsp.stat(onDisk('n.md'))).mode & 0o7777).toBe(0o664);
    });
  });

  describe('creating notes', () => {
    it('leaves no note at all when writing a new one fails midway (no empty note)', async () => {
      await vault.create('Lit/first.md', 'first');
      jest.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
        throw Object.assign(new Error('killed'), { code: 'EIO' });
      });
      await expect(vault.create('Lit/second.md', 'the whole note')).rejects.toThrow('killed');
      expect(await fsp.readdir(onDisk('Lit'))).toEqual(['first.md']);
    });

    it('never shows a note before its text is complete: the link into place comes after the write', async () => {
      const link = jest.spyOn(fs, 'linkSync');
      await vault.create('Lit/n.md', 'complete text');
      const [temp] = link.mock.calls[0];
      expect(link.mock.calls[0][1]).toBe(path.join(await fsp.realpath(onDisk('Lit')), 'n.md'));
      expect(path.basename(String(temp))).toMatch(/^\.n\.md\.zcn-[0-9a-f]{12}\.tmp$/);
      expect(await fsp.readdir(onDisk('Lit'))).toEqual(['n.md']);
    });

    it('falls back to an exclusive create where hard links are not supported', async () => {
      jest.spyOn(fs, 'linkSync').mockImplementation(() => {
        throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      });
      await vault.create('Lit/n.md', 'text');
      expect(await fsp.readFile(onDisk('Lit/n.md'), 'utf8')).toBe('text');
      expect(await fsp.readdir(onDisk('Lit'))).toEqual(['n.md']);
    });
  });

  it('removes only its own temporary files left by a crash', async () => {
    const ours = ['.a.md.zcn-0123456789ab.tmp', 'Lit/.b.md.zcn-abcdef012345.tmp', 'Lit/deep/.c.md.zcn-000000000000.tmp'];
    const plugin = '.obsidian/plugins/zotero-concept-notes';
    const others = [
      '.a.md.0123456789ab.tmp', // an older naming: not unmistakably ours
      'a.md.zcn-0123456789ab.tmp', // not hidden
      '.a.md.zcn-0123.tmp',
      '.a.md.zcn-0123456789ab.tmp.bak',
      'Lit/user.md',
      '.git/.x.zcn-0123456789ab.tmp', // in a dot folder that is not the plugin's
    ];
    for (const p of [...ours, ...others, `${plugin}/.sync-state.json.zcn-aaaaaaaaaaaa.tmp`, `${plugin}/data.json`]) {
      await fsp.mkdir(path.dirname(onDisk(p)), { recursive: true });
      await fsp.writeFile(onDisk(p), 'x');
    }
    const removed = await vault.removeStrayTempFiles([plugin]);
    expect(removed.sort()).toEqual([...ours, `${plugin}/.sync-state.json.zcn-aaaaaaaaaaaa.tmp`].sort());
    for (const p of ours) expect(fs.existsSync(onDisk(p))).toBe(false);
    for (const p of [...others, `${plugin}/data.json`]) expect(fs.existsSync(onDisk(p))).toBe(true);
  });

  it('gives size and modification time, and null for a missing file or a folder', async () => {
    await vault.write('Lit/n.md', '12345');
    const stat = await vault.stat('Lit/n.md');
    expect(stat).toEqual({ size: 5, mtime: (await fsp.stat(onDisk('Lit/n.md'))).mtimeMs });
    expect(await vault.stat('Lit/missing.md')).toBeNull();
    expect(await vault.stat('Lit')).toBeNull();
  });
});

describe('NodeVault late writes to a replaced note', () => {
  let root: string;

  beforeEach(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'zcn-node-late-'));
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await fsp.rm(root, { recursive: true, force: true });
  });

  it('merges what a program that opened the note before the rename writes to it afterwards', async () => {
    const vault = new NodeVault(root);
    const note = path.join(root, 'n.md');
    await vault.write('n.md', 'v1\n');
    // The other program opened the note (appending) before our rename, and writes after it.
    const late = fs.openSync(note, 'a');
    await vault.process('n.md', (current) => current.replace('v1', 'v2'));
    fs.writeSync(late, 'written late\n');
    fs.closeSync(late);
    fs.appendFileSync(note, 'appended after\n');
    await vault.settle();
    expect(await fsp.readFile(note, 'utf8')).toBe('v2\nwritten late\nappended after\n');
    expect(await fsp.readdir(root)).toEqual(['n.md']);
  });
});
