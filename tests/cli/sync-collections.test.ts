/**
 * `sync --collection` and `list --collection` over a real BBT JSON export (conig/zot's library: 242 papers;
 * "Methodology" and its subcollections hold 58, "SE" 8, both together 66), and the plugin's "Collections to sync"
 * read from the vault's data.json when no option is given.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '../support/fixtures';
import { cliInProcess } from './cli-in-process';

const EXPORT = fixturePath('real/conig-zot-my-library.bbt.json');
let dir: string;
let vault: string;

const cli = (...argv: string[]) => cliInProcess(argv);
const notes = () => readdirSync(join(vault, 'Literature')).length;

function pluginSettings(data: Record<string, unknown>): void {
  const folder = join(vault, '.obsidian/plugins/zotero-concept-notes');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'data.json'), JSON.stringify(data));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-cli-collections-'));
  vault = join(dir, 'vault');
  mkdirSync(vault);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli sync --collection', () => {
  it('syncs the papers of the collections given twice, subcollections included, and says so', async () => {
    const r = await cli('sync', '--export', EXPORT, '--vault', vault, '--collection', 'Methodology', '--collection', 'SE');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Synced 66 of 242 papers, in "Methodology", "SE" \(bbt-json\) from /);
    expect(r.out).toContain('66 created, 0 updated, 0 unchanged');
    expect(notes()).toBe(66);
    const json = JSON.parse((await cli('sync', '--export', EXPORT, '--vault', vault, '--collection', 'SE', '--json')).out);
    expect(json).toMatchObject({ created: [], updated: [], flagged: [], unchanged: 8, scope: { requested: ['SE'], matched: ['SE'], papers: 8, total: 242 } });
  });

  it('takes "Collections to sync" from the plugin settings, --collection over them, and --whole-library over both', async () => {
    pluginSettings({ syncCollections: ['SE'] });
    expect((await cli('sync', '--export', EXPORT, '--vault', vault, '--json')).code).toBe(0);
    expect(notes()).toBe(8);
    await cli('sync', '--export', EXPORT, '--vault', vault, '--collection', 'Courses/Multivariate', '--json');
    expect(notes()).toBe(8 + 10);
    await cli('sync', '--export', EXPORT, '--vault', vault, '--whole-library', '--json');
    expect(notes()).toBe(242);
    const both = await cli('sync', '--export', EXPORT, '--vault', vault, '--whole-library', '--collection', 'SE');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--collection and --whole-library exclude each other');
  });

  it('warns about an unknown name with the export\'s file name, and refuses when no name is known', async () => {
    const some = await cli('sync', '--export', EXPORT, '--vault', vault, '--collection', 'SE', '--collection', 'Thesis');
    expect(some.code).toBe(0);
    expect(some.err).toContain('warning: "Thesis" is not a collection of conig-zot-my-library.bbt.json, so only "SE" is synced');
    expect(notes()).toBe(8);
    const none = await cli('sync', '--export', EXPORT, '--vault', vault, '--collection', 'Thesis', '--dry-run');
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toMatch(/^error: The collection to sync, "Thesis", is not in conig-zot-my-library\.bbt\.json \(its collections include /);
  });
});

describe('cli list --collection', () => {
  it('previews the papers of a collection, or of the vault\'s "Collections to sync"', async () => {
    const r = await cli('list', '--export', EXPORT, '--collection', 'Multivariate');
    expect(r.code).toBe(0);
    expect(r.out).toContain('\n10 of 242 papers, in "Courses/Multivariate" (bbt-json)\n');
    expect(r.out.split('\n').filter((line) => /^\S+\s+\d{4}\s/.test(line))).toHaveLength(10);
    pluginSettings({ syncCollections: ['Jigsaw'] });
    const json = JSON.parse((await cli('list', '--export', EXPORT, '--vault', vault, '--json')).out);
    expect(json.papers).toHaveLength(7);
    expect(json.scope).toEqual({ requested: ['Jigsaw'], matched: ['Courses/Multivariate/Jigsaw'], unknown: [], papers: 7, total: 242 });
    const none = await cli('list', '--export', EXPORT, '--collection', 'Thesis');
    expect(none.code).toBe(2);
    expect(none.err).toContain('syncing stops until one is');
  });
});
