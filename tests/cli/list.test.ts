/** `list` run in-process through runCli with a recording io: output, exit codes and the JSON shape. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import type { CliIO } from '../../src/cli/cli-command';
import { displayWidth } from '../../src/cli/text-table';
import { fixturePath } from '../support/fixtures';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), now: () => new Date('2025-01-01T00:00:00Z') };
  const code = await runCli(argv, io);
  return { code, out, err };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'zcn-list-')), name);
  writeFileSync(path, text);
  return path;
}

describe('list', () => {
  it('prints a table of papers and exits 0 when every entry was read', async () => {
    const { code, out, err } = await run('list', '--export', fixturePath('bbt/arxiv-identifiers-460.biblatex.bib'));
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^citekey\s+year\s+first author\s+title\s+arxiv$/);
    expect(lines[1]).toMatch(/^Ronnow\.2014\.Defining\s+2014\s+Rønnow, Troels F\.\s+Defining and Detecting Quantum Speedup\s+1401\.2910$/);
    expect(lines).toHaveLength(3 + 1 + 2 + 1); // header, 3 papers, blank, count, final newline
    expect(out).toContain('\n3 papers (biblatex)\n');
  });

  it('truncates long titles and aligns CJK text by display width', async () => {
    const { out: long } = await run('list', '--export', fixturePath('bbt/pathological-wos-fields-annotation-133.biblatex.bib'));
    expect(long.split('\n')[1]).toContain('A MODIFIED TIKHONOV REGULARIZATION FOR STABLE ANALYTIC CONT…');
    const { out } = await run('list', '--export', fixturePath('bbt/chinese-zh-cn-googlebooks-2391.biblatex.bib'));
    const rows = out.split('\n').slice(0, 10);
    expect(rows[1]).toContain('肖发民');
    // The title column starts at the same terminal column on every row, CJK characters being two columns wide.
    const titleColumn = (row: string, title: string) => displayWidth(row.slice(0, row.indexOf(title)));
    expect(titleColumn(rows[1], '法医学铁道损伤图谱')).toBe(titleColumn(rows[0], 'title'));
    expect(titleColumn(rows[3], '改革歷程')).toBe(titleColumn(rows[0], 'title'));
  });

  it('prints warnings on stderr', async () => {
    const { code, err } = await run('list', '--export', fixturePath('bbt/string-macro-journal-arxiv-1597.bibtex.bib'));
    expect(code).toBe(0);
    expect(err).toBe('warning: 1 undefined @string macro is kept as its name: IEEE_J_WC (bjornsonScalable2020)\n');
  });

  it('prints the papers it could read, then the errors, and exits 1 when some entries failed', async () => {
    const path = tempFile('partial.bib', '@article{good,\n  title = {Good}\n}\n@article{bad,\n  no fields here\n}\n@article{good,\n  title = {Again}\n}\n');
    const { code, out } = await run('list', '--export', path);
    expect(code).toBe(1);
    expect(out).toContain('1 paper (bibtex), 2 entries could not be read\n');
    expect(out).toContain('\nErrors:\n  line 4  bad: no field could be read ("name = value" expected)\n');
    expect(out).toContain('  line 7  good: duplicate citation key: the entry at line 1 already uses "good"; this entry was not read\n');
  });

  it('prints one JSON object with the model field names', async () => {
    const { code, out, err } = await run('list', '--export', fixturePath('bbt/latex-accent-caron-arxiv-152.bibtex.bib'), '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['format', 'papers', 'errors', 'warnings', 'collections']);
    expect(json.format).toBe('bibtex');
    expect(Object.keys(json.papers[0])).toEqual([
      'citekey', 'title', 'authors', 'year', 'date', 'type', 'venue', 'abstract', 'tags', 'collections',
      'arxiv', 'arxivUrl', 'doi', 'url', 'zoteroUri', 'attachments', 'attachmentLinks', 'notes', 'annotations',
    ]);
    expect(json.papers[0]).toMatchObject({ citekey: 'Procopio2014', arxiv: '1412.4006', arxivUrl: 'https://arxiv.org/abs/1412.4006', year: 2014 });
  });

  it('exits 2 with one line on stderr for an unreadable or unrecognised file', async () => {
    const missing = await run('list', '--export', '/nonexistent/library.bib');
    expect(missing).toEqual({ code: 2, out: '', err: 'error: cannot read /nonexistent/library.bib: no such file\n' });
    const empty = fixturePath('bbt/pathological-empty-export-1573.biblatex.bib');
    expect(await run('list', '--export', empty)).toEqual({
      code: 2,
      out: '',
      err: `error: ${empty}: the file is empty: it holds no entries (is Better BibTeX still writing it?)\n`,
    });
    const html = tempFile('page.html', '<html><body>Not an export</body></html>');
    const result = await run('list', '--export', html, '--json');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toEqual([`error: ${html}: this looks like an HTML or XML file, not a Better BibTeX export`, '']);
  });

  it('exits 2 with usage when --export is missing', async () => {
    const { code, err } = await run('list');
    expect(code).toBe(2);
    expect(err).toBe('error: missing --export\nusage: node dist/cli.js list --export FILE [--export FILE…] [--collection NAME]... [--whole-library] [--vault DIR] [--json]\n');
  });
});
