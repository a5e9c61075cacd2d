// Rebuild example/library.json (and the abstracts of example/library.bib) from example/build/*.ts: bundled with
// esbuild like the benchmarks, then run. Usage: node scripts/build-example.mjs
import esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
await esbuild.build({
  entryPoints: ['example/build/build-example.ts'],
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: nodeBuiltins,
  alias: { 'node-fetch': './src/obsidian/no-fetch.ts', 'sync-fetch': './src/obsidian/no-fetch.ts' },
  outfile: '.bench/build-example.cjs',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['.bench/build-example.cjs'], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
