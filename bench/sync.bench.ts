/**
 * Sync of 10,000 papers into a vault on disk (NodeVault in a temp folder), the way the CLI does it: read the export
 * file, run the sync, store the state. Beside it, the baseline of writing the same 10,000 note files with plain
 * `fs.writeFileSync`, and the parse of the export alone (the goal allows 3× the baseline plus the parse).
 * The no-change re-sync and the 10-changed-papers re-sync start from a vault the setup synced.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLibrary } from '../src/core/library/read-library';
import { defaultSettings } from '../src/core/settings/settings';
import { syncExport, type SyncOutcome } from '../src/core/sync/sync-export';
import { VaultSyncStateStore } from '../src/core/sync/vault-state-store';
import { NodeVault } from '../src/node/node-vault';
import { generateBiblatex } from './generate-library';
import { BENCH_TEMP_PREFIX, formatMs, type BenchCase, type BenchGoal, type CaseResult } from './harness';

const COUNT = 10000;
const CHANGED = 10;
const GROUP = 'sync: 10,000 papers into a vault on disk';
const MEMORY_GROUP = 'sync: 10,000 papers into a vault in memory (tmpfs)';
const STATE_PATH = '.obsidian/plugins/zotero-concept-notes/sync-state.json';

interface Prepared {
  vaultDir: string;
  exportFile: string;
}

/**
 * Disk timings on a shared virtual machine swing by 10x from one second to the next, so the first-sync comparison
 * is also run in memory (tmpfs), where only our code and the kernel's file calls are measured.
 */
const MEMORY_ROOT = existsSync('/dev/shm') ? '/dev/shm' : null;

function tempDir(name: string, root: string = tmpdir()): string {
  // Removed by bench/main.ts once every case has run: deleting 10,000 files mid-run slows the next case's writes.
  return mkdtempSync(join(root, `${BENCH_TEMP_PREFIX}${name}-`));
}

/** The export as a file in a temp folder; optionally `changed` papers get a new title. */
function writeExport(dir: string, changed = 0): string {
  let text = generateBiblatex(COUNT);
  let done = 0;
  // Change the first `changed` titles: each entry has exactly one `title = {` line.
  text = text.replace(/\n(\s*)title = \{/g, (m: string, indent: string) => (done++ < changed ? `\n${indent}title = {Revised: ` : m));
  const file = join(dir, 'library.bib');
  writeFileSync(file, text);
  return file;
}

/** The CLI's pipeline: read the export file, sync, save the state. */
async function syncFromFile(vaultDir: string, exportFile: string, force = false): Promise<SyncOutcome> {
  const vault = new NodeVault(vaultDir);
  const exportText = readFileSync(exportFile); // bytes, as the CLI reads them
  return syncExport({
    exportText,
    vault,
    store: new VaultSyncStateStore(vault, STATE_PATH),
    settings: defaultSettings(),
    now: new Date(Date.UTC(2025, 9, 1)),
    language: 'en',
    force,
  });
}

/** Modification times of every note (not the state), to count what a run really wrote. */
function noteTimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const folder = join(dir, 'Literature');
  for (const name of readdirSync(folder)) out.set(name, statSync(join(folder, name)).mtimeMs);
  return out;
}

async function syncedVault(changedExport = 0): Promise<Prepared & { times: Map<string, number> }> {
  const dir = tempDir('vault');
  const vaultDir = join(dir, 'vault');
  mkdirSync(vaultDir);
  await syncFromFile(vaultDir, writeExport(dir));
  const exportFile = changedExport > 0 ? writeExport(dir, changedExport) : join(dir, 'library.bib');
  return { vaultDir, exportFile, times: noteTimes(vaultDir) };
}

function summary(o: SyncOutcome): string {
  const r = o.report;
  return `${r.created.length} created, ${r.updated.length} updated, ${r.unchanged} unchanged${o.skipped ? ' (export unchanged: not parsed)' : ''}`;
}

