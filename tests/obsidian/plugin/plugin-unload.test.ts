/**
 * Unloading the plugin (disabling or uninstalling it, quitting) while a sync or a concept run is going: the run stops
 * at its next step, nothing more is written (no note, no sync state: an uninstalled plugin must not recreate its
 * folder), and the user is not told about an "error".
 */
import { attempt } from '../../../src/obsidian/plugin/attempt';
import { Notices } from '../../../src/obsidian/plugin/notices';
import { UnloadGuard, PluginUnloadedError } from '../../../src/obsidian/plugin/unload-guard';
import { TimeSlicer } from '../../../src/core/scheduling';
import type { LibraryParser } from '../../../src/core/library';
import { allNoticeMessages, noticeMessages, visibleNotices } from '../../__mocks__/obsidian';
import { loadPlugin, makePlugin, STATE_PATH, usePluginTestEnvironment } from '../plugin-harness';

const EXPORT = 'Zotero/library.bib';

/** A library of `n` papers, made up here: enough that the sync yields to the UI several times. */
function library(n: number): string {
  return Array.from({ length: n }, (_, i) => `@article{paper${i},\n  title = {Paper number ${i}},\n  author = {Doe, Jane},\n  year = {2020},\n}\n`).join('\n');
}

usePluginTestEnvironment();

describe('unloading while work runs', () => {
  it('ends the library reader (the worker) when unloaded while it parses, with the cancellation, and says nothing', async () => {
    const released: (Error | undefined)[] = [];
    const parser: LibraryParser = {
      parse: () => new Promise<never>(() => undefined), // a large export, still being read
      papers: () => Promise.resolve(null),
      release: (reason) => void released.push(reason),
    };
    const made = await makePlugin({ files: { [EXPORT]: library(3) }, createParser: () => parser });
    await made.plugin.saveData({ exportPath: EXPORT, autoSync: true });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(50);
    expect(made.plugin.controller.library.state.status).toBe('loading');

    made.plugin.mock.unload();
    expect(released).toHaveLength(1);
    expect(released[0]).toBeInstanceOf(PluginUnloadedError);
    await jest.advanceTimersByTimeAsync(10000);
    expect(allNoticeMessages()).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops a running sync at its next step: nothing written after unload, and no error shown', async () => {
    const made = await makePlugin({ files: { [EXPORT]: library(120) } });
    let writesAtUnload = -1;
    const wrap = made.plugin.wrapServices!;
    made.plugin.wrapServices = (real) => {
      const watched = wrap(real);
      return {
        ...watched,
        // The user disables the plugin a quarter of the way through the sync.
        syncLibrary: (request) =>
          watched.syncLibrary({
            ...request,
            onProgress: (progress) => {
              request.onProgress(progress);
              if (progress.done === 30 && writesAtUnload < 0) {
                made.plugin.mock.unload();
                writesAtUnload = made.app.vault.writes.length;
              }
            },
          }),
      };
    };
    await made.plugin.saveData({ exportPath: EXPORT, autoSync: false });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(50);

    made.plugin.mock.command('sync-library')!.callback!();
    await jest.advanceTimersByTimeAsync(10000);
    expect(writesAtUnload).toBeGreaterThanOrEqual(30);
    expect(made.app.vault.writes).toHaveLength(writesAtUnload);
    expect(Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Literature/')).length).toBeLessThan(120);
    expect(made.app.vault.adapter.files.has(STATE_PATH)).toBe(false);
    expect(made.summaries).toEqual([]); // the sync did not finish
    expect(allNoticeMessages().filter((m) => !m.startsWith('Syncing library…'))).toEqual([]); // progress only
    expect(noticeMessages()).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops a running concept rebuild the same way, without a "failed" notice', async () => {
    const reading: Record<string, string> = { 'Concepts/ICL.md': '---\naliases: [in-context learning]\n---\n' };
    for (let i = 0; i < 80; i++) reading[`Reading/note ${i}.md`] = `Note ${i} is about in-context learning.\n`;
    const made = await makePlugin({ files: reading });
    let writesAtUnload = -1;
    const wrap = made.plugin.wrapServices!;
    made.plugin.wrapServices = (real) => {
      const watched = wrap(real);
      return {
        ...watched,
        rebuildConceptLinks: (context, onProgress) =>
          watched.rebuildConceptLinks(context, (progress) => {
            onProgress(progress);
            if (progress.done === 90 && writesAtUnload < 0) {
              made.plugin.mock.unload(); // while the links are being written
              writesAtUnload = made.app.vault.writes.length;
            }
          }),
      };
    };
    await made.plugin.saveData({ autoSync: false, conceptScopeFolders: ['Reading'] });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(50);

    made.plugin.mock.command('rebuild-concept-links')!.callback!();
    await jest.advanceTimersByTimeAsync(10000);
    expect(writesAtUnload).toBeGreaterThan(0);
    expect(made.app.vault.writes).toHaveLength(writesAtUnload);
    expect(made.app.vault.contentOf('Reading/note 79.md')).toBe('Note 79 is about in-context learning.\n');
    expect(allNoticeMessages().filter((m) => !m.startsWith('Linking concepts…'))).toEqual([]);
  });
});

describe('UnloadGuard', () => {
  it('yields to the UI once the time slice is used up, until stopped; then throws the cancellation', async () => {
    let clock = 0;
    const unloadGuard = new UnloadGuard(new TimeSlicer({ now: () => clock, yieldToEventLoop: () => Promise.resolve() }));
    expect(unloadGuard.yieldToUi()).toBeUndefined(); // the slice lasts: nothing to wait for
    clock = 10;
    await expect(unloadGuard.yieldToUi()).resolves.toBeUndefined();

    clock = 20;
    const pending = expect(unloadGuard.yieldToUi()).rejects.toThrow(PluginUnloadedError); // stopped while waiting…
    unloadGuard.stop();
    await pending; // …the run does not go on after the wait
    expect(() => unloadGuard.yieldToUi()).toThrow('The plugin was unloaded; the run stopped.');
    expect(() => unloadGuard.check()).toThrow(PluginUnloadedError);
  });
});

describe('attempt', () => {
  it('says nothing about a run stopped by unloading, and explains any other failure', async () => {
    const notices = new Notices();
    expect(await attempt(notices, 'Rebuild concept links', () => Promise.reject(new PluginUnloadedError()))).toBeNull();
    expect(noticeMessages()).toEqual([]);
    expect(await attempt(notices, 'Rebuild concept links', () => Promise.reject(new Error('disk full')))).toBeNull();
    expect(noticeMessages()).toEqual(['Rebuild concept links failed: disk full']);
    // The same action failing again says so in the same notice, not a second one under it.
    expect(await attempt(notices, 'Rebuild concept links', () => Promise.reject(new Error('still full')))).toBeNull();
    expect(noticeMessages()).toEqual(['Rebuild concept links failed: still full']);
    expect(visibleNotices()).toHaveLength(1);
  });
});
