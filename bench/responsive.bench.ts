/**
 * Responsiveness at 10,000 papers, as a user feels it: the built main.js driven through the obsidian mock in a
 * browser-like event loop (bench/stand-in/), with a 10,000-paper export and a 10,000-note vault. Three groups:
 *
 * - the longest main-thread task at start-up, during "Import paper", the ribbon sync (a first sync of 10,000
 *   papers), an automatic sync (one changed paper), a concept rebuild and "Suggest concepts from library"; baseline: the export parsed in one go on
 *   the main thread, which is what start-up used to block for;
 * - the time from a one-paper change of the export to its note, window in front or hidden (timers throttled to
 *   once a second), the export written in one go or in chunks 200 ms apart; baseline: the settle wait itself;
 * - the heap with the library loaded, after a GC; baseline: the export's text held once.
 *
 * Each case is a fresh process. Figures are medians where a case repeats; on a shared machine they are indicative.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLibrary } from '../src/core/library/read-library';
import * as obsidianMock from '../tests/__mocks__/obsidian';
import type { BenchCase, BenchGoal, CaseFigure, CaseResult } from './harness';
import { citekeyAt, EXPORT_PATH, exportText, openVault, PAPERS, prepareExport, vaultImage } from './responsive-vault';
import { installBrowserLoop, sleep, TaskMonitor, waitFor } from './stand-in/browser-loop';
import { evaluate, makePluginFrom } from './stand-in/load-main';
import { installWebWorker } from './stand-in/web-worker';

const BLOCKS = 'responsive: longest main-thread task, 10,000 papers and notes';
const LATENCY = 'responsive: one changed paper → its note (settle wait 2 s)';
const MEMORY = 'responsive: heap with the 10,000-paper library loaded';
const WAIT_MS = 2000;
/** Start-up runs until the automatic sync it may poke has had time to settle and run. */
const STARTUP_MS = WAIT_MS + 3000;
const CHANGED = 4321;
/** After this quiet time the library worker ends (LibraryCache's default `idleMs`). */
const IDLE_RELEASE_MS = 20_000;

type Plugin = obsidianMock.Plugin;
/** The library search of "Import paper" (its `papers`: the library's compact entries, once loaded). */
type PaperModal = obsidianMock.SuggestModal<{ item: { citekey: string } }> & { papers?: readonly unknown[] };

interface Session {
  app: obsidianMock.App;
  plugin: Plugin;
  monitor: TaskMonitor;
  text: string;
}

/** Load main.js into a vault (synced or not) in a browser-like loop; start-up is measured as phase "start-up". */
async function session(options: { synced: boolean; hidden?: boolean; autoSync?: boolean }): Promise<Session> {
  const image = await vaultImage(options.synced);
  const text = exportText();
  installBrowserLoop({ hidden: options.hidden ?? false });
  installWebWorker();
  obsidianMock.resetUiLog();
  const app = await openVault(image, text, { autoSync: options.autoSync ?? true, autoSyncDelayMs: WAIT_MS });
  const code = readFileSync(resolve('main.js'), 'utf8');
  const monitor = new TaskMonitor();
  monitor.start();
  monitor.phase = 'load'; // evaluating main.js and onload, as Obsidian does when it enables the plugin
  const plugin = makePluginFrom(evaluate(code, resolve('main.js')), app);
  await (plugin.load() as Promise<void>);
  await sleep(1); // Obsidian readies the layout in a later task
  monitor.phase = 'start-up';
  app.workspace.triggerLayoutReady();
  await sleep(STARTUP_MS);
  monitor.phase = 'idle';
  return { app, plugin, monitor, text };
}

/** Stop measuring and unload the plugin (its timers, watchers and worker end), so the next run starts clean. */
function end(s: Session): void {
  s.monitor.stop();
  s.plugin.unload();
}

/** Start measuring `phase`, once the bench's own work before it has ended (a task is counted for the phase current at its end). */
async function enter(s: Session, phase: string): Promise<void> {
  await sleep(20);
  s.monitor.phase = phase;
}

