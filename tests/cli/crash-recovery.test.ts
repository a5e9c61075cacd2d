/**
 * kill -9 at random points of a real CLI sync (a real export, a real vault on disk), then a repair sync: no empty or
 * cut note, no "key (2).md" beside a paper's note, no temporary file, no lock left, a state that makes the next sync
 * a no-op. Bounded: two vaults of 120 real papers, each killed once while creating and once while rewriting.
 * ZCN_CRASH_REPORT=1 prints what the kills hit.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allFiles, builtCli, fileText, realExport, retitled, runCliProcess, startCli } from '../support/cli-process';

const PAPERS = 120;
const ROUNDS = 2;
const BIB = realExport(PAPERS);
const revised = (n: number) => retitled(BIB, `Revised ${n}`);

let cli: string;
let dir: string;

beforeAll(() => {
  cli = builtCli();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-crash-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function notesOf(vault: string): string[] {
  try {
    return readdirSync(join(vault, 'Literature')).filter((n) => n.endsWith('.md'));
  } catch {
    return [];
  }
}

/** Kill the sync once `kill()` says so (checked every millisecond), or let it end. */
async function killedSync(exportFile: string, vault: string, kill: () => boolean): Promise<boolean> {
  const run = startCli(cli, ['sync', '--export', exportFile, '--vault', vault]);
  let killed = false;
  const poll = setInterval(() => {
    if (!killed && kill()) {
      killed = run.child.kill('SIGKILL');
    }
  }, 1);
  const end = await run.done;
  clearInterval(poll);
  return killed && end.signal === 'SIGKILL';
}

/** Every note is whole: a complete render of its paper (front matter, both regions, the Notes heading). */
function expectWholeNotes(vault: string): void {
  for (const name of notesOf(vault)) {
    const text = fileText(vault, `Literature/${name}`);
    expect([name, text.startsWith('---\ntitle: '), /%% zcn:end summary %%\n\n## Notes\n+$/.test(text)]).toEqual([name, true, true]);
  }
}

/** A sync of `exportFile` killed at a random point, then the repair sync; checks what both left. */
async function killThenRepair(exportFile: string, vault: string, updating: boolean, stats: Stats): Promise<void> {
  const target = 1 + Math.floor(Math.random() * (PAPERS - 1));
  const startedAt = Date.now();
  const delay = 120 + Math.random() * 300;
  const killed = await killedSync(exportFile, vault, () => (updating ? Date.now() - startedAt > delay : notesOf(vault).length >= target));
  if (killed) stats[updating ? 'inUpdate' : 'inCreate'].push(notesOf(vault).length);
  expectWholeNotes(vault);
  const repair = await runCliProcess(cli, ['sync', '--export', exportFile, '--vault', vault, '--json']);
  expect(repair.code).toBe(0);
  expect(JSON.parse(repair.out)).toMatchObject({ conflicts: [], errors: [] });
  expect(notesOf(vault)).toHaveLength(PAPERS);
  expect(notesOf(vault).filter((n) => / \(\d+\)\.md$/.test(n))).toEqual([]);
  expectWholeNotes(vault);
  expect(allFiles(vault).filter((p) => p.includes('.zcn-') || p.endsWith('sync.lock'))).toEqual([]);
}

interface Stats {
  /** Per kill that hit a run, the notes in the folder at that moment. */
  inCreate: number[];
  inUpdate: number[];
}

describe('kill -9 during a real sync, then the repair sync', () => {
  it('leaves the vault whole and consistent, whatever the kill hit', async () => {
    const stats: Stats = { inCreate: [], inUpdate: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const vault = join(dir, `vault${round}`);
      mkdirSync(vault);
      const exportFile = join(dir, `library${round}.bib`);
      writeFileSync(exportFile, BIB);
      await killThenRepair(exportFile, vault, false, stats);
      // Every paper changes: the kill hits the rewrites.
      writeFileSync(exportFile, revised(round));
      await killThenRepair(exportFile, vault, true, stats);
      for (const name of notesOf(vault)) expect(fileText(vault, `Literature/${name}`)).toContain(`title: "Revised ${round}: `);
      // The repaired vault is settled: the same export again writes nothing.
      const before = allFiles(vault).map((p) => `${p}@${statSync(join(vault, p)).mtimeMs}`);
      const again = await runCliProcess(cli, ['sync', '--export', exportFile, '--vault', vault, '--json']);
      expect(JSON.parse(again.out)).toMatchObject({ created: [], updated: [], conflicts: [], errors: [] });
      expect(allFiles(vault).map((p) => `${p}@${statSync(join(vault, p)).mtimeMs}`)).toEqual(before);
    }
    if (process.env.ZCN_CRASH_REPORT) console.log(`crash rounds: ${JSON.stringify(stats)}`);
    expect(stats.inCreate.length + stats.inUpdate.length).toBeGreaterThan(0);
  });
});
