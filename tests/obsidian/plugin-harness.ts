/**
 * Runs the real plugin class, with its real services (sync, notes, concepts), against the obsidian mock: an App over
 * an in-memory vault and the plugin's manifest. Tests can replace controller options (the export parser, the Node file
 * watcher) and watch the services: every sync request and concept update is recorded, and a sync can be held to
 * test what happens while one runs.
 */
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { App as ObsidianApp } from 'obsidian';
import manifest from '../../manifest.json';
import { loadLocalLibraryParser, type LibraryParser } from '../../src/core/library';
import { emptySyncSummary, type SyncSummary } from '../../src/core/sync';
import { hashBytes } from '../../src/core/text';
import type { CoreServices, SyncRequest } from '../../src/obsidian/plugin/core-services';
import ZoteroConceptNotesPlugin from '../../src/obsidian/main';
import type { ControllerOptions } from '../../src/obsidian/plugin/plugin-controller';
import type { FileWatchFactory } from '../../src/obsidian/export/export-watcher';
import { createMockApp, resetUiLog, setMockPlatform, type App, type Plugin as MockPlugin } from '../__mocks__/obsidian';

/** The sync state file, where the plugin and the CLI both keep it. */
export const STATE_PATH = '.obsidian/plugins/zotero-concept-notes/sync-state.json';

/** The plugin with some controller options replaced and its services watched. */
export class TestPlugin extends ZoteroConceptNotesPlugin {
  overrides: Partial<ControllerOptions> = {};
  wrapServices: ((real: CoreServices) => CoreServices) | null = null;

  protected override controllerOptions(): ControllerOptions {
    const own = super.controllerOptions();
    const services = this.wrapServices ? this.wrapServices(own.services) : own.services;
    return { ...own, ...this.overrides, services };
  }

  /** The mock-only side of the plugin (commands, ribbon icons, lifecycle counts). */
  get mock(): MockPlugin {
    return this as unknown as MockPlugin;
  }
}

export const emptySummary = emptySyncSummary;