function statusOf(s: Session): string {
  return s.plugin.statusBarItems[0]?.textContent ?? '';
}

/** Wait for the notice that starts with `done`; a failure notice ends the case with its message. */
async function noticeStartingWith(done: string): Promise<string> {
  const find = () => obsidianMock.allNoticeMessages().find((m) => m.startsWith(done) || / failed: /.test(m));
  await waitFor(() => find() !== undefined, 600_000);
  const message = find()!;
  if (!message.startsWith(done)) throw new Error(message);
  return message.replace(/\n[\s\S]*/, '');
}

function figure(s: Session, phase: string, extra: string): CaseFigure {
  end(s);
  const long = s.monitor.longTasksIn(phase);
  const own = s.monitor.longestOwnIn(phase).toFixed(0);
  return { value: s.monitor.longestIn(phase), unit: 'ms', note: `${long} task${long === 1 ? '' : 's'} over 50 ms; ${own} ms without GC pauses; ${extra}` };
}

async function startUp(): Promise<CaseFigure> {
  const s = await session({ synced: true });
  const writes = s.app.vault.writes.length;
  const load = s.monitor.longestIn('load');
  const out = figure(s, 'start-up', `status "${statusOf(s)}"; ${writes} vault write${writes === 1 ? '' : 's'}; loading main.js (evaluate + onload): ${load.toFixed(0)} ms`);
  return { ...out, value: Math.max(out.value, load) };
}

async function importPaper(): Promise<CaseFigure> {
  const s = await session({ synced: true });
  const citekey = citekeyAt(s.text, CHANGED);
  const note = `Literature/${citekey}.md`;
  s.app.vault.removeExternal(note); // so the import writes a note
  await enter(s, 'import');
  const start = performance.now();
  s.plugin.command('import-paper')!.callback!();
  const modal = obsidianMock.openedModals().at(-1) as PaperModal;
  await waitFor(() => modal.suggestions.length > 0, 60_000); // filled in once the library is loaded
  const found = await modal.simulateQuery(citekey);
  const match = found.find((m) => m.item.citekey === citekey);
  if (!match) throw new Error(`${citekey} not found by the modal`);
  await modal.simulateChoose(match);
  await waitFor(() => s.app.vault.contentOf(note) !== undefined, 60_000);
  return figure(s, 'import', `note written ${((performance.now() - start) / 1000).toFixed(2)} s after the command`);
}

