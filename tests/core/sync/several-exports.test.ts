/**
 * Several exports (a personal library and a group library): one sync over them all, a citekey in two of them
 * synced from the first and reported, papers moving between them not flagged, one bad export not stopping the
 * others (its notes left exactly as they were), and the no-op rule over the set of exports.
 */
import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { collisionWarnings, exportKeys } from '../../../src/core/sync/several-exports';
import { syncExport, type SyncExportInput } from '../../../src/core/sync/sync-export';
import { parseSyncState, parseSyncStateHead, serializeSyncState } from '../../../src/core/sync/sync-state-text';
import type { SyncExportSource } from '../../../src/core/sync/several-exports';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { MemoryStateFile, MemoryStateStore, settings } from './sync-support';

function entry(key: string, title: string): string {
  return `@article{${key},\n  title = {${title}},\n  author = {Yin, Shukang},\n  date = {2024},\n}\n\n`;
}
const bib = (papers: Record<string, string>) => Object.entries(papers).map(([k, t]) => entry(k, t)).join('');
const csl = (papers: Record<string, string>) => JSON.stringify(Object.entries(papers).map(([id, title]) => ({ id, type: 'article-journal', title, issued: { 'date-parts': [[2023]] } })));

const PERSONAL = { smith2020: 'Personal: Smith', lee2021: 'Personal: Lee', kim2022: 'Personal: Kim' };
const GROUP = { smith2020: 'Group: a different Smith', wong2019: 'Group: Wong', chen2018: 'Group: Chen' };

function setup(file = new MemoryStateFile(), vault = new InMemoryVault()) {
  const store = new MemoryStateStore(file);
  const run = (exports: SyncExportSource[], extra: Partial<SyncExportInput> = {}) =>
    syncExport({ exports, vault, store, settings: settings(), now: new Date(2025, 9, 1), language: 'en', ...extra });
  return { vault, store, file, run };
}
const personal = (papers: Record<string, string> = PERSONAL): SyncExportSource => ({ name: '/home/me/Zotero/personal.bib', content: bib(papers) });
const group = (papers: Record<string, string> = GROUP): SyncExportSource => ({ name: 'Zotero/group.json', content: csl(papers) });

