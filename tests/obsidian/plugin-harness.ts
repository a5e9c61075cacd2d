/**
 * Runs the real plugin class against the obsidian mock: an App over an in-memory vault, the plugin's manifest,
 * recording fakes for the core services (until the lead wires the real ones) and for the Node file watcher.
 */
import type { App as ObsidianApp } from 'obsidian';
import manifest from '../../manifest.json';
import type { PluginServices, SyncRequest, SyncSummary } from '../../src/obsidian/plugin-services';
import ZoteroConceptNotesPlugin from '../../src/obsidian/main';
import type { RuntimeOptions } from '../../src/obsidian/plugin-runtime';
import type { FileWatchFactory } from '../../src/obsidian/export-watcher';
import { createMockApp, type App, type Plugin as MockPlugin } from '../__mocks__/obsidian';

/** The plugin with its runtime options replaced by the test's. */
export class TestPlugin extends ZoteroConceptNotesPlugin {
  options: RuntimeOptions | null = null;

  protected override runtimeOptions(): RuntimeOptions {
    return this.options ?? super.runtimeOptions();
  }

  /** The mock-only side of the plugin (commands, ribbon icons, lifecycle counts). */
  get mock(): MockPlugin {
    return this as unknown as MockPlugin;
  }
}

export function emptySummary(overrides: Partial<SyncSummary> = {}): SyncSummary {
  return { created: [], updated: [], unchanged: 0, conflicts: [], errors: [], ...overrides };
}

/** Core services that record their calls; `sync` can be replaced to control timing or failures. */
export function recordingServices() {
  const syncCalls: SyncRequest[] = [];
  let sync: (request: SyncRequest) => Promise<SyncSummary> = (request) => {
    request.onProgress({ done: request.library?.papers.length ?? 0, total: request.library?.papers.length ?? 0 });
    return Promise.resolve(emptySummary({ unchanged: request.library?.papers.length ?? 0 }));
  };
  const services: PluginServices = {
    syncLibrary: (request) => {
      syncCalls.push(request);
      return sync(request);
    },
    importPaper: async (request) => {
      const path = `${request.settings.notesFolder}/${request.citekey}.md`;
      await request.vault.write(path, `# ${request.library.papers.find((p) => p.citekey === request.citekey)?.title ?? ''}\n`);
      return { path, status: 'created' };
    },
    notedCitekeys: () => Promise.resolve(new Set<string>()),
    renderPaperSummary: (paper) => `1. ${paper.title}\n`,
    lastSyncedAt: () => Promise.resolve(null),
    linkConceptsInNote: () => Promise.resolve({ updated: [], links: {}, conflicts: [] }),
    rebuildConceptLinks: () => Promise.resolve({ updated: [], links: {}, conflicts: [] }),
    createConceptNotesFromGlossary: () => Promise.resolve([]),
  };
  return {
    services,
    syncCalls,
    setSync(fn: (request: SyncRequest) => Promise<SyncSummary>) {
      sync = fn;
    },
  };
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
export async function makePlugin(options: Partial<RuntimeOptions> & { app?: App; files?: Record<string, string> } = {}) {
  const app = options.app ?? (await createMockApp(options.files ?? {}));
  const plugin = new TestPlugin(app as unknown as ObsidianApp, manifest);
  const recorded = recordingServices();
  plugin.options = { services: recorded.services, ...options };
  return { app, plugin, ...recorded };
}

/** Load the plugin as Obsidian does (Component.load runs onload and returns its promise). */
export async function loadPlugin(plugin: TestPlugin): Promise<void> {
  await (plugin.mock.load() as Promise<void>);
}
