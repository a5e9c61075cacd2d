/**
 * The library worker's entry: the core's export reader in a thread of its own, so parsing a 10,000-paper export
 * never blocks Obsidian. esbuild bundles this file into a string inside main.js (see esbuild.config.mjs), which the
 * plugin runs from a Blob URL (src/obsidian/export/library-worker.ts).
 */
import { serveLibraryRequests, type WorkerScope } from './serve-library';

serveLibraryRequests(self as unknown as WorkerScope);
