/**
 * The library worker's code (src/worker/library-worker.ts, bundled and minified), as the text for a Blob URL. Empty
 * here: esbuild.config.mjs replaces this module when it builds main.js. Under jest and tsc it stays empty, and the
 * plugin reads exports in its own thread.
 */
export const libraryWorkerSource = (): string => '';
