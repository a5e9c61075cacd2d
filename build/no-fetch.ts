/**
 * Stands in for `node-fetch` and `sync-fetch` in main.js only (esbuild `alias` in esbuild.config.mjs). citation-js
 * imports them to fetch URLs, which the plugin never asks it to do; inside Obsidian it would use the browser's
 * fetch anyway. Leaving them (and their stream polyfills, ~90 KB) out makes start-up parse less code.
 */
export default function fetchUnavailable(): never {
  throw new Error('Zotero Concept Notes does not fetch URLs through citation-js.');
}

export class Headers {}