describe('several exports', () => {
  it('syncs both, each in its own format, and records per note which export it came from', async () => {
    const { vault, file, run } = setup();
    const outcome = await run([personal(), group()]);
    expect(outcome.report.created.sort()).toEqual(['Literature/chen2018.md', 'Literature/kim2022.md', 'Literature/lee2021.md', 'Literature/smith2020.md', 'Literature/wong2019.md']);
    expect(outcome.exports?.map((e) => [e.key, e.status, e.format, e.paperCount])).toEqual([
      ['personal.bib', 'synced', 'biblatex', 3],
      ['group.json', 'synced', 'csl-json', 3],
    ]);
    const state = parseSyncState(file.text)!;
    expect(state.notes.wong2019.export).toBe('group.json');
    expect(state.notes.lee2021.export).toBe('personal.bib');
    expect(state.exports?.map((r) => [r.key, r.paperCount, r.clean])).toEqual([['personal.bib', 3, true], ['group.json', 3, true]]);
    expect(await vault.read('Literature/wong2019.md')).toContain('Group: Wong');
  });

  it('syncs a citekey in both from the first export, and names both files in the warning; the second paper is written nowhere', async () => {
    const { vault, file, run } = setup();
    const outcome = await run([personal(), group()]);
    expect(await vault.read('Literature/smith2020.md')).toContain('Personal: Smith');
    const all = (await vault.list('', '.md')).map((p) => vault.read(p));
    expect((await Promise.all(all)).some((t) => t?.includes('a different Smith'))).toBe(false);
    expect(outcome.warnings).toContain(
      'citekey smith2020 is in both /home/me/Zotero/personal.bib and Zotero/group.json: synced from /home/me/Zotero/personal.bib; the entry in Zotero/group.json was left out. Give it another citation key in Better BibTeX to sync both.',
    );
    expect(parseSyncState(file.text)!.notes.smith2020.export).toBe('personal.bib');
    // Listed the other way round, the group's paper is first, but the note keeps the paper it was made from.
    const swapped = await run([group({ ...GROUP, wong2019: 'Group: Wong, revised' }), personal({ ...PERSONAL, kim2022: 'Personal: Kim, revised' })]);
    expect(swapped.report.updated.sort()).toEqual(['Literature/kim2022.md', 'Literature/wong2019.md']);
    expect(await vault.read('Literature/smith2020.md')).toContain('Personal: Smith');
    expect(swapped.warnings.join('\n')).toMatch(/smith2020 is in both \/home\/me\/Zotero\/personal\.bib and Zotero\/group\.json: synced from \/home\/me\/Zotero\/personal\.bib/);
  });

  it('does not flag a paper that moved from one export to the other, and records its new export', async () => {
    const { vault, file, run } = setup();
    // The group as a .bib too, so that the paper reads the same from either export.
    const groupBib = (papers: Record<string, string>): SyncExportSource => ({ name: 'Zotero/group.bib', content: bib(papers) });
    await run([personal(), groupBib(GROUP)]);
    const before = await vault.read('Literature/lee2021.md');
    const { lee2021, ...rest } = PERSONAL;
    const outcome = await run([personal(rest), groupBib({ ...GROUP, lee2021 })]);
    expect(outcome.report.flagged).toEqual([]);
    expect(await vault.read('Literature/lee2021.md')).toBe(before); // same paper, same note
    expect(parseSyncState(file.text)!.notes.lee2021.export).toBe('group.bib');
    // Gone from both: now it is flagged (never deleted).
    const gone = await run([personal(rest), groupBib(GROUP)]);
    expect(gone.report.flagged).toEqual(['Literature/lee2021.md']);
    expect(await vault.exists('Literature/lee2021.md')).toBe(true);
  });

  it('syncs the good export when the other is half written, says which file, and leaves the bad one\'s notes exactly as they were', async () => {
    const { vault, run } = setup();
    await run([personal(), group()]);
    const groupNotes = ['Literature/wong2019.md', 'Literature/chen2018.md'];
    const before = await Promise.all(groupNotes.map((p) => vault.read(p)));
    vault.resetWrites();
    const halfWritten = { name: 'Zotero/group.json', content: csl(GROUP).slice(0, 60) };
    const outcome = await run([personal({ ...PERSONAL, kim2022: 'Personal: Kim, revised' }), halfWritten]);
    expect(outcome.report.updated).toEqual(['Literature/kim2022.md']);
    expect(outcome.report.flagged).toEqual([]);
    expect(outcome.report.errors).toEqual([
      { citekey: null, path: null, export: 'Zotero/group.json', message: expect.stringMatching(/^Zotero\/group\.json: .*\. Its papers' notes were left as they are\.$/) as string },
    ]);
    expect(outcome.exports?.[1]).toMatchObject({ status: 'failed', key: 'group.json' });
    expect(await Promise.all(groupNotes.map((p) => vault.read(p)))).toEqual(before);
    expect(vault.writes.filter((w) => groupNotes.includes(w))).toEqual([]);
  });

  it('checks each export for shrinking against its own last sync', async () => {
    const { vault, run } = setup();
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`g${i}`, `Group paper ${i}`]));
    await run([personal(), group(many)]);
    vault.resetWrites();
    const outcome = await run([personal({ ...PERSONAL, lee2021: 'Personal: Lee, revised' }), group({ g0: 'Group paper 0' })]);
    expect(outcome.report.updated).toEqual(['Literature/lee2021.md']);
    expect(outcome.report.flagged).toEqual([]);
    expect(outcome.report.errors[0].message).toMatch(/^Zotero\/group\.json: The export holds 1 papers, far fewer than the 10 of the last sync/);
  });

  it('stops with the error of the first export when none can be read, touching nothing', async () => {
    const { vault, file, run } = setup();
    await run([personal(), group()]);
    const state = file.text;
    vault.resetWrites();
    const broken = [{ name: 'a.bib', content: '' }, { name: 'b.json', content: '[{"id": "x"' }];
    await expect(run(broken)).rejects.toThrow(SyncAbortedError);
    await expect(run(broken)).rejects.toMatchObject({ reason: 'empty' });
    expect(vault.writes).toEqual([]);
    expect(file.text).toBe(state);
  });

  it('writes nothing when the set of exports is unchanged, and reads only the export that changed', async () => {
    const { vault, store, file, run } = setup();
    await run([personal(), group()]);
    vault.resetWrites();
    const saves = store.saves;
    const again = await run([personal(), group()]);
    expect(again).toMatchObject({ skipped: true, plan: null });
    expect(again.report.unchanged).toBe(5); // smith2020, in both, counted once
    expect(vault.writes).toEqual([]);
    expect(store.saves).toBe(saves);
    // An unrelated note defeats the head check: the state is read, still nothing is written.
    await vault.write('Literature/my own note.md', 'mine');
    vault.resetWrites();
    expect((await run([personal(), group()])).skipped).toBe(true);
    expect(vault.writes).toEqual([]);
    // Only the group changed: the personal export is not even read.
    const read = jest.fn(() => Promise.reject(new Error('should not be read')));
    const changed = await run([{ name: '/home/me/Zotero/personal.bib', hash: parseSyncState(file.text)!.exports![0].exportHash, read }, group({ ...GROUP, chen2018: 'Group: Chen, 2nd edition' })]);
    expect(read).not.toHaveBeenCalled();
    expect(changed.exports?.map((e) => e.status)).toEqual(['unchanged', 'synced']);
    expect(changed.report.updated).toEqual(['Literature/chen2018.md']);
    expect(changed.report.unchanged).toBe(4); // wong2019, and the 3 papers of the personal export left unread (smith2020 among them)
    expect(changed.report.flagged).toEqual([]);
  });

  it('imports one paper from whichever export holds it', async () => {
    const { vault, run } = setup();
    const imported = await run([personal(), group()], { only: ['wong2019'] });
    expect(imported.report.created).toEqual(['Literature/wong2019.md']);
    expect(await vault.read('Literature/wong2019.md')).toContain('Group: Wong');
    const missing = await run([personal(), { name: 'b.json', content: '' }], { only: ['nobody2000'] });
    expect(missing.report.errors.at(-1)).toEqual({ citekey: 'nobody2000', path: null, message: 'not in the export (b.json could not be read)' });
  });

  it('goes from one export to two without flagging or rewriting a note', async () => {
    const { vault, file, run } = setup();
    await run([personal()]);
    expect(parseSyncStateHead(file.text)?.exports).toBeUndefined(); // one export: the state as before
    expect(parseSyncState(file.text)!.notes.kim2022.export).toBe('personal.bib');
    vault.resetWrites();
    const outcome = await run([personal(), group()]);
    expect(outcome.report.flagged).toEqual([]);
    expect(outcome.report.created.sort()).toEqual(['Literature/chen2018.md', 'Literature/wong2019.md']);
    expect(vault.writes.sort()).toEqual(['Literature/chen2018.md', 'Literature/wong2019.md']);
    // And back to one: the group's papers are flagged, the personal ones untouched.
    vault.resetWrites();
    const back = await run([personal()]);
    expect(back.report.flagged.sort()).toEqual(['Literature/chen2018.md', 'Literature/wong2019.md']);
    expect(parseSyncStateHead(file.text)?.exports).toBeUndefined();
  });
});

