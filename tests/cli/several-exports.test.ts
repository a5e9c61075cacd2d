/**
 * The CLI with several exports: `--export` repeated on sync, import, list, citations and summary, and the list of
 * exports from the plugin settings.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliInProcess } from './cli-in-process';

const entry = (key: string, title: string) => `@article{${key},\n  title = {${title}},\n  author = {Yin, Shukang},\n  date = {2024},\n}\n\n`;
const cslItem = (id: string, title: string) => ({ id, type: 'article-journal', title, issued: { 'date-parts': [[2023]] } });

let dir: string;
let vault: string;
let personal: string;
let group: string;
const cli = (...argv: string[]) => cliInProcess(argv);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-cli-several-'));
  vault = join(dir, 'vault');
  mkdirSync(vault);
  personal = join(dir, 'personal.bib');
  group = join(dir, 'group.json');
  writeFileSync(personal, entry('smith2020', 'Personal: Smith') + entry('lee2021', 'Personal: Lee'));
  writeFileSync(group, JSON.stringify([cslItem('smith2020', 'Group: another Smith'), cslItem('wong2019', 'Group: Wong')]));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli with several exports', () => {
  it('syncs two --export files, warns about the citekey in both (first wins), then writes nothing on a second run', async () => {
    const first = await cli('sync', '--export', personal, '--export', group, '--vault', vault, '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as Record<string, unknown>;
    expect(report).toMatchObject({ created: ['Literature/smith2020.md', 'Literature/lee2021.md', 'Literature/wong2019.md'], errors: [], flagged: [] });
    expect(report.warnings).toEqual([
      `citekey smith2020 is in both ${personal} and ${group}: synced from ${personal}; the entry in ${group} was left out. Give it another citation key in Better BibTeX to sync both.`,
    ]);
    expect(report.exports).toEqual([
      { name: personal, key: 'personal.bib', status: 'synced', format: 'biblatex', paperCount: 2 },
      { name: group, key: 'group.json', status: 'synced', format: 'csl-json', paperCount: 2 },
    ]);
    expect(readFileSync(join(vault, 'Literature/smith2020.md'), 'utf8')).toContain('# Personal: Smith');
    const second = await cli('sync', '--export', personal, '--export', group, '--vault', vault, '--json');
    expect(JSON.parse(second.out)).toMatchObject({ created: [], updated: [], unchanged: 3, skipped: true });
  });

  it('syncs the good export when the other is missing, exits 1 and names the missing file', async () => {
    await cli('sync', '--export', personal, '--export', group, '--vault', vault);
    rmSync(group);
    writeFileSync(personal, entry('smith2020', 'Personal: Smith, revised') + entry('lee2021', 'Personal: Lee'));
    const r = await cli('sync', '--export', personal, '--export', group, '--vault', vault);
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 updated');
    expect(r.out).toContain('0 flagged as removed from Zotero');
    expect(r.out).toContain(`  FAILED  ${group}\n`);
    expect(r.out).toContain(`  error   ${group}: cannot read ${group}: no such file. Its papers' notes were left as they are.\n`);
    expect(readFileSync(join(vault, 'Literature/wong2019.md'), 'utf8')).not.toContain('zotero-removed');
  });

  it('exits 2 when no export can be read, as with one', async () => {
    const r = await cli('sync', '--export', join(dir, 'a.bib'), '--export', join(dir, 'b.json'), '--vault', vault);
    expect(r).toEqual({ code: 2, out: '', err: `error: cannot read ${join(dir, 'a.bib')}: no such file\n` });
  });

  it('takes the list of exports from the plugin settings, and imports from the export that holds the paper', async () => {
    mkdirSync(join(vault, '.obsidian/plugins/zotero-concept-notes'), { recursive: true });
    writeFileSync(join(vault, '.obsidian/plugins/zotero-concept-notes/data.json'), JSON.stringify({ version: 3, exportPaths: [personal, group] }));
    const r = await cli('import', 'wong2019', '--vault', vault, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ created: ['Literature/wong2019.md'] });
    const missing = await cli('import', 'nobody', '--vault', vault);
    expect(missing).toMatchObject({ code: 2, err: `error: citekey "nobody" is not in the export (${personal}, ${group})\n` });
  });

  it('lists, summarises and counts citations over several exports', async () => {
    const list = await cli('list', '--export', personal, '--export', group);
    expect(list.code).toBe(0);
    expect(list.out).toContain(`${personal}\n`);
    expect(list.out).toContain('2 papers (biblatex)');
    expect(list.out).toContain('2 papers (csl-json)');
    expect(list.err).toBe(`warning: citekey smith2020 is in both ${personal} and ${group}: taken from ${personal}\n`);
    const json = JSON.parse((await cli('list', '--export', personal, '--export', group, '--json')).out) as { exports: { path: string; papers: unknown[] }[] };
    expect(json.exports.map((e) => [e.path, e.papers.length])).toEqual([[personal, 2], [group, 2]]);
    const summary = await cli('summary', 'wong2019', 'smith2020', '--export', personal, '--export', group);
    expect(summary.out).toContain('Group: Wong');
    expect(summary.out).toContain('Personal: Smith');
    writeFileSync(join(vault, 'draft.md'), 'As shown [@wong2019; @lee2021; @nobody].\n');
    const citations = JSON.parse((await cli('citations', '--vault', vault, '--export', personal, '--export', group, '--json')).out) as { unknownKeys: string[] };
    expect(citations.unknownKeys).toEqual(['nobody']);
  });
});
