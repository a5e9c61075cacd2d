/**
 * Plugin start-up: the cost Obsidian pays when it enables the plugin, i.e. evaluating main.js and running onload,
 * measured in a fresh process against the test mock of `obsidian` (an in-memory vault), median of 7 runs. Baseline: a minimal
 * plugin of the sample plugin's shape through the same loader. Also prints main.js's size and which modules
 * start-up required (the library reader and citation-js must not be among them: they load after layout-ready).
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as obsidianMock from '../tests/__mocks__/obsidian';
import type { BenchCase, BenchGoal, CaseResult } from './harness';
import { evaluate, makePluginFrom } from './stand-in/load-main';

const MAIN_JS = resolve('main.js');
const GROUP = 'plugin: evaluate main.js and run onload';

const MINIMAL_PLUGIN = `
const { Plugin, Notice } = require('obsidian');
class MinimalPlugin extends Plugin {
  async onload() {
    this.settings = Object.assign({}, await this.loadData());
    this.addCommand({ id: 'hello', name: 'Hello', callback: () => new Notice('hello') });
    this.addRibbonIcon('dice', 'Hello', () => new Notice('hello'));
  }
}
module.exports = { default: MinimalPlugin };
`;

interface Prepared {
  code: string;
  app: obsidianMock.App;
  reads: number;
  runs: number;
}

/** One start-up; each run's source differs by a comment, so V8's compilation cache cannot make it look cheaper. */
async function startUp(prepared: Prepared, filename: string): Promise<string> {
  const { app } = prepared;
  const required: string[] = [];
  const exported = evaluate(`${prepared.code}\n// run ${prepared.runs++}`, filename, required);
  const plugin = makePluginFrom(exported, app);
  await (plugin.load() as Promise<void>);
  return `${plugin.commands.length} commands; required at start-up: ${[...new Set(required)].join(', ')}`;
}

async function prepare(code: string): Promise<Prepared> {
  // A vault with an export, as a user has it: start-up must still not read it.
  const app = await obsidianMock.createMockApp({ 'Zotero/library.bib': '@article{a, title={A}}\n' });
  app.pluginData.data.set('zotero-concept-notes', JSON.stringify({ exportPath: 'Zotero/library.bib' }));
  return { code, app, reads: 0, runs: 0 };
}

export const CASES: BenchCase[] = [
  {
    id: 'plugin-startup-minimal',
    group: GROUP,
    label: 'minimal sample-shaped plugin',
    baseline: true,
    setup: () => prepare(MINIMAL_PLUGIN),
    repeat: 7,
    run: (p) => startUp(p as Prepared, 'minimal.js'),
  },
  {
    id: 'plugin-startup-main',
    group: GROUP,
    label: 'main.js',
    setup: async () => {
      const prepared = await prepare(readFileSync(MAIN_JS, 'utf8'));
      const read = prepared.app.vault.read.bind(prepared.app.vault);
      prepared.app.vault.read = (file) => {
        prepared.reads++;
        return read(file);
      };
      return prepared;
    },
    repeat: 7,
    run: async (p) => {
      const prepared = p as Prepared;
      const note = await startUp(prepared, MAIN_JS);
      return `${(statSync(MAIN_JS).size / 1024).toFixed(0)} KB; ${note}; vault reads: ${prepared.reads}; median of 7`;
    },
  },
];

export const GOALS: BenchGoal[] = [
  {
    group: GROUP,
    check: (results: Map<string, CaseResult>) => {
      const main = results.get('plugin-startup-main');
      const kb = statSync(MAIN_JS).size / 1024;
      const ms = main?.ms ?? Number.NaN;
      const met = kb < 1024 && ms < 20;
      return `goal main.js < 1 MB and evaluate + onload < 20 ms: ${kb.toFixed(0)} KB, ${ms.toFixed(1)} ms (${met ? 'met' : 'NOT met'})`;
    },
  },
];
