import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeOs from 'node:os';
import * as nodePath from 'node:path';
import { runCli } from '../../../src/cli/run-cli';
import { CLI_SYNC_STATE_PATH } from '../../../src/cli/sync-request';
import * as readLibraryModule from '../../../src/core/library/read-library';
import { parseSyncState } from '../../../src/core/sync/sync-state-text';
import { readFixture } from '../../support/fixtures';
import { allNoticeMessages, noticeMessages, openedModals, resetUiLog, visibleNotices, type App, type SuggestModal } from '../../__mocks__/obsidian';
import { fakeFileWatcher, fingerprintOf, loadPlugin, makePlugin, STATE_PATH, usePluginTestEnvironment, flush, EXAMPLE_LIBRARY, SMALL_LIBRARY, watchedParser } from '../plugin-harness';

const LIBRARY = EXAMPLE_LIBRARY; // 15 papers
const BIB = SMALL_LIBRARY; // 3 papers
const EXPORT = 'Zotero/library.bib';


usePluginTestEnvironment();

async function started(settings: Record<string, unknown>, files: Record<string, string> = { [EXPORT]: LIBRARY }, app?: App, exportPath = EXPORT, parser = watchedParser()) {
  const made = await makePlugin({ app, files, createParser: parser.createParser });
  await made.plugin.saveData({ exportPath, ...settings });
  await loadPlugin(made.plugin);
  made.app.workspace.triggerLayoutReady();
  await flush();
  return { ...made, parsed: parser.parsed };
}

/** A vault synced once from the ribbon, and the plugin unloaded (Obsidian closed). Auto-sync stays on: this device's default. */
async function syncedThenClosed() {
  const first = await started({});
  first.plugin.mock.ribbonIcons[0].el.click();
  await flush();
  expect(notesIn(first.app)).toHaveLength(15);
  first.plugin.mock.unload();
  return first.app;
}

const notesIn = (app: App) => Object.keys(app.vault.snapshot()).filter((p) => p.startsWith('Literature/'));

