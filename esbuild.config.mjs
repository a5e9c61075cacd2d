// Two bundles from one config: the Obsidian plugin (main.js, the sample plugin's shape) and the Node CLI (dist/cli.js).
import esbuild from 'esbuild';
import process from 'node:process';
import { builtinModules } from 'node:module';

const production = process.argv[2] === 'production';
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const banner = '/* Zotero Concept Notes — bundled by esbuild; source: https://github.com/zotero-concept-notes */';

// citation-js's URL fetching (node-fetch, sync-fetch and their polyfills) and Handlebars' source maps are never
// used by the plugin; leaving them out makes start-up parse less code.
const browserAliases = { 'node-fetch': './build/no-fetch.ts', 'sync-fetch': './build/no-fetch.ts', 'source-map': './build/no-source-map.ts' };

/**
 * The library worker (src/worker/library-worker.ts): the export reader in a thread of its own, bundled and
 * minified into a string that replaces src/obsidian/export/library-worker-source.ts in main.js (measured: the
 * 270 KB string adds about 2 ms of CPU to loading main.js; the same code as a function body to stringify, 14 ms).
 * Built again with main.js (watch mode too: its sources are watched).
 */
const libraryWorker = {
  name: 'library-worker',
  setup(build) {
    build.onLoad({ filter: /library-worker-source\.ts$/ }, async () => {
      const result = await esbuild.build({
        entryPoints: ['src/worker/library-worker.ts'],
        bundle: true,
        format: 'iife',
        target: 'es2020',
        platform: 'browser',
        alias: browserAliases,
        charset: 'utf8',
        minify: true,
        write: false,
        metafile: true,
        logLevel: 'warning',
      });
      const code = result.outputFiles[0].text;
      return {
        contents: `const code = ${JSON.stringify(code)};\nexport const libraryWorkerSource = () => code;`,
        loader: 'js',
        watchFiles: Object.keys(result.metafile.inputs),
      };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const pluginOptions = {
  banner: { js: banner },
  entryPoints: ['src/obsidian/main.ts'],
  bundle: true,
  external: [
    'obsidian',
    'electron',
    '@codemirror/autocomplete',
    '@codemirror/collab',
    '@codemirror/commands',
    '@codemirror/language',
    '@codemirror/lint',
    '@codemirror/search',
    '@codemirror/state',
    '@codemirror/view',
    '@lezer/common',
    '@lezer/highlight',
    '@lezer/lr',
    ...nodeBuiltins,
  ],
  format: 'cjs',
  target: 'es2020',
  alias: browserAliases,
  plugins: [libraryWorker],
  // CJK text (the glossary, the headings) as UTF-8 rather than \u escapes: smaller, and faster to parse.
  charset: 'utf8',
  logLevel: 'info',
  sourcemap: production ? false : 'inline',
  treeShaking: true,
  minify: production,
  outfile: 'main.js',
};

/** @type {import('esbuild').BuildOptions} */
const cliOptions = {
  banner: { js: '#!/usr/bin/env node' },
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // No `obsidian` here on purpose: an obsidian import reachable from the CLI fails the build.
  external: nodeBuiltins,
  logLevel: 'info',
  sourcemap: production ? false : 'inline',
  minify: false,
  outfile: 'dist/cli.js',
};

if (production) {
  await Promise.all([esbuild.build(pluginOptions), esbuild.build(cliOptions)]);
} else {
  const contexts = await Promise.all([esbuild.context(pluginOptions), esbuild.context(cliOptions)]);
  await Promise.all(contexts.map((c) => c.watch()));
}
