/**
 * `npm run bench`: runs every case in its own child process and prints each group side by side with its baseline.
 * `node .bench/bench.cjs --case ID` runs one case here and prints its result as JSON (used by the parent).
 * `--only SUBSTRING` keeps the cases whose group or id contains SUBSTRING.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CASES, ALL_GOALS, ALL_NOTICES } from './cases';
import { BENCH_TEMP_PREFIX, printGroup, runCaseHere, type CaseResult } from './harness';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const caseIndex = args.indexOf('--case');
  if (caseIndex >= 0) {
    const c = ALL_CASES.find((x) => x.id === args[caseIndex + 1]);
    if (!c) throw new Error(`unknown case ${args[caseIndex + 1]}`);
    const result = await runCaseHere(c);
    // Exit once written: a case may leave timers, watchers or worker threads behind (the plugin it drove).
    process.stdout.write('RESULT ' + JSON.stringify(result) + '\n', () => process.exit(0));
    return;
  }
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? args[onlyIndex + 1] : '';
  const cases = ALL_CASES.filter((c) => !only || c.group.includes(only) || c.id.includes(only));
  console.log(`# Zotero Concept Notes benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  const groups = [...new Set(cases.map((c) => c.group))];
  for (const group of groups) {
    const results: CaseResult[] = [];
    for (const c of cases.filter((x) => x.group === group)) {
      const runs: CaseResult[] = [];
      for (let i = 0; i < (c.processes ?? 1); i++) {
        const child = spawnSync(process.execPath, ['--expose-gc', process.argv[1], '--case', c.id], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
        if (!line) {
          console.log(`case ${c.id} failed:\n${child.stderr || child.stdout}`);
          break;
        }
        runs.push(JSON.parse(line.slice(7)) as CaseResult);
      }
      // The median process, with its own note.
      if (runs.length > 0) results.push([...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]);
    }
    printGroup(group, results);
    const byId = new Map(results.map((r) => [r.id, r]));
    for (const goal of ALL_GOALS.filter((g) => g.group === group)) console.log('- ' + goal.check(byId));
  }
  if (!only || 'concepts suggest'.includes(only) || only.includes('suggest')) for (const line of ALL_NOTICES) console.log(`\n${line}`);
  for (const root of [tmpdir(), '/dev/shm']) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root)) {
      if (name.startsWith(BENCH_TEMP_PREFIX)) rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