describe('sync library', () => {
  it('syncs from the ribbon: notes in the vault, progress, a summary with the counts, the state beside data.json', async () => {
    const made = await started({ autoSync: false });
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();

    expect(notesIn(made.app)).toHaveLength(15);
    expect(made.app.vault.contentOf('Literature/brownLanguageModelsAre2020.md')).toContain('title: Language Models Are Few-Shot Learners\n');
    expect(allNoticeMessages()).toEqual(['Syncing library…', 'Syncing library… 1/15', ...Array.from({ length: 14 }, (_, i) => `Syncing library… ${i + 2}/15`), 'Library synced: 15 created, 0 updated, 0 unchanged, 0 conflicts, 0 errors.']);
    const state = parseSyncState(made.app.vault.adapter.files.get(STATE_PATH) ?? null);
    expect(Object.keys(state?.notes ?? {})).toHaveLength(15);
    expect(state?.lastExport).toMatchObject({ paperCount: 15, clean: true });
    expect(state?.lastExport?.syncedAt).toMatch(/^2025-03-08T14:03:11\.\d{3}Z$/);
    expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: 15 papers · synced 14:03');

    // Again, from the status bar: the export did not change, nothing is parsed or written. The result replaces the
    // text of the first sync's notice, still shown, instead of stacking a second one under it.
    const [result] = visibleNotices();
    resetUiLog();
    made.app.vault.resetWrites();
    made.plugin.mock.statusBarItems[0].click();
    await flush();
    expect(allNoticeMessages()).toEqual(['Syncing library…']); // the only new notice: the progress, gone again
    expect(visibleNotices()).toEqual([]);
    expect(result.visible).toBe(true);
    expect(result.history).toEqual(['Library synced: 15 created, 0 updated, 0 unchanged, 0 conflicts, 0 errors.', 'Library synced: the export has not changed since the last sync.']);
    expect(made.app.vault.writes).toEqual([]);
  });

  it('starts no second sync while one runs, however often the ribbon, the command or the status bar is clicked', async () => {
    const made = await started({ autoSync: false });
    const release = made.hold();
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    made.plugin.mock.ribbonIcons[0].el.click();
    made.plugin.mock.statusBarItems[0].click();
    made.plugin.mock.command('sync-library')!.callback!();
    await flush();
    expect(made.syncCalls).toHaveLength(1);
    expect(allNoticeMessages().filter((m) => m === 'A sync is already running.')).toHaveLength(3);
    expect(visibleNotices().map((n) => n.message)).toEqual(['Syncing library…', 'A sync is already running.']); // one notice each
    expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: syncing…');

    release();
    await flush();
    expect(made.summaries.map((s) => s.created.length)).toEqual([15]);
    expect(notesIn(made.app)).toHaveLength(15);
  });

  it('shares its state with the CLI: a vault the CLI synced is unchanged for the plugin, and the reverse', async () => {
    expect(STATE_PATH).toBe(CLI_SYNC_STATE_PATH);
    const dir = mkdtempSync(nodePath.join(nodeOs.tmpdir(), 'zcn-plugin-cli-'));
    try {
      mkdirSync(nodePath.join(dir, 'vault'));
      writeFileSync(nodePath.join(dir, 'library.bib'), LIBRARY);
      const io = { out: () => undefined, err: () => undefined, now: () => new Date(2025, 2, 8, 9, 15) };
      expect(await runCli(['sync', '--export', nodePath.join(dir, 'library.bib'), '--vault', nodePath.join(dir, 'vault')], io)).toBe(0);
      const files: Record<string, string> = { [EXPORT]: LIBRARY };
      for (const path of listFiles(nodePath.join(dir, 'vault'))) files[path] = readFileSync(nodePath.join(dir, 'vault', path), 'utf8');
      expect(Object.keys(files).filter((p) => p.startsWith('Literature/'))).toHaveLength(15);

      const made = await started({ autoSync: false }, files);
      expect(made.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: 15 papers · synced 09:15'); // from the CLI's state
      made.app.vault.resetWrites();
      made.plugin.mock.ribbonIcons[0].el.click();
      await flush();
      expect(noticeMessages()).toContain('Library synced: the export has not changed since the last sync.');
      expect(made.app.vault.writes).toEqual([]);

      // The plugin imports a changed paper; the CLI then finds everything in place.
      const changed = LIBRARY.replace('Language Models Are Few-Shot Learners', 'Language Models Are Few-Shot Learners (v2)');
      await made.app.vault.setExternal(EXPORT, changed);
      made.plugin.mock.ribbonIcons[0].el.click();
      await flush();
      expect(made.summaries[1]).toMatchObject({ updated: ['Literature/brownLanguageModelsAre2020.md'], unchanged: 14 });
      writeFileSync(nodePath.join(dir, 'library.bib'), changed);
      writeFileSync(nodePath.join(dir, 'vault', STATE_PATH), made.app.vault.adapter.files.get(STATE_PATH)!);
      writeFileSync(nodePath.join(dir, 'vault/Literature/brownLanguageModelsAre2020.md'), made.app.vault.contentOf('Literature/brownLanguageModelsAre2020.md')!);
      let out = '';
      await runCli(['sync', '--export', nodePath.join(dir, 'library.bib'), '--vault', nodePath.join(dir, 'vault'), '--json'], { ...io, out: (t: string) => void (out += t) });
      expect(JSON.parse(out)).toMatchObject({ created: [], updated: [], unchanged: 15, skipped: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at a bad note template with a notice naming the line, and writes nothing', async () => {
    const made = await started({ autoSync: false, noteTemplatePath: 'Templates/paper' }, { [EXPORT]: LIBRARY, 'Templates/paper.md': '# {{title}}\n\n{{#if doi}}\n{{doi}\n' });
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    const message = noticeMessages().find((m) => m.startsWith('The note template has an error'));
    expect(message).toMatch(/^The note template has an error \(Templates\/paper\.md, line 4: [\s\S]+got .INVALID.\)\. Nothing was written\.$/);
    expect(notesIn(made.app)).toEqual([]);
    expect(made.app.vault.adapter.files.has(STATE_PATH)).toBe(false);
  });

  it('refuses a half-written export with a clear notice, and writes nothing', async () => {
    const made = await started({ autoSync: false }, { [EXPORT]: LIBRARY.slice(0, Math.floor(LIBRARY.length * 0.6)) });
    made.plugin.mock.command('sync-library')!.callback!();
    await flush();
    expect(noticeMessages()).toContain('Sync failed: The export ends in the middle of an entry (Better BibTeX may be rewriting it); nothing was changed.');
    expect(notesIn(made.app)).toEqual([]);
  });
});

describe('start-up', () => {
  it('parses nothing when the export is the one the last sync read: the paper count comes from the sync state', async () => {
    const app = await syncedThenClosed();
    const again = await started({ autoSync: true }, {}, app); // Obsidian starts again, with auto-sync on
    await jest.advanceTimersByTimeAsync(10000);
    expect(again.parsed).toEqual([]);
    expect(again.syncCalls).toEqual([]);
    expect(again.plugin.mock.statusBarItems[0].textContent).toBe('Zotero: 15 papers · synced 14:03');

    // First need: the import modal.
    again.plugin.mock.command('import-paper')!.callback!();
    await flush();
    expect(again.parsed).toEqual([LIBRARY]);
    expect(await (openedModals().at(-1) as SuggestModal<unknown>).simulateQuery('')).toHaveLength(15);
  });

  it('loads and syncs an export that changed while Obsidian was closed', async () => {
    const app = await syncedThenClosed();
    const revised = LIBRARY.replace('Language Models Are Few-Shot Learners', 'Language Models Are Few-Shot Learners (v2)');
    await app.vault.setExternal(EXPORT, revised);
    const again = await started({ autoSync: true, autoSyncDelayMs: 2000 }, {}, app);
    await jest.advanceTimersByTimeAsync(5000);
    expect(again.parsed).toEqual([revised]); // once: the sync used that parse
    expect(again.summaries).toEqual([expect.objectContaining({ updated: ['Literature/brownLanguageModelsAre2020.md'], unchanged: 14 })]);
  });
});

describe('auto-sync on export change', () => {
  it('syncs an export whose content shows it is whole after a short quiet spell, well before the full wait', async () => {
    const made = await started({ autoSyncDelayMs: 5000 }, { [EXPORT]: BIB });
    await jest.advanceTimersByTimeAsync(15000); // the start-up sync
    made.syncCalls.length = 0;
    const revised = BIB.replace('A Survey on Multimodal Large Language Models', 'A Survey on Multimodal Large Language Models (v2)');
    await made.app.vault.setExternal(EXPORT, revised); // one write of the whole file, as BBT makes it
    await jest.advanceTimersByTimeAsync(1100); // 500 ms of quiet, a look, the read, a second look 500 ms after the first
    expect(made.syncCalls.map((r) => r.exportHash)).toEqual([fingerprintOf(revised)]);
    expect(made.summaries.at(-1)).toMatchObject({ updated: ['Literature/yinSurveyMultimodalLarge2024.md'] });
  });

  it('waits the full time for an export it cannot tell is whole (CSL YAML without its end marker)', async () => {
    const yaml = readFixture('bbt/csl-yaml-original-date-922.csl.yaml');
    const made = await started({ autoSyncDelayMs: 5000 }, { [EXPORT.replace('.bib', '.yaml')]: yaml }, undefined, EXPORT.replace('.bib', '.yaml'));
    await jest.advanceTimersByTimeAsync(15000);
    made.syncCalls.length = 0;
    const revised = yaml.replace('title:', 'title: Revised');
    await made.app.vault.setExternal(EXPORT.replace('.bib', '.yaml'), revised);
    await jest.advanceTimersByTimeAsync(4000);
    expect(made.syncCalls).toEqual([]);
    await jest.advanceTimersByTimeAsync(1500);
    expect(made.syncCalls.map((r) => r.exportHash)).toEqual([fingerprintOf(revised)]);
  });

  it('runs exactly one incremental sync after the export settles, reading and parsing the new export once', async () => {
    const parser = watchedParser();
    const parsed = parser.parsed;
    const made = await makePlugin({ files: { [EXPORT]: LIBRARY }, createParser: parser.createParser });
    await made.plugin.saveData({ exportPath: EXPORT, autoSyncDelayMs: 1000 });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(5000); // the start-up check: the export is new, so it is synced
    expect(made.summaries.map((s) => s.created.length)).toEqual([15]);
    made.syncCalls.length = 0;
    made.summaries.length = 0;
    parsed.length = 0;
    resetUiLog();
    const syncParse = jest.spyOn(readLibraryModule, 'readLibrary');
    const exportReads = jest.spyOn(made.app.vault, 'readBinary');

    // Better BibTeX rewrites the file in place: a burst of writes, the last one complete.
    await made.app.vault.setExternal(EXPORT, LIBRARY.slice(0, LIBRARY.length / 2));
    await jest.advanceTimersByTimeAsync(300);
    await made.app.vault.setExternal(EXPORT, LIBRARY.slice(0, Math.floor(LIBRARY.length * 0.9)));
    await jest.advanceTimersByTimeAsync(300);
    const updated = LIBRARY.replace('Scaling Laws for Neural Language Models', 'Scaling Laws for Neural Language Models (revised)');
    await made.app.vault.setExternal(EXPORT, updated);
    await jest.advanceTimersByTimeAsync(900);
    expect(made.syncCalls).toHaveLength(0); // still within the quiet time of the last write

    await jest.advanceTimersByTimeAsync(5000);
    expect(made.syncCalls.map((r) => r.exportHash)).toEqual([fingerprintOf(updated)]);
    expect(exportReads.mock.calls.filter(([file]) => file.path === EXPORT)).toHaveLength(1); // read once…
    expect(parsed).toEqual([updated]); // …the library cache parsed it once…
    expect(syncParse).toHaveBeenCalledTimes(1); // …and the sync used that parse
    expect(made.summaries).toEqual([expect.objectContaining({ created: [], updated: ['Literature/kaplanScalingLawsNeural2020.md'], unchanged: 14 })]);
    expect(made.app.vault.contentOf('Literature/kaplanScalingLawsNeural2020.md')).toContain('title: Scaling Laws for Neural Language Models (revised)\n');
    expect(allNoticeMessages()).toEqual([]); // an automatic sync that only updated notes is silent
    await jest.advanceTimersByTimeAsync(60000);
    expect(made.syncCalls).toHaveLength(1);
  });

  it('syncs an export that changed during a running sync once that sync ends', async () => {
    const made = await started({ autoSyncDelayMs: 1000 }, { [EXPORT]: BIB });
    await jest.advanceTimersByTimeAsync(5000); // the start-up sync
    made.syncCalls.length = 0;
    const release = made.hold();
    made.plugin.mock.command('sync-library')!.callback!();
    await flush();
    const revised = BIB.replace('A Survey on Multimodal Large Language Models', 'A Survey on Multimodal Large Language Models (v2)');
    await made.app.vault.setExternal(EXPORT, revised); // Zotero changes while the manual sync runs
    await jest.advanceTimersByTimeAsync(5000);
    expect(made.syncCalls.map((r) => r.exportHash)).toEqual([fingerprintOf(BIB)]);
    release();
    await jest.advanceTimersByTimeAsync(100);
    expect(made.syncCalls.map((r) => r.exportHash)).toEqual([fingerprintOf(BIB), fingerprintOf(revised)]);
    expect(made.summaries.at(-1)).toMatchObject({ updated: ['Literature/yinSurveyMultimodalLarge2024.md'] });
  });

  it('retries, without a notice, while the export is half written, then syncs the complete file', async () => {
    const made = await started({ autoSyncDelayMs: 1000 }, { [EXPORT]: BIB });
    await jest.advanceTimersByTimeAsync(5000);
    expect(made.summaries.map((s) => s.created.length)).toEqual([3]);
    made.syncCalls.length = 0;
    resetUiLog();
    const debug = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
    const truncated = BIB.slice(0, Math.floor(BIB.length / 2));
    await made.app.vault.setExternal(EXPORT, truncated); // BBT stalls half way
    await jest.advanceTimersByTimeAsync(2500);
    expect(made.syncCalls.map((r) => r.exportHash)).toEqual([fingerprintOf(truncated)]);
    expect(allNoticeMessages()).toEqual([]);
    expect(debug).toHaveBeenCalledWith(expect.stringMatching(/^Zotero Concept Notes: automatic sync skipped: The export ends in the middle of an entry/));

    const revised = BIB.replace('A Survey on Multimodal Large Language Models', 'A Survey on Multimodal Large Language Models (v2)');
    await made.app.vault.setExternal(EXPORT, revised); // and finishes
    await jest.advanceTimersByTimeAsync(10000);
    expect(made.syncCalls.map((r) => r.exportHash)).toEqual([fingerprintOf(truncated), fingerprintOf(revised)]);
    expect(made.summaries.at(-1)).toMatchObject({ updated: ['Literature/yinSurveyMultimodalLarge2024.md'], unchanged: 2, flagged: [] });
  });

  it('watches an export outside the vault with the Node watcher and syncs after it settles', async () => {
    const watcher = fakeFileWatcher();
    let size = 100;
    const stat = () => Promise.resolve({ isFile: () => true, isDirectory: () => false, size, mtimeMs: size });
    const handle = { stat, readFile: () => Promise.resolve(Buffer.from(BIB)), close: () => Promise.resolve() };
    const fs = { constants: {}, promises: { stat, open: () => Promise.resolve(handle) } };
    const node = () => ({ fs, path: nodePath, os: nodeOs }) as never;
    const made = await makePlugin({ node, watchFile: watcher.factory });
    await made.plugin.saveData({ exportPath: '/home/me/Zotero/library.bib', autoSyncDelayMs: 1000 });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    await jest.advanceTimersByTimeAsync(5000);
    expect([...watcher.open.values()].map((w) => w.path)).toEqual(['/home/me/Zotero/library.bib']);
    made.syncCalls.length = 0;

    size = 200;
    watcher.fire('/home/me/Zotero/library.bib');
    await jest.advanceTimersByTimeAsync(700); // a short quiet spell over, first look at the file taken
    size = 300; // it was still being written
    await jest.advanceTimersByTimeAsync(400);
    expect(made.syncCalls).toHaveLength(0); // the second look saw it grow
    await jest.advanceTimersByTimeAsync(5000);
    expect(made.syncCalls).toHaveLength(1);
    expect(made.summaries.at(-1)).toMatchObject({ skipped: true, unchanged: 3 }); // same bytes as the start-up sync
  });
});

describe('papers read whole when a note is written (the library keeps compact entries)', () => {
  it('writes annotations, Zotero notes and PDF links into the notes of a BetterBibTeX JSON export', async () => {
    const json = readFileSync(nodePath.resolve(__dirname, '../../../example/library.json'), 'utf8');
    const made = await started({ autoSync: false }, { 'Zotero/library.json': json }, undefined, 'Zotero/library.json');
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(made.summaries.at(-1)).toMatchObject({ created: expect.arrayContaining(['Literature/weiChainofthoughtPromptingElicits2022.md']) as string[], errors: [] });
    const wei = made.app.vault.contentOf('Literature/weiChainofthoughtPromptingElicits2022.md') ?? '';
    expect(wei).toMatch(/> \[!zotero-\w+\][^\n]*\n> chain-of-thought reasoning is an emergent ability of model scale\n/);
    expect(wei).toContain('zotero://open-pdf/library/items/QGFT63BU?page=2&annotation=R4KD8WNE');
    expect(wei).toContain('^ann-R4KD8WNE');
    expect(made.app.vault.contentOf('Literature/yinSurveyMultimodalLarge2024.md')).toContain('[@liuVisualInstructionTuning2023, p. 4]');
  });

  it('names the export in the warning about its encoding, read from its bytes', async () => {
    // "Müller" in Windows-1252 (ü is the single byte 0xFC): an export saved in another character set.
    const latin1 = Buffer.concat([Buffer.from('@article{mueller2020,\n  title = {M'), Buffer.from([0xfc]), Buffer.from('ller},\n  date = {2020}\n}\n')]);
    const stat = () => Promise.resolve({ isFile: () => true, isDirectory: () => false, size: latin1.length, mtimeMs: 1 });
    const handle = { stat, readFile: () => Promise.resolve(Buffer.from(latin1)), close: () => Promise.resolve() };
    const fs = { constants: {}, promises: { stat, open: () => Promise.resolve(handle) } };
    const node = () => ({ fs, path: nodePath, os: nodeOs }) as never;
    const made = await makePlugin({ node, watchFile: fakeFileWatcher().factory });
    await made.plugin.saveData({ exportPath: '/home/me/Zotero/library.bib', autoSync: false });
    await loadPlugin(made.plugin);
    made.app.workspace.triggerLayoutReady();
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(made.summaries.at(-1)?.warnings).toEqual([expect.stringMatching(/^\/home\/me\/Zotero\/library\.bib is not valid UTF-8; it was read as Windows-1252/)]);
    expect(made.app.vault.contentOf('Literature/mueller2020.md')).toContain('title: Müller\n');
  });
});

/** Vault-relative paths of every file under `root`. */
function listFiles(root: string, rel = ''): string[] {
  return readdirSync(nodePath.join(root, rel)).flatMap((name) => {
    const p = rel ? `${rel}/${name}` : name;
    return statSync(nodePath.join(root, p)).isDirectory() ? listFiles(root, p) : [p];
  });
}
