// Bundle bench/main.ts (TypeScript, sharing src/) with esbuild, then run it. Usage: npm run bench [-- --only TEXT]
import esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
await esbuild.build({
  entryPoints: ['bench/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // The comparison parser is ESM-only: it stays external and is loaded with import().
  external: [...nodeBuiltins, '@retorquere/bibtex-parser'],
  outfile: '.bench/bench.cjs',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', '.bench/bench.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
