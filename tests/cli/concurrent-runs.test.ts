/**
 * Real CLI processes at the same time on one vault: two syncs of different exports (the lock makes the second
 * wait: no stale titles, no false conflicts after), and another program appending lines to the notes while syncs
 * rewrite every one of them (compare-and-swap: not one line lost). Bounded: 60 real papers, a few runs.
 * ZCN_CRASH_REPORT=1 prints the counts.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, fileText, realExport, retitled, runCliProcess, startCli } from '../support/cli-process';

const PAPERS = 60;
const BIB = realExport(PAPERS);
const titled = (prefix: string) => retitled(BIB, prefix);

let cli: string;
let dir: string;
let vault: string;

beforeAll(() => {
  cli = builtCli();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-race-'));
  vault = join(dir, 'vault');
  mkdirSync(vault);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function exportWith(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const notes = () => readdirSync(join(vault, 'Literature')).filter((n) => n.endsWith('.md'));
const sync = (exportFile: string, ...extra: string[]) => runCliProcess(cli, ['sync', '--export', exportFile, '--vault', vault, '--json', ...extra]);

describe('two syncs at once', () => {
  it('run one after the other: both succeed, and the vault is consistent after', async () => {
    expect((await sync(exportWith('a.bib', BIB))).code).toBe(0);
    const b = exportWith('b.bib', titled('Edition B'));
    const c = exportWith('c.bib', titled('Edition C'));
    const [first, second] = await Promise.all([sync(b, '--lock-wait', '30'), sync(c, '--lock-wait', '30')]);
    expect([first.code, second.code, first.err, second.err]).toEqual([0, 0, '', '']);
    const reports = [first, second].map((r) => JSON.parse(r.out) as { updated: string[]; conflicts: string[] });
    expect(reports.map((r) => [r.updated.length, r.conflicts.length])).toEqual([
      [PAPERS, 0],
      [PAPERS, 0],
    ]);
    // Whichever ran last, each edition synced again is clean: its titles everywhere, not one conflict.
    for (const [edition, file] of [['Edition B', b], ['Edition C', c]] as const) {
      const again = JSON.parse((await sync(file)).out) as { conflicts: string[]; errors: unknown[] };
      expect(again).toMatchObject({ conflicts: [], errors: [] });
      for (const name of notes()) expect(fileText(vault, `Literature/${name}`)).toContain(`title: "${edition}: `);
    }
    expect(readdirSync(join(vault, '.obsidian/plugins/zotero-concept-notes')).sort()).toEqual(['sync-state.backup.json', 'sync-state.json']);
  });
});

/**
 * A program appending numbered lines to the first `count` notes, round robin, until `stop` exists (or it wrote
 * 8,000 lines), pausing a millisecond every 10 lines; then it logs what it wrote.
 */
const WRITER = `
const fs = require('fs');
const [folder, count, stop, log] = process.argv.slice(1);
const names = fs.readdirSync(folder).filter((n) => n.endsWith('.md')).sort().slice(0, Number(count));
const pause = new Int32Array(new SharedArrayBuffer(4));
let n = 0;
while (!fs.existsSync(stop) && n < 8000) {
  const name = names[n % names.length];
  fs.appendFileSync(folder + '/' + name, 'appended line ' + n + '\\n');
  if (++n % 10 === 0) Atomics.wait(pause, 0, 0, 1);
}
fs.writeFileSync(log, JSON.stringify({ names, lines: n }));
`;

describe('another program appending during syncs', () => {
  it('loses not one line: every appended line is in its note, in order', async () => {
    const a = exportWith('a.bib', BIB);
    expect((await sync(a)).code).toBe(0);
    const stop = join(dir, 'stop');
    const log = join(dir, 'writer.json');
    const writer = startCli('-e', [WRITER, join(vault, 'Literature'), '20', stop, log], 60_000);
    let errors = 0;
    for (const [i, text] of [titled('One'), BIB, titled('Two')].entries()) {
      const r = await sync(exportWith(`x${i}.bib`, text));
      const report = JSON.parse(r.out) as { updated: string[]; conflicts: string[]; errors: unknown[] };
      // A note the writer kept changing is reported, never overwritten; no conflict (it writes outside managed parts).
      errors += report.errors.length;
      expect([r.code === 0 || report.errors.length > 0, report.conflicts]).toEqual([true, []]);
    }
    writeFileSync(stop, '');
    expect((await writer.done).code).toBe(0);
    const { names, lines } = JSON.parse(fileText(dir, 'writer.json')) as { names: string[]; lines: number };
    let found = 0;
    for (const [k, name] of names.entries()) {
      const text = fileText(vault, `Literature/${name}`);
      const expected = Array.from({ length: Math.ceil((lines - k) / names.length) }, (_, j) => `appended line ${k + j * names.length}\n`);
      const present = expected.filter((line) => text.includes(line)).length;
      found += present;
      expect(text.includes(expected.join(''))).toBe(true);
    }
    if (process.env.ZCN_CRASH_REPORT) console.log(`appender: ${lines} lines appended to ${names.length} notes during 3 syncs, ${found} found, ${errors} notes reported as kept changing`);
    expect(found).toBe(lines);
    expect(lines).toBeGreaterThan(100);
  });
});