describe('several exports on two devices', () => {
  it('skips an automatic sync of exports another device synced, and syncs only the export that changed since', async () => {
    const file = new MemoryStateFile();
    const a = setup(file);
    await a.run([personal(), group()], { device: 'desktop-a', automatic: true });
    const b = setup(file);
    const skipped = await b.run([personal(), group()], { device: 'laptop-b', automatic: true });
    expect(skipped).toMatchObject({ skipped: true, syncedElsewhere: true });
    expect(b.vault.writes).toEqual([]);
    // The group changed on B's side: B syncs it, and leaves the personal export (A's notes are on their way).
    const changed = await b.run([personal(), group({ ...GROUP, chen2018: 'Group: Chen, revised' })], { device: 'laptop-b', automatic: true });
    expect(changed.exports?.map((e) => e.status)).toEqual(['elsewhere', 'synced']);
    expect(changed.report.created.sort()).toEqual(['Literature/chen2018.md', 'Literature/wong2019.md']);
    expect(changed.report.flagged).toEqual([]);
    expect(b.vault.writes.some((w) => w.includes('kim2022') || w.includes('smith2020'))).toBe(false);
  });
});

describe('export keys and collision warnings', () => {
  it('names an export by its file name, by its whole path when two share one', () => {
    expect(exportKeys(['/home/me/Zotero/My Library.bib', 'Zotero/group.json'])).toEqual(['My Library.bib', 'group.json']);
    expect(exportKeys(['C:\\Users\\me\\a\\library.bib', 'Zotero/Library.bib', 'x.yaml'])).toEqual(['C:\\Users\\me\\a\\library.bib', 'Zotero/Library.bib', 'x.yaml']);
  });

  it('groups the citekeys of a pair of exports in one warning', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ citekey: `k${i}`, kept: 'a.bib', left: 'b.json' }));
    expect(collisionWarnings(many)).toEqual([
      '12 citekeys are in both a.bib and b.json (k0, k1, k2, k3, k4, k5, k6, k7, k8, k9 and 2 more): synced from a.bib; the entries in b.json were left out. Give them another citation key in Better BibTeX to sync both.',
    ]);
  });
});

describe('several exports after a state of one (no export recorded per note)', () => {
  it('leaves a note alone while an export it may come from could not be read', async () => {
    const { vault, file, run } = setup();
    await run([{ name: 'Zotero/group.json', content: csl(GROUP) }]);
    // A state written before notes recorded their export.
    const state = parseSyncState(file.text)!;
    for (const note of Object.values(state.notes)) delete note.export;
    file.text = serializeSyncState(state);
    const before = await vault.read('Literature/smith2020.md');
    vault.resetWrites();
    // The group export, listed second now, is half written; the personal one also has smith2020.
    const outcome = await run([personal(), { name: 'Zotero/group.json', content: csl(GROUP).slice(0, 50) }]);
    expect(await vault.read('Literature/smith2020.md')).toBe(before); // not swapped for the personal paper
    expect(outcome.report.flagged).toEqual([]);
    expect(outcome.report.created.sort()).toEqual(['Literature/kim2022.md', 'Literature/lee2021.md']);
    expect(vault.writes.filter((w) => w.startsWith('Literature/')).sort()).toEqual(['Literature/kim2022.md', 'Literature/lee2021.md']);
  });
});
