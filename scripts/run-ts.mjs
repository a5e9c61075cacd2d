// Bundle a TypeScript entry point (sharing src/) with esbuild for Node, then run it: the benchmarks and the example
// library builder use it, so neither needs a TypeScript runtime.
import esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Bundle `entry` to `outfile` and run it with `nodeArgs` and `args`; returns the exit code. */
export async function runTs(entry, outfile, { args = [], nodeArgs = [], external = [] } = {}) {
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: [...nodeBuiltins, ...external],
    // citation-js's URL fetching is never used here (as in the plugin bundle).
    alias: { 'node-fetch': './build/no-fetch.ts', 'sync-fetch': './build/no-fetch.ts' },
    outfile,
    logLevel: 'warning',
  });
  return spawnSync(process.execPath, [...nodeArgs, outfile, ...args], { stdio: 'inherit' }).status ?? 1;
}