/** Watches the real services: records sync requests and their summaries; `hold()` makes the next syncs wait. */
/** Something async code can be made to wait for: `hold()` closes it and returns the function that opens it. */
function gate() {
  let held: Promise<void> | null = null;
  return {
    get waiting(): Promise<void> | null {
      return held;
    },
    hold(): () => void {
      let release: () => void = () => undefined;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
  };
}

export function watchServices() {
  const syncCalls: SyncRequest[] = [];
  const summaries: SyncSummary[] = [];
  /** Each concept update asked for (by the concept watcher), and whether it found anything to do. */
  const conceptUpdates: { paths: string[]; ran: boolean }[] = [];
  const syncs = gate();
  const wrap = (real: CoreServices): CoreServices => ({
    ...real,
    async syncLibrary(request) {
      syncCalls.push(request);
      if (syncs.waiting) await syncs.waiting;
      const summary = await real.syncLibrary(request);
      summaries.push(summary);
      return summary;
    },
    async updateConceptLinks(paths, context) {
      const result = await real.updateConceptLinks(paths, context);
      conceptUpdates.push({ paths: [...paths], ran: result !== null });
      return result;
    },
  });
  return {
    wrap,
    syncCalls,
    summaries,
    conceptUpdates,
    /** Syncs wait until the returned function is called. */
    hold: () => syncs.hold(),
  };
}

/** The export fingerprint a sync request carries for `text`. */
export function fingerprintOf(text: string): string {
  return hashBytes(new TextEncoder().encode(text));
}

/**
 * The export parser in this thread (as under jest: there is no Worker), recording every export it parses, as text;
 * `hold()` makes parses wait until released.
 */
export function watchedParser() {
  const parsed: string[] = [];
  const parses = gate();
  const createParser = (): LibraryParser => {
    const local = loadLocalLibraryParser();
    return {
      async parse(bytes, fingerprint, name) {
        parsed.push(new TextDecoder().decode(bytes));
        if (parses.waiting) await parses.waiting;
        return (await local).parse(bytes, fingerprint, name);
      },
      papers: async (fingerprint, citekeys) => (await local).papers(fingerprint, citekeys),
      release: () => void local.then((p) => p.release()),
    };
  };
  return { createParser, parsed, hold: () => parses.hold() };
}

/** A fake Node watcher: counts what is open, and lets the test fire a change. */
export function fakeFileWatcher() {
  const open = new Map<number, { path: string; onChange: () => void }>();
  let next = 0;
  const factory: FileWatchFactory = (path, onChange) => {
    const id = next++;
    open.set(id, { path, onChange });
    return { close: () => open.delete(id) };
  };
  return {
    factory,
    open,
    fire(path: string) {
      for (const w of open.values()) if (w.path === path) w.onChange();
    },
  };
}

/** A plugin instance on `app` (a new mock app with `files` when none is given), not loaded yet. */
export async function makePlugin(options: Partial<ControllerOptions> & { app?: App; files?: Record<string, string> } = {}) {
  const { app: given, files, ...overrides } = options;
  const app = given ?? (await createMockApp(files ?? {}));
  const plugin = new TestPlugin(app as unknown as ObsidianApp, manifest);
  const watched = watchServices();
  plugin.overrides = overrides;
  plugin.wrapServices = watched.wrap;
  return { app, plugin, ...watched };
}

/** Load the plugin as Obsidian does (Component.load runs onload and returns its promise). */
export async function loadPlugin(plugin: TestPlugin): Promise<void> {
  await (plugin.mock.load() as Promise<void>);
}

/** The example library (15 papers, example/library.bib) as export text. */
export const EXAMPLE_LIBRARY = readFileSync(nodePath.resolve(__dirname, '../../example/library.bib'), 'utf8');

/** The first three papers of the example library (yinSurveyMultimodalLarge2024, linMultiLayerVisual2025, liBenchmarkingMultimodalRetrieval2024). */
export const SMALL_LIBRARY = EXAMPLE_LIBRARY.split(/^(?=@)/m).slice(0, 3).join('');

/**
 * The plugin loaded over `files` with the real library reader (in this thread, as always under jest), its export at
 * `Zotero/library.bib` (no automatic sync; `settings` are added to data.json), the layout ready and the library
 * opened.
 */
export async function startedWith(files: Record<string, string>, settings: Record<string, unknown> = {}) {
  const made = await makePlugin({ files });
  await made.plugin.saveData({ exportPath: 'Zotero/library.bib', autoSync: false, ...settings });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await flush();
  return made;
}

/** A library parser that waits until `release()`: the first load of the library is still running. */
export function slowReader(): { createParser: () => LibraryParser; release: () => void } {
  const parser = watchedParser();
  return { createParser: parser.createParser, release: parser.hold() };
}

/** Chinese metadata as Better BibLaTeX writes it: titles, authors (family, given) and publishers. */
export const CHINESE_LIBRARY = `@book{zhangDuomotaiDaMoxing2024,
  title = {多模态大模型导论},
  author = {张, 明远 and 李, 静},
  date = {2024},
  publisher = {清华大学出版社},
  langid = {chinese}
}

@book{chenZhilingWeitiao2023,
  title = {指令微调与对齐},
  author = {陈, 思齐},
  date = {2023},
  publisher = {人民邮电出版社},
  langid = {chinese}
}

@article{wangSiweiLian2023,
  title = {思维链提示的原理},
  author = {王, 子涵},
  date = {2023},
  journaltitle = {计算机学报},
  langid = {chinese}
}
`;

/** Let pending promises and the UI yields (zero-delay timers) run. */
export const flush = (): Promise<void> => jest.advanceTimersByTimeAsync(50);

/** For every test of the calling file: fake timers at a fixed time, a clean notice log, the desktop platform. */
export function usePluginTestEnvironment(): void {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2025-03-08T14:03:11Z') });
    resetUiLog();
    setMockPlatform('desktop');
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });
}
