/**
 * "Collections to sync" in the plugin: its settings row (checked against the library as it is typed, in both
 * renderings of the tab), and a sync from the ribbon limited to it, over a real BBT JSON export (conig/zot's library:
 * 242 papers; "Methodology" and its subcollections hold 58).
 */
import { allNoticeMessages, TextAreaComponent, type App, type SettingsRenderer } from '../../__mocks__/obsidian';
import { readFixture } from '../../support/fixtures';
import { flush, startedWith, usePluginTestEnvironment } from '../plugin-harness';
import { openTabWith } from './settings-harness';

usePluginTestEnvironment();

const JSON_EXPORT = readFixture('real/conig-zot-my-library.bbt.json');
const FILES = { 'Zotero/library.json': JSON_EXPORT };
const notesIn = (app: App) => Object.keys(app.vault.snapshot()).filter((p) => p.startsWith('Literature/'));

describe.each<SettingsRenderer>(['1.13', 'legacy'])('the "Collections to sync" row (%s rendering)', (renderer) => {
  it('says how many papers are in scope as names are typed, names the unknown ones, and saves one name per line', async () => {
    const { row, type, settings } = await openTabWith(renderer, FILES, { exportPath: 'Zotero/library.json' });
    const scope = row('Collections to sync');
    await jest.advanceTimersByTimeAsync(0);
    expect(scope.desc).toContain('The whole library: 242 papers.');

    await type('Collections to sync', 'Methodology\n  Courses/Multivariate\n\nThesis, chapter 2');
    expect(settings().syncCollections).toEqual(['Methodology', 'Courses/Multivariate', 'Thesis, chapter 2']);
    expect(scope.desc).toContain('In scope: 68 of 242 papers, in "Courses/Multivariate", "Methodology".');
    expect(scope.desc).toContain('"Thesis, chapter 2" is not a collection of library.json, so only "Courses/Multivariate", "Methodology" are synced');

    await type('Collections to sync', 'Thesis');
    expect(scope.desc).toContain('The collection to sync, "Thesis", is not in library.json (its collections include Adjunct, APA, Courses');
    expect(scope.desc).toContain('syncing stops until one is.');
    expect(scope.control(TextAreaComponent).getValue()).toBe('Thesis');
  });

  it('says it checks once the export can be read when no export file is set', async () => {
    const { row } = await openTabWith(renderer, FILES, { exportPath: '', syncCollections: ['Methodology'] });
    await jest.advanceTimersByTimeAsync(0);
    expect(row('Collections to sync').desc).toContain('Checked once the export file can be read.');
  });
});

describe('a plugin sync limited to collections', () => {
  it('creates the notes of the collections only, says so, and refuses when no name is a collection of the export', async () => {
    const made = await startedWith(FILES, { exportPath: 'Zotero/library.json', syncCollections: ['Methodology'] });
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(notesIn(made.app)).toHaveLength(58);
    expect(allNoticeMessages().at(-1)).toBe(
      'Library synced (58 of 242 papers, in "Methodology"): 58 created, 0 updated, 0 unchanged, 0 conflicts, 0 errors.\n2 standalone attachments skipped: only regular Zotero items become papers',
    );

    await made.plugin.settingsStore.update({ syncCollections: ['Thesis'] });
    made.app.vault.resetWrites();
    made.plugin.mock.ribbonIcons[0].el.click();
    await flush();
    expect(made.app.vault.writes).toEqual([]);
    expect(allNoticeMessages().at(-1)).toContain('The collection to sync, "Thesis", is not in library.json');
    expect(notesIn(made.app)).toHaveLength(58);
  });
});
