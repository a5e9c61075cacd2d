// Rebuild example/library.json (and the abstracts of example/library.bib) from example/build/*.ts.
// Usage: node scripts/build-example.mjs
import { runTs } from './run-ts.mjs';

process.exitCode = await runTs('example/build/build-example.ts', '.bench/build-example.cjs');
