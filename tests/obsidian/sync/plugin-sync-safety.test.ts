/**
 * The plugin's side of "never lose a byte": a damaged sync state is said in a notice, and the state is written
 * whole with a good copy beside it, in the plugin's folder.
 */
import { allNoticeMessages, noticeMessages } from '../../__mocks__/obsidian';
import { EXAMPLE_LIBRARY, flush, loadPlugin, makePlugin, STATE_PATH, usePluginTestEnvironment } from '../plugin-harness';

const EXPORT = 'Zotero/library.bib';
const BACKUP_PATH = STATE_PATH.replace('sync-state.json', 'sync-state.backup.json');

usePluginTestEnvironment();

async function started(settings: Record<string, unknown>) {
  const made = await makePlugin({ files: { [EXPORT]: EXAMPLE_LIBRARY } });
  await made.plugin.saveData({ exportPath: EXPORT, ...settings });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await flush();
  return made;
}

describe('plugin sync state', () => {
  it('keeps a good copy beside the state and says in a notice when the state was damaged', async () => {
    const made = await started({ autoSync: false });
    const files = made.app.vault.adapter.files;
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(files.get(BACKUP_PATH)).toBe(files.get(STATE_PATH));
    // Cut by a file sync; the export has not changed, so only the state's first line would be read.
    files.set(STATE_PATH, files.get(STATE_PATH)!.slice(0, 400));
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    // The result notice of the first sync may still be on screen: it then shows the second sync's summary too.
    const summary = allNoticeMessages().filter((m) => m.startsWith('Library synced')).at(-1)!;
    expect(summary).toContain('Library synced: 0 created, 0 updated, 15 unchanged, 0 conflicts, 0 errors.');
    expect(summary).toContain('The sync state file was damaged (cut, or not valid JSON): its previous good copy was used');
    expect(() => JSON.parse(files.get(STATE_PATH)!) as unknown).not.toThrow();
  });
});

describe('plugin sync lock', () => {
  const LOCK_PATH = STATE_PATH.replace('sync-state.json', 'sync.lock');

  it('waits for a sync of the command line, then says it runs, and writes nothing', async () => {
    const made = await started({ autoSync: false });
    const now = new Date().toISOString();
    made.app.vault.adapter.files.set(LOCK_PATH, JSON.stringify({ tool: 'cli', pid: 4242, host: 'desktop-computer', startedAt: now, refreshedAt: now, token: 'cli' }));
    made.plugin.mock.ribbonIcons[0].el.click();
    await jest.advanceTimersByTimeAsync(6000);
    expect(allNoticeMessages().at(-1)).toMatch(/^Another sync is running on this vault \(the command line, process 4242 on desktop-computer, since .*\); nothing was changed\./);
    expect(Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Literature/'))).toEqual([]);
    // The command line's run ends: the next sync goes through, and leaves no lock behind.
    made.app.vault.adapter.files.delete(LOCK_PATH);
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(allNoticeMessages().at(-1)).toBe('Library synced: 15 created, 0 updated, 0 unchanged, 0 conflicts, 0 errors.');
    expect(made.app.vault.adapter.files.has(LOCK_PATH)).toBe(false);
  });
});

describe('automatic sync and the lock', () => {
  const LOCK_PATH = STATE_PATH.replace('sync-state.json', 'sync.lock');

  it('waits quietly while the command line holds the lock, and syncs once it is free', async () => {
    const made = await makePlugin({ files: { [EXPORT]: EXAMPLE_LIBRARY } });
    await made.plugin.saveData({ exportPath: EXPORT, autoSync: true, autoSyncDelayMs: 1000 });
    const now = new Date().toISOString();
    made.app.vault.adapter.files.set(LOCK_PATH, JSON.stringify({ tool: 'cli', pid: 4242, host: 'desktop-computer', startedAt: now, refreshedAt: now, token: 'cli' }));
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(8000);
    expect(noticeMessages()).toEqual([]);
    expect(Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Literature/'))).toEqual([]);
    made.app.vault.adapter.files.delete(LOCK_PATH);
    await jest.advanceTimersByTimeAsync(8000);
    expect(Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Literature/'))).toHaveLength(15);
  });
});
