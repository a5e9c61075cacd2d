/** The export path saved in the plugin's data.json, read by the CLI as the plugin reads it ("~/" included). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { expandHome, isAbsoluteExportPath } from '../../src/core/export/export-path';

const ENTRY = '@article{yin2024,\n  title = {A Survey on Multimodal Large Language Models},\n  author = {Yin, Shukang},\n  date = {2024},\n}\n';

describe('export path helpers', () => {
  it('tells a path on the computer from a vault path', () => {
    for (const p of ['/Users/me/library.bib', '~/Zotero/library.bib', '~\\Zotero\\library.bib', 'C:\\Zotero\\x.bib', 'c:/Zotero/x.bib', '\\\\server\\share\\x.bib']) {
      expect([p, isAbsoluteExportPath(p)]).toEqual([p, true]);
    }
    for (const p of ['Zotero/library.bib', 'library.bib', '~user/x.bib', '~', 'Zotero\\x.bib']) expect([p, isAbsoluteExportPath(p)]).toEqual([p, false]);
  });

  it('expands a leading "~" with the home folder it is given, and nothing else', () => {
    expect(expandHome('~/Zotero/library.bib', '/home/me')).toBe('/home/me/Zotero/library.bib');
    expect(expandHome('~/Zotero/library.bib', '/home/me/')).toBe('/home/me/Zotero/library.bib');
    expect(expandHome('~\\Zotero\\library.bib', 'C:\\Users\\me')).toBe('C:\\Users\\me\\Zotero\\library.bib');
    expect(expandHome('/abs/~/x.bib', '/home/me')).toBe('/abs/~/x.bib');
    expect(expandHome('~user/x.bib', '/home/me')).toBe('~user/x.bib');
    expect(expandHome('Zotero/x.bib', '/home/me')).toBe('Zotero/x.bib');
  });
});

describe('cli sync with the export path from data.json', () => {
  let dir: string;
  let vault: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zcn-cli-export-path-'));
    vault = join(dir, 'vault');
    mkdirSync(join(vault, '.obsidian/plugins/zotero-concept-notes'), { recursive: true });
    mkdirSync(join(dir, 'home/Zotero'), { recursive: true });
    writeFileSync(join(dir, 'home/Zotero/library.bib'), ENTRY);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function syncWith(exportPath: string) {
    writeFileSync(join(vault, '.obsidian/plugins/zotero-concept-notes/data.json'), JSON.stringify({ version: 1, exportPath }));
    let out = '';
    let err = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), now: () => new Date(2025, 9, 1, 9, 30), home: () => join(dir, 'home') };
    const code = await runCli(['sync', '--vault', vault, '--json'], io);
    return { code, err, created: code === 0 ? (JSON.parse(out) as { created: string[] }).created : [] };
  }

  it('reads "~/…" from the home folder, as the plugin does', async () => {
    expect(await syncWith('~/Zotero/library.bib')).toEqual({ code: 0, err: '', created: ['Literature/yin2024.md'] });
  });

  it('reads an absolute path as it is, and a vault path inside the vault', async () => {
    expect(await syncWith(join(dir, 'home/Zotero/library.bib'))).toMatchObject({ code: 0, created: ['Literature/yin2024.md'] });
    rmSync(join(vault, 'Literature'), { recursive: true });
    rmSync(join(vault, '.obsidian/plugins/zotero-concept-notes/sync-state.json'));
    mkdirSync(join(vault, 'Zotero'));
    writeFileSync(join(vault, 'Zotero/library.bib'), ENTRY);
    expect(await syncWith('Zotero/library.bib')).toMatchObject({ code: 0, created: ['Literature/yin2024.md'] });
  });

  it('names the expanded path when the file is missing', async () => {
    const r = await syncWith('~/Zotero/missing.bib');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: cannot read ${join(dir, 'home/Zotero/missing.bib')}: no such file\n`);
  });
});
