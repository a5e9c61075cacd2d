// Rebuild example/library.json from example/library.bib and example/build/*.ts.
// Usage: node scripts/build-example.mjs
import { runTs } from './run-ts.mjs';

process.exitCode = await runTs('example/build/build-example.ts', '.bench/build-example.cjs');
