import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliInProcess } from './cli-in-process';

const ENTRY = (key: string, title: string) =>
  `@article{${key},\n  title = {${title}},\n  author = {Yin, Shukang and Fu, Chaoyou},\n  date = {2024},\n  journaltitle = {National Science Review},\n  eprint = {2306.13549},\n  eprinttype = {arXiv},\n  keywords = {多模态, survey},\n}\n\n`;

let dir: string;
let vault: string;
let exportFile: string;

const cli = (...argv: string[]) => cliInProcess(argv);

/** Every file under the vault with its modification time, to prove that nothing was written. */
function tree(root: string, rel = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of readdirSync(join(root, rel))) {
    const p = rel ? `${rel}/${name}` : name;
    const s = statSync(join(root, p));
    if (s.isDirectory()) Object.assign(out, tree(root, p));
    else out[p] = s.mtimeMs;
  }
  return out;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-cli-sync-'));
  vault = join(dir, 'vault');
  mkdirSync(vault);
  exportFile = join(dir, 'library.bib');
  writeFileSync(exportFile, ENTRY('yin2024', 'A Survey on Multimodal Large Language Models') + ENTRY('lin2025', 'Multi-Layer Visual Feature Fusion in Multimodal LLMs'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli sync', () => {
  it('prints the JSON report and exits 0, then reports everything unchanged', async () => {
    const first = await cli('sync', '--export', exportFile, '--vault', vault, '--json');
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    const report = JSON.parse(first.out);
    expect(report).toMatchObject({ created: ['Literature/yin2024.md', 'Literature/lin2025.md'], updated: [], unchanged: 0, conflicts: [], errors: [], flagged: [] });
    expect(readFileSync(join(vault, 'Literature/yin2024.md'), 'utf8')).toContain('citekey: yin2024\n');
    expect(JSON.parse(readFileSync(join(vault, '.obsidian/plugins/zotero-concept-notes/sync-state.json'), 'utf8')).version).toBe(1);
    const before = tree(vault);
    const second = await cli('sync', '--export', exportFile, '--vault', vault, '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ created: [], updated: [], unchanged: 2, skipped: true });
    expect(tree(vault)).toEqual(before);
  });

  it('writes nothing on a dry run and prints the plan', async () => {
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 would be created');
    expect(r.out).toContain('  create  Literature/yin2024.md\n');
    expect(r.out).toContain('Dry run: nothing was written.');
    expect(readdirSync(vault)).toEqual([]);
  });

  it('takes the notes folder from the plugin settings, and --notes-folder over them', async () => {
    mkdirSync(join(vault, '.obsidian/plugins/zotero-concept-notes'), { recursive: true });
    writeFileSync(join(vault, '.obsidian/plugins/zotero-concept-notes/data.json'), JSON.stringify({ version: 1, notesFolder: 'Papers/Zotero' }));
    const fromSettings = await cli('sync', '--export', exportFile, '--vault', vault, '--json');
    expect(JSON.parse(fromSettings.out).created).toEqual(['Papers/Zotero/yin2024.md', 'Papers/Zotero/lin2025.md']);
    const overridden = await cli('sync', '--export', exportFile, '--vault', vault, '--json', '--notes-folder', 'Elsewhere');
    // The notes already exist (found by citekey where they are); nothing new in the other folder.
    expect(JSON.parse(overridden.out)).toMatchObject({ created: [], unchanged: 2 });
  });

  it('exits 1 with a conflict when a managed region was edited and the paper changed', async () => {
    await cli('sync', '--export', exportFile, '--vault', vault);
    const note = join(vault, 'Literature/yin2024.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('# A Survey on Multimodal Large Language Models', '# My own heading'));
    writeFileSync(exportFile, ENTRY('yin2024', 'A Survey on Multimodal Large Language Models (v2)') + ENTRY('lin2025', 'Multi-Layer Visual Feature Fusion in Multimodal LLMs'));
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ conflicts: ['Literature/yin2024.md'], updated: [] });
    expect(readFileSync(note, 'utf8')).toContain('# My own heading');
  });

  it('exits 2 with one line on stderr for a half-written export, and touches nothing', async () => {
    await cli('sync', '--export', exportFile, '--vault', vault);
    const before = tree(vault);
    writeFileSync(exportFile, ENTRY('yin2024', 'A Survey').slice(0, 40));
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: The export .*nothing was changed\.\n$/);
    expect(tree(vault)).toEqual(before);
  });

  it('exits 2 for a missing export file, a missing vault and an unrecognised file', async () => {
    expect((await cli('sync', '--export', join(dir, 'nope.bib'), '--vault', vault)).err).toBe(`error: cannot read ${join(dir, 'nope.bib')}: no such file\n`);
    expect((await cli('sync', '--export', exportFile, '--vault', join(dir, 'no-vault'))).code).toBe(2);
    writeFileSync(exportFile, 'just some prose\n');
    const r = await cli('sync', '--export', exportFile, '--vault', vault);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: The export could not be read: not a Better BibTeX export/);
  });

  it('exits 2 for a template that does not compile, naming its line, and writes nothing', async () => {
    mkdirSync(join(vault, '.obsidian/plugins/zotero-concept-notes'), { recursive: true });
    writeFileSync(join(vault, '.obsidian/plugins/zotero-concept-notes/data.json'), JSON.stringify({ version: 1, noteTemplatePath: 'Templates/paper' }));
    mkdirSync(join(vault, 'Templates'));
    writeFileSync(join(vault, 'Templates/paper.md'), '# {{title}}\n\n{{#if abstract}}\n{{abstract}}\n');
    const r = await cli('sync', '--export', exportFile, '--vault', vault);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: Templates\/paper\.md, line \d+: /);
    expect(readdirSync(vault).sort()).toEqual(['.obsidian', 'Templates']);
  });
});

