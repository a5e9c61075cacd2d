import { createMockApp, Editor, TFile, type App } from '../../__mocks__/obsidian';
import type { Editor as ObsidianEditor, Vault } from 'obsidian';
import { ObsidianVault } from '../../../src/obsidian/vault/obsidian-vault';
import { UnloadGuard, PluginUnloadedError } from '../../../src/obsidian/plugin/unload-guard';
import { describeVaultContract } from '../../core/vault/vault-contract';

/** The mock App's vault typed as Obsidian's (the mock implements the part the adapter uses). */
function adapterFor(app: App): ObsidianVault {
  return new ObsidianVault(app.vault as unknown as Vault);
}

describeVaultContract('ObsidianVault over the mock vault', async () => {
  const app = await createMockApp();
  return { vault: adapterFor(app), writes: () => app.vault.writes };
});

describe('ObsidianVault specifics', () => {
  let app: App;
  let vault: ObsidianVault;

  beforeEach(async () => {
    app = await createMockApp({ 'Lit/a.md': 'a', 'Lit/b.md': 'b' });
    vault = adapterFor(app);
  });

  it('normalises paths as Obsidian does: NFC and non-breaking spaces', async () => {
    const nfd = 'Lit/Cafe\u0301\u00A0notes.md';
    await vault.write(nfd, 'x');
    expect(app.vault.getFileByPath('Lit/Caf\u00E9 notes.md')).toBeInstanceOf(TFile);
    expect(await vault.read('Lit/Caf\u00E9 notes.md')).toBe('x');
    expect(await vault.exists(nfd)).toBe(true);
  });

  it('skips Vault.process (which would write) when the callback changes nothing', async () => {
    const process = jest.spyOn(app.vault, 'process');
    expect(await vault.process('Lit/a.md', (t) => t)).toBe('a');
    expect(process).not.toHaveBeenCalled();
    expect(app.vault.writes).toEqual([]);
  });

  it('re-applies the callback to the newest text when the note changed after the first read', async () => {
    const original = app.vault.process.bind(app.vault);
    jest.spyOn(app.vault, 'process').mockImplementationOnce(async (file, fn) => {
      await app.vault.setExternal('Lit/a.md', 'a, edited by the user meanwhile');
      return original(file, fn);
    });
    const result = await vault.process('Lit/a.md', (t) => `${t} + ours`);
    expect(result).toBe('a, edited by the user meanwhile + ours');
    expect(app.vault.contentOf('Lit/a.md')).toBe('a, edited by the user meanwhile + ours');
  });

  it('creates each missing folder level with createFolder, and none that exist', async () => {
    const createFolder = jest.spyOn(app.vault, 'createFolder');
    await vault.write('Lit/2024/May/c.md', 'c');
    expect(createFolder.mock.calls.map(([p]) => p)).toEqual(['Lit/2024', 'Lit/2024/May']);
  });

  it('survives writes racing to create the same new folder', async () => {
    await Promise.all(['x', 'y', 'z'].map((n) => vault.write(`New/Deep/${n}.md`, n)));
    expect(await vault.list('New')).toEqual(['New/Deep/x.md', 'New/Deep/y.md', 'New/Deep/z.md']);
  });

  it('uses modify for an existing note and fires one modify event', async () => {
    const modified: string[] = [];
    app.vault.on('modify', (f: unknown) => modified.push(f instanceof TFile ? f.path : 'not a file'));
    await vault.write('Lit/a.md', 'A');
    expect(modified).toEqual(['Lit/a.md']);
    expect(app.vault.getFiles()).toHaveLength(2);
  });

  it('refuses a file where a folder part of the path is a file', async () => {
    await expect(vault.write('Lit/a.md/child.md', 'x')).rejects.toThrow(/a file has that name/);
  });

  it('never touches the adapter for files inside the vault', async () => {
    const adapterWrite = jest.spyOn(app.vault.adapter, 'write');
    const adapterRead = jest.spyOn(app.vault.adapter, 'read');
    await vault.write('N/x.md', 'x');
    await vault.read('N/x.md');
    await vault.process('N/x.md', (t) => t + '!');
    await vault.list('');
    expect(adapterWrite).not.toHaveBeenCalled();
    expect(adapterRead).not.toHaveBeenCalled();
  });
});

describe('ObsidianVault and notes open in an editor', () => {
  const NOTE = '---\ntitle: Old\n---\nIntro.\n\n## Notes\nMine, being typed';
  let app: App;
  let editor: Editor;
  let vault: ObsidianVault;

  beforeEach(async () => {
    app = await createMockApp({ 'Lit/a.md': NOTE, 'Lit/b.md': 'b' });
    editor = new Editor(`${NOTE} and not saved yet`);
    const openEditor = (path: string) => (path === 'Lit/a.md' ? (editor as unknown as ObsidianEditor) : null);
    vault = new ObsidianVault(app.vault as unknown as Vault, { openEditor });
  });

  it('changes the note in its editor, with minimal replacements: the cursor and the unsaved typing stay', async () => {
    const process = jest.spyOn(app.vault, 'process');
    editor.setCursor(6, 5);
    const result = await vault.process('Lit//a.md', (text) => text.replace('title: Old', 'title: New').replace('Intro.', 'Intro, longer.'));
    expect(result).toBe('---\ntitle: New\n---\nIntro, longer.\n\n## Notes\nMine, being typed and not saved yet');
    expect(editor.getValue()).toBe(result);
    expect(editor.log).toEqual([{ kind: 'transaction', changes: 2 }]);
    expect(editor.getCursor()).toEqual({ line: 6, ch: 5 });
    expect(process).not.toHaveBeenCalled();
    expect(app.vault.writes).toEqual([]); // the editor saves the file
    expect(app.vault.contentOf('Lit/a.md')).toBe(NOTE);

    expect(await vault.process('Lit/a.md', (text) => text)).toBe(result);
    expect(editor.log).toHaveLength(1); // nothing changed: no transaction
    await vault.process('Lit/b.md', (text) => `${text}!`); // not open: the file, through Vault.process
    expect(process).toHaveBeenCalledTimes(1);
    expect(app.vault.contentOf('Lit/b.md')).toBe('b!');
  });

  it('reads the editor\'s text, and writes a whole new text through the editor too', async () => {
    expect(await vault.read('Lit/a.md')).toBe(`${NOTE} and not saved yet`);
    expect(await vault.read('Lit/b.md')).toBe('b');
    await vault.write('Lit/a.md', `${NOTE} and not saved yet\nMore.`);
    expect(editor.log).toEqual([{ kind: 'transaction', changes: 1 }]);
    expect(editor.getValue()).toBe(`${NOTE} and not saved yet\nMore.`);
    expect(app.vault.writes).toEqual([]);
  });

  it('writes nothing once the plugin is unloaded: every write throws the cancellation', async () => {
    const unloadGuard = new UnloadGuard();
    const guarded = new ObsidianVault(app.vault as unknown as Vault, { beforeWrite: () => unloadGuard.check() });
    await guarded.write('Lit/c.md', 'c');
    unloadGuard.stop();
    await expect(guarded.write('Lit/d.md', 'd')).rejects.toThrow(PluginUnloadedError);
    await expect(guarded.create('Lit/e.md', 'e')).rejects.toThrow(PluginUnloadedError);
    await expect(guarded.process('Lit/b.md', (t) => `${t}!`)).rejects.toThrow('The plugin was unloaded; the run stopped.');
    expect(await guarded.read('Lit/b.md')).toBe('b'); // reading is still fine
    expect(app.vault.writes).toEqual(['Lit/c.md']);
  });
});
