/**
 * The behaviour every VaultPort backend must share (in-memory, Node filesystem, Obsidian). Each backend's test
 * file calls `describeVaultContract` with a factory; a backend that passes can replace any other.
 */
import { FileExistsError, type VaultPort } from '../../../src/core/vault/vault-port';
import { VaultPathError } from '../../../src/core/vault/vault-path';

export interface VaultUnderTest {
  vault: VaultPort;
  /** Paths the backend really wrote since the factory returned (how each backend observes its own writes). */
  writes(): readonly string[];
  cleanup?(): Promise<void>;
}

/** Call a port method so that a synchronous throw and a rejection both end up as a rejected promise. */
function attempt<T>(call: () => Promise<T>): Promise<T> {
  return (async () => call())();
}

export function describeVaultContract(name: string, makeVault: () => Promise<VaultUnderTest>): void {
  describe(`VaultPort contract: ${name}`, () => {
    let t: VaultUnderTest;
    let vault: VaultPort;

    beforeEach(async () => {
      t = await makeVault();
      vault = t.vault;
    });

    afterEach(async () => {
      await t.cleanup?.();
    });

    describe('read', () => {
      it('gives null for a missing file, and for a file in a missing folder', async () => {
        expect(await vault.read('nope.md')).toBeNull();
        expect(await vault.read('no/such/folder/nope.md')).toBeNull();
      });

      it('gives back exactly what was written: empty text, CRLF, CJK and emoji, no trailing newline', async () => {
        const samples = ['', 'line 1\r\nline 2\r\n', '# 指令微调\n\n多模态大语言模型 🚀', 'no newline at end'];
        for (const [i, text] of samples.entries()) await vault.write(`s/${i}.md`, text);
        for (const [i, text] of samples.entries()) expect(await vault.read(`s/${i}.md`)).toBe(text);
      });

      it('gives null for a folder', async () => {
        await vault.write('Folder/a.md', 'a');
        expect(await vault.read('Folder')).toBeNull();
      });
    });

    describe('write', () => {
      it('creates missing parent folders', async () => {
        await vault.write('Literature/2024/deep/smith2024.md', 'hello');
        expect(await vault.read('Literature/2024/deep/smith2024.md')).toBe('hello');
        expect(await vault.list('Literature')).toEqual(['Literature/2024/deep/smith2024.md']);
      });

      it('overwrites an existing file', async () => {
        await vault.write('a.md', 'first');
        await vault.write('a.md', 'second, longer than the first');
        await vault.write('a.md', 'x');
        expect(await vault.read('a.md')).toBe('x');
        expect(await vault.list('')).toEqual(['a.md']);
      });

      it('treats equivalent spellings of a path as one file', async () => {
        await vault.write('./Notes//a.md', 'one');
        await vault.write('Notes/a.md/', 'two');
        expect(await vault.read('Notes/a.md')).toBe('two');
        expect(await vault.list('')).toEqual(['Notes/a.md']);
      });

      it('refuses to write over a folder', async () => {
        await vault.write('Folder/a.md', 'a');
        await expect(attempt(() => vault.write('Folder', 'oops'))).rejects.toThrow();
        expect(await vault.read('Folder/a.md')).toBe('a');
      });
    });

    describe('create', () => {
      it('creates a new file and its missing parent folders', async () => {
        await vault.create('Literature/新/smith2024.md', '# 新');
        expect(await vault.read('Literature/新/smith2024.md')).toBe('# 新');
        expect(t.writes()).toHaveLength(1);
      });

      it('never overwrites: rejects with FileExistsError and keeps the existing text', async () => {
        await vault.write('a.md', 'the user wrote this');
        await expect(attempt(() => vault.create('a.md', 'plugin text'))).rejects.toThrow(FileExistsError);
        expect(await vault.read('a.md')).toBe('the user wrote this');
      });

      it('rejects where a folder has that name', async () => {
        await vault.write('Folder/a.md', 'a');
        await expect(attempt(() => vault.create('Folder', 'x'))).rejects.toThrow(FileExistsError);
        expect(await vault.list('')).toEqual(['Folder/a.md']);
      });
    });

    describe('process', () => {
      it('writes nothing when the callback returns the text unchanged', async () => {
        await vault.write('n.md', 'same');
        const before = t.writes().length;
        const result = await vault.process('n.md', (text) => text);
        expect(result).toBe('same');
        expect(t.writes().length).toBe(before);
        expect(await vault.read('n.md')).toBe('same');
      });

      it('writes once when the callback changes the text, and returns the new text', async () => {
        await vault.write('n.md', 'old text');
        const before = t.writes().length;
        const seen: string[] = [];
        const result = await vault.process('n.md', (text) => {
          seen.push(text);
          return text.replace('old', 'new');
        });
        expect(seen[0]).toBe('old text');
        expect(result).toBe('new text');
        expect(await vault.read('n.md')).toBe('new text');
        expect(t.writes().slice(before)).toEqual(['n.md']);
      });

      it('rejects for a missing file and creates nothing', async () => {
        const fn = jest.fn((text: string) => text + '!');
        await expect(attempt(() => vault.process('Missing/x.md', fn))).rejects.toThrow(/x\.md/);
        expect(fn).not.toHaveBeenCalled();
        expect(await vault.exists('Missing/x.md')).toBe(false);
        expect(await vault.list('')).toEqual([]);
      });

      it('keeps every update when calls on one file overlap', async () => {
        await vault.write('c.md', '');
        await Promise.all(['a', 'b', 'c', 'd'].map((ch) => vault.process('c.md', (text) => text + ch)));
        const final = (await vault.read('c.md')) ?? '';
        expect([...final].sort().join('')).toBe('abcd');
      });
    });

    describe('list', () => {
      beforeEach(async () => {
        for (const p of ['Lit/b.md', 'Lit/a.md', 'Lit/sub/c.md', 'Lit/sub/d.txt', 'Literature/e.md', 'root.md', 'Lit/B.md']) {
          await vault.write(p, p);
        }
      });

      it('is recursive and sorted by code unit, files only', async () => {
        expect(await vault.list('Lit')).toEqual(['Lit/B.md', 'Lit/a.md', 'Lit/b.md', 'Lit/sub/c.md', 'Lit/sub/d.txt']);
      });

      it('filters by extension', async () => {
        expect(await vault.list('Lit', '.md')).toEqual(['Lit/B.md', 'Lit/a.md', 'Lit/b.md', 'Lit/sub/c.md']);
        expect(await vault.list('Lit', '.txt')).toEqual(['Lit/sub/d.txt']);
      });

      it('does not mix up a folder with a sibling whose name starts the same', async () => {
        expect(await vault.list('Literature')).toEqual(['Literature/e.md']);
      });

      it('lists the whole vault for the root ""', async () => {
        expect(await vault.list('', '.md')).toEqual(['Lit/B.md', 'Lit/a.md', 'Lit/b.md', 'Lit/sub/c.md', 'Literature/e.md', 'root.md']);
      });

      it('gives [] for a missing folder and for a file', async () => {
        expect(await vault.list('Nope')).toEqual([]);
        expect(await vault.list('root.md')).toEqual([]);
      });
    });

    describe('exists', () => {
      it('is true for files only, not for folders or missing paths', async () => {
        await vault.write('A/b/c.md', 'x');
        expect(await vault.exists('A/b/c.md')).toBe(true);
        expect(await vault.exists('A/b')).toBe(false);
        expect(await vault.exists('A')).toBe(false);
        expect(await vault.exists('A/b/missing.md')).toBe(false);
        expect(await vault.exists('')).toBe(false);
      });
    });

    describe('stat', () => {
      it('is null for a missing file and a folder, and changes when a write changes the text', async () => {
        const stat = (path: string) => attempt(async () => (vault.stat ? vault.stat(path) : Promise.reject(new Error('no stat'))));
        expect(await stat('A/missing.md')).toBeNull();
        await vault.write('A/n.md', 'short');
        expect(await stat('A')).toBeNull();
        const before = await stat('A/n.md');
        expect(before).toEqual({ size: 5, mtime: expect.any(Number) as number });
        await vault.process('A/n.md', (text) => `${text}, then longer`);
        const after = await stat('A/n.md');
        expect(after).not.toBeNull();
        expect(after).not.toEqual(before);
        expect(await stat('A/n.md')).toEqual(after);
      });
    });

    it('handles CJK file and folder names', async () => {
      await vault.write('概念/指令微调.md', '# 指令微调');
      await vault.write('概念/思维链 (CoT).md', '# CoT');
      expect(await vault.read('概念/指令微调.md')).toBe('# 指令微调');
      expect(await vault.exists('概念/思维链 (CoT).md')).toBe(true);
      expect(await vault.list('概念', '.md')).toEqual(['概念/思维链 (CoT).md', '概念/指令微调.md']);
      await vault.process('概念/指令微调.md', (text) => `${text}\n`);
      expect(await vault.read('概念/指令微调.md')).toBe('# 指令微调\n');
    });

    describe('rejects paths that climb out of the vault', () => {
      const escapes = ['../outside.md', 'Lit/../../outside.md', '..', 'a\\..\\..\\x.md'];

      it.each(escapes)('%s', async (bad) => {
        await expect(attempt(() => vault.read(bad))).rejects.toThrow(VaultPathError);
        await expect(attempt(() => vault.write(bad, 'x'))).rejects.toThrow(VaultPathError);
        await expect(attempt(() => vault.create(bad, 'x'))).rejects.toThrow(VaultPathError);
        await expect(attempt(() => vault.process(bad, (s) => s))).rejects.toThrow(VaultPathError);
        await expect(attempt(() => vault.list(bad))).rejects.toThrow(VaultPathError);
        await expect(attempt(() => vault.exists(bad))).rejects.toThrow(VaultPathError);
        await expect(attempt(() => vault.stat!(bad))).rejects.toThrow(VaultPathError);
        expect(t.writes()).toEqual([]);
      });
    });
  });
}
