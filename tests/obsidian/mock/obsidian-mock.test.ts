/** The mock's own promises, where other tests rely on them matching Obsidian. */
import { Component, createMockApp, debounce, Editor, MarkdownView, normalizePath, TFile } from '../../__mocks__/obsidian';

describe('obsidian mock', () => {
  it('Editor transactions use the coordinates before the edit, reject overlaps and carry the cursor along', () => {
    const editor = new Editor('ab\ncd\nef');
    editor.setCursor(2, 1);
    editor.transaction({ changes: [{ from: { line: 0, ch: 1 }, to: { line: 0, ch: 2 }, text: 'BBB' }, { from: { line: 1, ch: 0 }, text: '>' }] });
    expect(editor.getValue()).toBe('aBBB\n>cd\nef');
    expect(editor.getCursor()).toEqual({ line: 2, ch: 1 });
    expect(editor.offsetToPos(editor.posToOffset({ line: 1, ch: 2 }))).toEqual({ line: 1, ch: 2 });
    expect(() => editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 3 }, text: '' }, { from: { line: 0, ch: 2 }, text: 'x' }] })).toThrow(/overlapping/);
    expect(editor.log).toEqual([{ kind: 'transaction', changes: 2 }]);
  });

  it('openInEditor replaces the note of the active tab, or opens a new tab; a view saves its editor to the file', async () => {
    const app = await createMockApp({ 'a.md': 'a', 'b.md': 'b', 'c.md': 'c' });
    const file = (path: string) => app.vault.getFileByPath(path)!;
    app.workspace.openInEditor(file('a.md'), 'a');
    app.workspace.openInEditor(file('b.md'), 'b'); // same tab: a is no longer open
    const c = app.workspace.openInEditor(file('c.md'), 'c', { newTab: true });
    const open = app.workspace.getLeavesOfType('markdown').map((leaf) => leaf.view?.file?.path);
    expect(open).toEqual(['b.md', 'c.md']);
    expect(app.workspace.getLeavesOfType('canvas')).toEqual([]);
    expect(c).toBeInstanceOf(MarkdownView);
    expect(app.workspace.activeEditor).toBe(c);
    c.editor.replaceSelection('typed ');
    expect(app.vault.contentOf('c.md')).toBe('c');
    await c.save();
    expect(app.vault.contentOf('c.md')).toBe('typed c');
  });

  it('normalizePath behaves like Obsidian: slashes, edges, non-breaking spaces, NFC; ".." kept', () => {
    expect(normalizePath('//Lit\\\\2024//a.md/')).toBe('Lit/2024/a.md');
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('a\u00A0b\u202Fc.md')).toBe('a b c.md');
    expect(normalizePath('Cafe\u0301.md')).toBe('Caf\u00E9.md');
    expect(normalizePath('../x.md')).toBe('../x.md');
  });

  it('Vault.create needs the parent folder and a free path; process always writes', async () => {
    const app = await createMockApp({ 'A/a.md': 'a' });
    await expect(app.vault.create('B/b.md', 'b')).rejects.toThrow(/parent folder/);
    await expect(app.vault.create('A/a.md', 'again')).rejects.toThrow('File already exists.');
    await expect(app.vault.createFolder('A')).rejects.toThrow('Folder already exists.');
    const file = app.vault.getFileByPath('A/a.md')!;
    expect(file).toBeInstanceOf(TFile);
    expect([file.basename, file.extension, file.parent?.path]).toEqual(['a', 'md', 'A']);
    await app.vault.process(file, (t) => t);
    expect(app.vault.writes).toEqual(['A/a.md']);
  });

  it('Component.unload runs every registered cleanup once, children first', () => {
    const order: string[] = [];
    const parent = new Component();
    const child = parent.addChild(new Component());
    parent.load();
    child.register(() => order.push('child'));
    parent.register(() => order.push('parent'));
    parent.unload();
    parent.unload();
    expect(order).toEqual(['child', 'parent']);
    expect(parent.lifecycle).toEqual({ registered: 1, released: 1 });
  });

  it('the metadata cache lags a write, then says so with "changed"', async () => {
    jest.useFakeTimers();
    try {
      const app = await createMockApp({ 'a.md': '---\ncitekey: a\n---\n' });
      const file = app.vault.getFileByPath('a.md')!;
      expect(app.metadataCache.getFileCache(file)?.frontmatter).toEqual({ citekey: 'a' }); // indexed at start-up
      const changed: string[] = [];
      app.metadataCache.on('changed', (f) => f instanceof TFile && changed.push(f.path));
      await app.vault.modify(file, '---\ncitekey: b\n---\n');
      expect(app.metadataCache.getFileCache(file)?.frontmatter).toEqual({ citekey: 'a' }); // not parsed yet
      const created = await app.vault.create('c.md', '---\nx: 1\n---\n');
      expect(app.metadataCache.getFileCache(created)).toBeNull();
      await jest.advanceTimersByTimeAsync(0);
      expect(app.metadataCache.getFileCache(file)?.frontmatter).toEqual({ citekey: 'b' });
      expect(app.metadataCache.getFileCache(created)?.frontmatter).toEqual({ x: 1 });
      expect(changed).toEqual(['a.md', 'c.md']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a case-insensitive vault (macOS, Windows) refuses a path that differs from an existing one only in case', async () => {
    const app = await createMockApp({ 'Literature/a.md': 'a' });
    await expect(app.vault.createFolder('literature')).resolves.toBeDefined(); // Linux: two folders
    const mac = await createMockApp({ 'Literature/a.md': 'a' });
    mac.vault.caseInsensitive = true;
    await expect(mac.vault.createFolder('literature')).rejects.toThrow('Folder already exists.');
    await expect(mac.vault.create('Literature/A.md', 'b')).rejects.toThrow('File already exists.');
    await expect(mac.vault.create('Literature/b.md', 'b')).resolves.toBeDefined();
  });

  it('a restored tab holds a deferred view until shown; then its editor reads the file', async () => {
    const app = await createMockApp({ 'a.md': 'text' });
    const leaf = app.workspace.openDeferred(app.vault.getFileByPath('a.md')!);
    expect(leaf.isDeferred).toBe(true);
    expect(leaf.view).not.toBeInstanceOf(MarkdownView);
    expect(app.workspace.activeEditor).toBeNull();
    await leaf.loadIfDeferred();
    expect(leaf.view).toBeInstanceOf(MarkdownView);
    expect((leaf.view as MarkdownView).editor.getValue()).toBe('text');
  });

  it('debounce runs once with the last arguments; resetTimer restarts the wait', () => {
    jest.useFakeTimers();
    try {
      const calls: number[] = [];
      const d = debounce((n: number) => calls.push(n), 100, true);
      d(1);
      jest.advanceTimersByTime(60);
      d(2);
      jest.advanceTimersByTime(60);
      expect(calls).toEqual([]);
      jest.advanceTimersByTime(40);
      expect(calls).toEqual([2]);
      d(3);
      d.cancel();
      jest.advanceTimersByTime(200);
      expect(calls).toEqual([2]);
    } finally {
      jest.useRealTimers();
    }
  });
});
