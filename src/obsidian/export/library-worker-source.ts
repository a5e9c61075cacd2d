/**
 * The library worker's code (src/worker/library-worker.ts, bundled and minified), as a string for a Blob URL.
 * Empty here: esbuild.config.mjs replaces this module with the bundle when it builds main.js. Under jest and tsc it
 * stays empty, and the plugin reads exports in its own thread.
 */
export const LIBRARY_WORKER_SOURCE = '';