/** Baseline (plain writes), parse alone and full sync, each repeated into fresh folders under `root`. */
function firstSyncCases(group: string, prefix: string, root: string): BenchCase[] {
  return [
    {
      id: `${prefix}-baseline-writefilesync`,
      group,
      label: 'fs.writeFileSync of the same 10,000 notes',
      baseline: true,
      repeat: 3,
      setup: async () => {
        const { vaultDir } = await syncedVault();
        const folder = join(vaultDir, 'Literature');
        return readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')] as const);
      },
      run: (prepared) => {
        const notes = prepared as (readonly [string, string])[];
        const folder = join(tempDir('baseline', root), 'Literature');
        mkdirSync(folder);
        for (const [name, text] of notes) writeFileSync(join(folder, name), text);
        return Promise.resolve(`${notes.length} files; median of 3`);
      },
    },
    {
      id: `${prefix}-parse-only`,
      group,
      label: 'read the export only (readLibrary)',
      repeat: 3,
      setup: () => Promise.resolve(generateBiblatex(COUNT)),
      run: (prepared) => Promise.resolve(`${readLibrary(prepared as string).papers.length} papers; median of 3`),
    },
    {
      id: `${prefix}-full`,
      group,
      label: 'full sync into an empty vault',
      repeat: 3,
      setup: () => Promise.resolve(writeExport(tempDir('export', root))),
      run: async (prepared) => {
        const vaultDir = tempDir('full', root);
        const outcome = await syncFromFile(vaultDir, prepared as string);
        return `${summary(outcome)}; ${readdirSync(join(vaultDir, 'Literature')).length} files written; median of 3`;
      },
    },
  ];
}

export const CASES: BenchCase[] = [
  ...firstSyncCases(GROUP, 'sync', tmpdir()),
  {
    id: 'sync-nochange',
    group: GROUP,
    label: 'no-change re-sync (from reading the export file)',
    repeat: 5,
    setup: () => syncedVault(),
    run: async (prepared) => summary(await syncFromFile((prepared as Prepared).vaultDir, (prepared as Prepared).exportFile)),
  },
  {
    id: 'sync-nochange-forced',
    group: GROUP,
    label: 'no-change re-sync with --force (parse + plan, no fast path)',
    setup: () => syncedVault(),
    run: async (prepared) => summary(await syncFromFile((prepared as Prepared).vaultDir, (prepared as Prepared).exportFile, true)),
  },
  {
    id: 'sync-ten-changed',
    group: GROUP,
    label: `re-sync with ${CHANGED} changed papers`,
    setup: () => syncedVault(CHANGED),
    run: async (prepared) => {
      const p = prepared as Prepared & { times: Map<string, number> };
      const outcome = await syncFromFile(p.vaultDir, p.exportFile);
      const after = noteTimes(p.vaultDir);
      const written = [...after].filter(([name, t]) => p.times.get(name) !== t).length;
      return `${summary(outcome)}; ${written} files written`;
    },
  },
  ...(MEMORY_ROOT ? firstSyncCases(MEMORY_GROUP, 'sync-memory', MEMORY_ROOT) : []),
];

function get(results: Map<string, CaseResult>, id: string): CaseResult | undefined {
  return results.get(id);
}

/** The first-sync goal for the cases of `firstSyncCases(group, prefix, …)`. */
function firstSyncGoal(group: string, prefix: string): BenchGoal {
  return {
    group,
    check: (results) => {
      const base = get(results, `${prefix}-baseline-writefilesync`);
      const parse = get(results, `${prefix}-parse-only`);
      const full = get(results, `${prefix}-full`);
      if (!base || !parse || !full) return 'goal full sync <= 3x baseline + parse: not measured';
      const limit = 3 * base.ms + parse.ms;
      const verdict = full.ms <= limit ? 'met' : 'NOT met';
      return `goal full sync <= 3x baseline + parse (${formatMs(limit)}): ${formatMs(full.ms)}, ${(full.ms / limit).toFixed(2)}x the limit (${verdict})`;
    },
  };
}

export const GOALS: BenchGoal[] = [
  firstSyncGoal(GROUP, 'sync'),
  ...(MEMORY_ROOT ? [firstSyncGoal(MEMORY_GROUP, 'sync-memory')] : []),
  {
    group: GROUP,
    check: (results) => {
      const r = get(results, 'sync-nochange');
      if (!r) return 'goal no-change re-sync < 100 ms: not measured';
      return `goal no-change re-sync < 100 ms: ${formatMs(r.ms)} (${r.ms < 100 ? 'met' : 'NOT met'})`;
    },
  },
  {
    group: GROUP,
    check: (results) => {
      const r = get(results, 'sync-ten-changed');
      const written = r ? /(\d+) files written/.exec(r.note)?.[1] : undefined;
      if (written === undefined) return `goal ${CHANGED} changed papers write exactly ${CHANGED} files: not measured`;
      return `goal ${CHANGED} changed papers write exactly ${CHANGED} files: ${written} (${Number(written) === CHANGED ? 'met' : 'NOT met'})`;
    },
  },
];