describe('cli sync with concept notes', () => {
  it('links concepts in new notes at creation, and a re-sync of a changed paper keeps the links it did not touch', async () => {
    mkdirSync(join(vault, 'Concepts'));
    writeFileSync(join(vault, 'Concepts/ICL.md'), '---\naliases:\n  - in-context learning\n---\n# ICL\n');
    const withAbstract = (title: string) => ENTRY('yin2024', title).replace('  keywords', '  abstract = {We study in-context learning in large models.},\n  keywords');
    writeFileSync(exportFile, withAbstract('A Survey'));
    expect((await cli('sync', '--export', exportFile, '--vault', vault)).code).toBe(0);
    const note = join(vault, 'Literature/yin2024.md');
    expect(readFileSync(note, 'utf8')).toContain('We study [[ICL|in-context learning]] in large models.');
    writeFileSync(exportFile, withAbstract('A Survey, revised'));
    const r = await cli('sync', '--export', exportFile, '--vault', vault, '--json');
    expect(JSON.parse(r.out)).toMatchObject({ updated: ['Literature/yin2024.md'], conflicts: [] });
    expect(readFileSync(note, 'utf8')).toContain('# A Survey, revised');
    expect(readFileSync(note, 'utf8')).toContain('We study [[ICL|in-context learning]] in large models.');
  });
});

describe('cli import', () => {
  it('creates one note and prints the JSON report', async () => {
    const r = await cli('import', 'lin2025', '--export', exportFile, '--vault', vault, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ created: ['Literature/lin2025.md'], updated: [], unchanged: 0, errors: [], flagged: [] });
    expect(readdirSync(join(vault, 'Literature'))).toEqual(['lin2025.md']);
  });

  it('exits 2 for a citekey the export does not hold, suggesting a case variant', async () => {
    const r = await cli('import', 'YIN2024', '--export', exportFile, '--vault', vault);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: citekey "YIN2024" is not in the export (did you mean "yin2024"?) (${exportFile})\n`);
    expect(readdirSync(vault)).toEqual([]);
  });
});
