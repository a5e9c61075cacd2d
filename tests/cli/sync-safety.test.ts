/**
 * The CLI's safety options and refusals, in-process: the sync lock (a live holder refuses, a crashed one is taken
 * over), the sweep of temporary files a crash left, `--min-export-ratio` and the setting its refusal names.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliInProcess } from './cli-in-process';

const ENTRY = (key: string) => `@article{${key},\n  title = {Title of ${key}},\n  author = {Yin, Shukang},\n  date = {2024},\n}\n\n`;
const PLUGIN = '.obsidian/plugins/zotero-concept-notes';

let dir: string;
let vault: string;
let exportFile: string;

const cli = (...argv: string[]) => cliInProcess(argv);

function writeLock(pid: number): void {
  mkdirSync(join(vault, PLUGIN), { recursive: true });
  const now = new Date().toISOString();
  writeFileSync(join(vault, PLUGIN, 'sync.lock'), JSON.stringify({ tool: 'cli', pid, host: hostname(), startedAt: now, refreshedAt: now, token: 'other' }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-cli-safety-'));
  vault = join(dir, 'vault');
  mkdirSync(vault);
  exportFile = join(dir, 'library.bib');
  writeFileSync(exportFile, Array.from({ length: 10 }, (_, i) => ENTRY(`key${i}`)).join(''));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli sync lock', () => {
  it('refuses with exit 2 while another live run holds the lock, and writes nothing', async () => {
    writeLock(process.ppid); // a process that runs (jest's parent)
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--lock-wait', '0');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `error: Another sync is running on this vault (the command line, process ${process.ppid} on ${hostname()}, since ${JSON.parse(readFileSync(join(vault, PLUGIN, 'sync.lock'), 'utf8')).startedAt}); nothing was changed. Try again when it has finished; if no sync is running, delete ${join(vault, PLUGIN, 'sync.lock')}.\n`,
    );
    expect(readdirSync(vault)).toEqual(['.obsidian']);
    expect(readdirSync(join(vault, PLUGIN))).toEqual(['sync.lock']);
  });

  it('is held by every command that writes notes: concepts and citations refuse too, and write nothing', async () => {
    await cli('sync', '--export', exportFile, '--vault', vault);
    const citing = join(vault, 'draft.md');
    writeFileSync(citing, 'As [@key1] shows, in-context learning (ICL) works.\n');
    const before = readdirSync(join(vault, 'Literature')).map((f) => readFileSync(join(vault, 'Literature', f), 'utf8'));
    writeLock(process.ppid);
    for (const command of ['concepts', 'citations']) {
      const r = await cli(command, '--vault', vault, '--lock-wait', '0');
      expect([command, r.code, r.err.startsWith('error: Another sync is running on this vault')]).toEqual([command, 2, true]);
    }
    expect(readFileSync(citing, 'utf8')).toBe('As [@key1] shows, in-context learning (ICL) works.\n');
    expect(readdirSync(join(vault, 'Literature')).map((f) => readFileSync(join(vault, 'Literature', f), 'utf8'))).toEqual(before);
    // A dry run writes nothing, so it needs no lock.
    expect((await cli('citations', '--vault', vault, '--lock-wait', '0', '--dry-run')).code).toBe(0);
    rmSync(join(vault, PLUGIN, 'sync.lock'));
    const r = await cli('citations', '--vault', vault, '--json');
    expect([r.code, JSON.parse(r.out).updated]).toEqual([0, ['Literature/key1.md']]);
    expect(existsSync(join(vault, PLUGIN, 'sync.lock'))).toBe(false);
  });

  it('takes over the lock of a run that crashed, and removes it when done', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid; // a process that has ended
    writeLock(gone);
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--lock-wait', '0', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).created).toHaveLength(10);
    expect(existsSync(join(vault, PLUGIN, 'sync.lock'))).toBe(false);
  });

  it('removes the temporary files a crash left (its own only) and says so', async () => {
    await cli('sync', '--export', exportFile, '--vault', vault);
    const stray = ['Literature/.key1.md.zcn-0123456789ab.tmp', `${PLUGIN}/.sync-state.json.zcn-abcdef012345.tmp`];
    const kept = ['Literature/.key1.md.swp', 'Literature/notes.tmp'];
    for (const p of [...stray, ...kept]) writeFileSync(join(vault, p), 'partial');
    writeFileSync(exportFile, readFileSync(exportFile, 'utf8').replace('Title of key3', 'New title of key3'));
    const r = await cli('sync', '--export', exportFile, '--vault', vault);
    expect(r.code).toBe(0);
    expect(r.err).toBe('warning: Removed 2 temporary files left by an interrupted sync.\n');
    for (const p of stray) expect(existsSync(join(vault, p))).toBe(false);
    for (const p of kept) expect(existsSync(join(vault, p))).toBe(true);
  });

  it('rejects a --lock-wait that is not a number of seconds', async () => {
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--lock-wait', 'soon');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --lock-wait must be a number of seconds from 0 to 3600, not "soon"\n/);
  });
});

describe('cli sync --min-export-ratio', () => {
  it('names the setting of the settings tab in the refusal, and takes the ratio as an option', async () => {
    await cli('sync', '--export', exportFile, '--vault', vault);
    writeFileSync(exportFile, ENTRY('key0') + ENTRY('key1'));
    const refused = await cli('sync', '--export', exportFile, '--vault', vault);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      'error: The export holds 2 papers, far fewer than the 10 of the last sync (below 50%); nothing was changed. If this is intended, lower "Stop when the export shrinks" in the plugin settings (or pass --min-export-ratio to the command line).\n',
    );
    expect((await cli('sync', '--export', exportFile, '--vault', vault, '--min-export-ratio', '30%')).code).toBe(2);
    const allowed = await cli('sync', '--export', exportFile, '--vault', vault, '--min-export-ratio', '0.1', '--json');
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.out).flagged).toHaveLength(8);
  });

  it('rejects a ratio outside 0–1', async () => {
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--min-export-ratio', '1.5');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --min-export-ratio must be a share from 0 to 1 \(or 0% to 100%\), not "1.5"\n/);
  });
});

describe('cli import --take-zotero', () => {
  it('puts Zotero\'s version of a conflicted note back, and reports the note updated', async () => {
    await cli('sync', '--export', exportFile, '--vault', vault);
    const note = join(vault, 'Literature/key2.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('title: Title of key2', 'title: My title').replace('## Notes\n', '## Notes\n\nMine.\n'));
    writeFileSync(exportFile, readFileSync(exportFile, 'utf8').replace('Title of key2', 'Better title of key2'));
    expect((await cli('sync', '--export', exportFile, '--vault', vault, '--json')).code).toBe(1);
    const r = await cli('import', 'key2', '--export', exportFile, '--vault', vault, '--take-zotero', 'all', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ updated: ['Literature/key2.md'], conflicts: [] });
    expect(readFileSync(note, 'utf8')).toContain('title: Better title of key2\n');
    expect(readFileSync(note, 'utf8')).toContain('## Notes\n\nMine.\n');
    expect((await cli('sync', '--export', exportFile, '--vault', vault, '--json')).code).toBe(0);
  });

  it('says which parts there are when one named is not', async () => {
    await cli('sync', '--export', exportFile, '--vault', vault);
    const r = await cli('import', 'key2', '--export', exportFile, '--vault', vault, '--take-zotero', 'title,abstract');
    expect(r.code).toBe(1);
    expect(r.out).toContain('error   key2 Literature/key2.md: "abstract": not a part the plugin writes (its parts: title, tags, citekey, authors, year, venue, arxiv, doi, zotero, aliases, header, summary)\n');
  });
});

describe('cli export that is not a regular file', () => {
  const posixOnly = process.platform === 'win32' ? it.skip : it;

  posixOnly('refuses a FIFO and a device at once with exit 2, never reading them', async () => {
    const fifo = join(dir, 'library.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const path of [fifo, '/dev/zero']) {
      for (const command of ['sync', 'list']) {
        const r = await cli(command, '--export', path, ...(command === 'sync' ? ['--vault', vault] : []));
        expect([command, r.code, r.err]).toEqual([
          command,
          2,
          `error: cannot read ${path}: it is not a regular file (a pipe, a device or a socket); point the setting at the export file itself\n`,
        ]);
      }
    }
    expect(readdirSync(vault)).toEqual([]);
  });

  it('refuses a folder with exit 2', async () => {
    const r = await cli('sync', '--export', dir, '--vault', vault);
    expect(r).toMatchObject({ code: 2, err: `error: cannot read ${dir}: it is a folder, not a file\n` });
  });
});

describe('cli notes folder Obsidian hides', () => {
  it('refuses --notes-folder inside .obsidian, and one set in the plugin settings, with exit 2', async () => {
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--notes-folder', '.obsidian/Literature');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: "\.obsidian\/Literature" is inside Obsidian's config folder \(\.obsidian\)/);
    mkdirSync(join(vault, PLUGIN), { recursive: true });
    writeFileSync(join(vault, PLUGIN, 'data.json'), JSON.stringify({ version: 1, notesFolder: '.hidden notes' }));
    expect((await cli('sync', '--export', exportFile, '--vault', vault)).err).toMatch(/^error: "\.hidden notes" is a hidden folder/);
    expect(readdirSync(vault)).toEqual(['.obsidian']);
  });
});
