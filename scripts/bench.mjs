// Bundle bench/main.ts (TypeScript, sharing src/) with esbuild, then run it. Usage: npm run bench [-- --only TEXT]
import { runTs } from './run-ts.mjs';

// The comparison parser is ESM-only: it stays external and is loaded with import().
process.exitCode = await runTs('bench/main.ts', '.bench/bench.cjs', {
  args: process.argv.slice(2),
  nodeArgs: ['--expose-gc'],
  external: ['@retorquere/bibtex-parser'],
});