async function ribbonSync(): Promise<CaseFigure> {
  const s = await session({ synced: false, autoSync: false });
  await enter(s, 'sync');
  const start = performance.now();
  s.plugin.ribbonIcons[0].el.click();
  const summary = await noticeStartingWith('Library synced');
  return figure(s, 'sync', `${summary} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

async function conceptRebuild(): Promise<CaseFigure> {
  const s = await session({ synced: true, autoSync: false });
  await enter(s, 'concepts');
  const start = performance.now();
  s.plugin.command('rebuild-concept-links')!.callback!();
  const summary = await noticeStartingWith('Concept links rebuilt');
  return figure(s, 'concepts', `${summary} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** "Suggest concepts from library": the notes and the 10,000 papers' titles and abstracts searched for definitions. */
async function suggestConcepts(): Promise<CaseFigure> {
  const s = await session({ synced: true, autoSync: false });
  await enter(s, 'suggest');
  const start = performance.now();
  s.plugin.command('suggest-concepts-from-library')!.callback!();
  const modal = obsidianMock.openedModals().at(-1)!;
  const text = () => modal.contentEl.textContent ?? '';
  await waitFor(() => / defined in |could not be made/.test(text()), 600_000);
  const said = /^[^.]*/.exec(text())![0];
  return figure(s, 'suggest', `"${said}" in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** Change one paper's title (in one write, or in `chunks` writes 200 ms apart) and time it until its note shows it. */
async function changeToNote(options: { hidden: boolean; chunks: number }): Promise<{ s: Session; ms: number; writes: number }> {
  const s = await session({ synced: true, hidden: options.hidden });
  const changed = exportText(CHANGED);
  const note = `Literature/${citekeyAt(s.text, CHANGED)}.md`;
  const chunks = Array.from({ length: options.chunks - 1 }, (_, i) => changed.slice(0, Math.floor((changed.length * (i + 1)) / options.chunks)));
  for (const version of [...chunks, changed]) prepareExport(version);
  s.app.vault.resetWrites();
  await enter(s, 'auto');
  for (const chunk of chunks) {
    await s.app.vault.setExternal(EXPORT_PATH, chunk);
    await sleep(200);
  }
  await s.app.vault.setExternal(EXPORT_PATH, changed);
  const ms = await waitFor(() => s.app.vault.contentOf(note)?.includes('title: "Revised: ') === true || s.app.vault.contentOf(note)?.includes('title: Revised: ') === true, 300_000);
  await sleep(500); // let the sync finish its state and concept links
  const writes = s.app.vault.writes.filter((p) => p.startsWith('Literature/')).length;
  return { s, ms, writes };
}

async function latency(hidden: boolean, chunks: number): Promise<CaseFigure> {
  const { s, ms, writes } = await changeToNote({ hidden, chunks });
  end(s);
  return { value: ms, unit: 'ms', note: `${writes} literature note${writes === 1 ? '' : 's'} written; longest task ${s.monitor.longestIn('auto').toFixed(0)} ms` };
}

async function autoSyncBlock(): Promise<CaseFigure> {
  const { s, ms, writes } = await changeToNote({ hidden: false, chunks: 1 });
  return figure(s, 'auto', `note updated ${(ms / 1000).toFixed(2)} s after the write; ${writes} note${writes === 1 ? '' : 's'} written`);
}

/** The JS heap plus memory held outside it (array buffers, external strings), after full GCs. */
function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 1024 / 1024;
}

/** Keeps what a case measures reachable until it is measured. */
const kept: unknown[] = [];

async function heapWithLibrary(): Promise<CaseFigure> {
  const image = await vaultImage(true);
  const text = exportText();
  installBrowserLoop({ hidden: false });
  installWebWorker();
  const app = await openVault(image, text, { autoSync: false, autoSyncDelayMs: WAIT_MS });
  const before = heapMb();
  const plugin = makePluginFrom(evaluate(readFileSync(resolve('main.js'), 'utf8'), resolve('main.js')), app);
  await (plugin.load() as Promise<void>);
  app.workspace.triggerLayoutReady();
  plugin.command('import-paper')!.callback!();
  const modal = obsidianMock.openedModals().at(-1) as PaperModal;
  await waitFor(() => modal.papers?.length === PAPERS, 120_000);
  modal.close();
  await sleep(IDLE_RELEASE_MS + 1000); // at rest: the worker, with what it parsed, has ended
  const mb = heapMb() - before;
  const exportMb = Buffer.byteLength(text) / 1024 / 1024;
  kept.push(plugin);
  return { value: mb, unit: 'MB', note: `${(mb / exportMb).toFixed(1)}x the export (${exportMb.toFixed(1)} MB); heap + external memory, after GC` };
}

async function exportHeldOnce(): Promise<CaseFigure> {
  const bytes = Buffer.from(exportText());
  const before = heapMb();
  const held = new TextDecoder().decode(bytes);
  kept.push(held);
  const mb = heapMb() - before;
  return { value: mb, unit: 'MB', note: `${held.length.toLocaleString('en')} characters, ${(bytes.length / 1024 / 1024).toFixed(1)} MB as UTF-8` };
}

/** A case run three times, each in a process of its own; the median is reported. */
function repeated(id: string, group: string, label: string, run: () => Promise<CaseFigure>): BenchCase {
  return {
    id,
    group,
    label,
    processes: 3,
    run: async () => {
      const figure = await run();
      return { ...figure, note: `${figure.note}; median of 3` };
    },
  };
}

export const CASES: BenchCase[] = [
  {
    id: 'responsive-parse-baseline',
    group: BLOCKS,
    label: 'the export parsed on the main thread',
    baseline: true,
    run: () => {
      const text = exportText();
      const start = performance.now();
      const n = readLibrary(text).papers.length;
      return Promise.resolve({ value: performance.now() - start, unit: 'ms', note: `readLibrary, ${n} papers, one task` } satisfies CaseFigure);
    },
  },
  repeated('responsive-startup', BLOCKS, 'start-up (export unchanged since the last sync)', startUp),
  repeated('responsive-import', BLOCKS, '"Import paper" (first use loads the library)', importPaper),
  repeated('responsive-ribbon', BLOCKS, 'ribbon sync: first sync of 10,000 papers', ribbonSync),
  repeated('responsive-auto', BLOCKS, 'automatic sync of one changed paper', autoSyncBlock),
  repeated('responsive-concepts', BLOCKS, 'concept rebuild, 10,000 notes', conceptRebuild),
  repeated('responsive-suggest', BLOCKS, '"Suggest concepts from library", 10,000 notes and papers', suggestConcepts),
  {
    id: 'responsive-wait',
    group: LATENCY,
    label: 'the settle wait',
    baseline: true,
    run: async () => {
      const start = performance.now();
      await sleep(WAIT_MS);
      return { value: performance.now() - start, unit: 'ms', note: 'autoSyncDelayMs, as a timer' };
    },
  },
  repeated('responsive-latency-front', LATENCY, 'window in front, export written at once', () => latency(false, 1)),
  repeated('responsive-latency-hidden', LATENCY, 'window hidden (timers once a second)', () => latency(true, 1)),
  repeated('responsive-latency-chunks', LATENCY, 'window in front, export written in 5 chunks 200 ms apart', () => latency(false, 5)),
  { id: 'responsive-heap-text', group: MEMORY, label: 'the export text held once', baseline: true, run: exportHeldOnce },
  { id: 'responsive-heap-library', group: MEMORY, label: 'main.js with the library loaded, at rest', run: heapWithLibrary },
];

function longestGoal(results: Map<string, CaseResult>): string {
  const ids = ['responsive-startup', 'responsive-import', 'responsive-ribbon', 'responsive-auto', 'responsive-concepts', 'responsive-suggest'];
  const worst = ids.map((id) => results.get(id)).filter((r): r is CaseResult => r !== undefined);
  if (worst.length < ids.length) return 'goal no main-thread task over 50 ms: not measured';
  const max = Math.max(...worst.map((r) => r.ms));
  return `goal no main-thread task over 50 ms: longest ${max.toFixed(0)} ms (${max <= 50 ? 'met' : 'NOT met'})`;
}

function latencyGoal(results: Map<string, CaseResult>): string {
  const front = results.get('responsive-latency-front');
  const hidden = results.get('responsive-latency-hidden');
  if (!front || !hidden) return 'goal change → note within wait + 1 s (front), wait + 3 s (hidden): not measured';
  const met = front.ms <= WAIT_MS + 1000 && hidden.ms <= WAIT_MS + 3000;
  return `goal change → note within wait + 1 s (front), wait + 3 s (hidden): ${(front.ms / 1000).toFixed(2)} s, ${(hidden.ms / 1000).toFixed(2)} s (${met ? 'met' : 'NOT met'})`;
}

function memoryGoal(results: Map<string, CaseResult>): string {
  const heap = results.get('responsive-heap-library');
  const ratio = heap ? Number(/^([\d.]+)x/.exec(heap.note)?.[1]) : Number.NaN;
  if (!heap) return 'goal heap < 30 MB and ≤ 3x the export: not measured';
  return `goal heap < 30 MB and ≤ 3x the export: ${heap.ms.toFixed(1)} MB, ${ratio}x (${heap.ms < 30 && ratio <= 3 ? 'met' : 'NOT met'})`;
}

export const GOALS: BenchGoal[] = [
  { group: BLOCKS, check: longestGoal },
  { group: LATENCY, check: latencyGoal },
  { group: MEMORY, check: memoryGoal },
];
