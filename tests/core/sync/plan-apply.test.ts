import type { Paper } from '../../../src/core/library/paper';
import { applySync } from '../../../src/core/sync/apply-sync';
import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { readFrontMatterValue } from '../../../src/core/text/front-matter-text';
import { planSync, type PlanSyncInput } from '../../../src/core/sync/plan-sync';
import type { SyncReport } from '../../../src/core/sync/sync-plan';
import { compileTemplate, TemplateError } from '../../../src/core/notes/template';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { makePaper, MemoryStateStore, settings } from './sync-support';

const NOW = new Date(2025, 9, 1, 12, 0, 0);

async function sync(vault: InMemoryVault, store: MemoryStateStore, papers: Paper[], extra: Partial<PlanSyncInput> = {}): Promise<SyncReport> {
  const plan = await planSync({ papers, vault, settings: settings(), state: await store.load(), now: NOW, language: 'en', ...extra });
  return applySync(vault, plan, store);
}

const library = (n: number) => Array.from({ length: n }, (_, i) => makePaper(`key${i}`));

describe('planSync + applySync', () => {
  it('creates one note per paper, then a second sync with the same export writes nothing at all', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    const first = await sync(vault, store, library(3));
    expect(first.created).toEqual(['Literature/key0.md', 'Literature/key1.md', 'Literature/key2.md']);
    expect(store.saves).toBe(1);
    vault.resetWrites();
    const second = await sync(vault, store, library(3));
    expect(vault.writes).toEqual([]);
    expect(store.saves).toBe(1);
    expect(second).toMatchObject({ created: [], updated: [], unchanged: 3, conflicts: [], errors: [], flagged: [] });
  });

  it('writes exactly one note when one paper changed', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, library(5));
    vault.resetWrites();
    const papers = library(5);
    papers[3] = makePaper('key3', { title: 'A corrected title' });
    const report = await sync(vault, store, papers);
    expect(vault.writes).toEqual(['Literature/key3.md']);
    expect(report.updated).toEqual(['Literature/key3.md']);
    expect(report.unchanged).toBe(4);
    expect(readFrontMatterValue((await vault.read('Literature/key3.md'))!, 'title')).toBe('A corrected title');
  });

  it('does not bump the import date of an updated note', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, [makePaper('a')]);
    const plan = await planSync({ papers: [makePaper('a', { title: 'B' })], vault, settings: settings(), state: await store.load(), now: new Date(2026, 0, 1), language: 'en' });
    await applySync(vault, plan, store);
    expect(readFrontMatterValue((await vault.read('Literature/a.md'))!, 'date')).toBe('2025-10-01 12:00:00');
  });

  it('finds a renamed or moved note by its citekey and updates it where it is, without a duplicate', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, [makePaper('a'), makePaper('b')]);
    const a = (await vault.read('Literature/a.md'))!;
    const b = (await vault.read('Literature/b.md'))!;
    const moved = new InMemoryVault({ 'Literature/Sub/My name for a.md': a, 'Elsewhere/b renamed.md': b });
    const report = await sync(moved, store, [makePaper('a', { title: 'New A' }), makePaper('b', { title: 'New B' })]);
    expect(report.updated.sort()).toEqual(['Elsewhere/b renamed.md', 'Literature/Sub/My name for a.md']);
    expect(report.created).toEqual([]);
    expect(Object.keys(moved.snapshot())).toEqual(['Elsewhere/b renamed.md', 'Literature/Sub/My name for a.md']);
    // The state follows the note: the next sync of an unchanged export writes nothing.
    moved.resetWrites();
    await sync(moved, store, [makePaper('a', { title: 'New A' }), makePaper('b', { title: 'New B' })]);
    expect(moved.writes).toEqual([]);
  });

  it('finds notes by citekey without any state (state lost) and never duplicates them', async () => {
    const vault = new InMemoryVault();
    await sync(vault, new MemoryStateStore(), [makePaper('a')]);
    const fresh = new MemoryStateStore();
    vault.resetWrites();
    const report = await sync(vault, fresh, [makePaper('a')]);
    expect(report).toMatchObject({ created: [], updated: [], unchanged: 1, conflicts: [] });
    expect(vault.writes).toEqual([]);
  });

  it('gives citekeys that collide case-insensitively distinct files, and never overwrites a file it does not own', async () => {
    const vault = new InMemoryVault({ 'Literature/smith2020.md': 'My own note about Smith, no front matter.\n' });
    const store = new MemoryStateStore();
    const report = await sync(vault, store, [makePaper('Smith2020'), makePaper('smith2020')]);
    expect(report.created.sort()).toEqual(['Literature/Smith2020 (2).md', 'Literature/smith2020 (3).md']);
    expect(await vault.read('Literature/smith2020.md')).toBe('My own note about Smith, no front matter.\n');
    expect(readFrontMatterValue((await vault.read('Literature/Smith2020 (2).md'))!, 'citekey')).toBe('Smith2020');
    expect(readFrontMatterValue((await vault.read('Literature/smith2020 (3).md'))!, 'citekey')).toBe('smith2020');
    vault.resetWrites();
    await sync(vault, store, [makePaper('Smith2020'), makePaper('smith2020')]);
    expect(vault.writes).toEqual([]);
  });

  it('flags the note of a paper that left the export, never deletes it, and unflags it when the paper returns', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, library(4));
    const original = (await vault.read('Literature/key2.md'))!;
    const gone = library(4).filter((p) => p.citekey !== 'key2');
    const r1 = await sync(vault, store, gone);
    expect(r1.flagged).toEqual(['Literature/key2.md']);
    const flagged = (await vault.read('Literature/key2.md'))!;
    expect(readFrontMatterValue(flagged, 'zotero-removed')).toBe('2025-10-01');
    expect(flagged.replace('zotero-removed: "2025-10-01"\n', '')).toBe(original);
    vault.resetWrites();
    const r2 = await sync(vault, store, gone);
    expect(vault.writes).toEqual([]);
    expect(r2.flagged).toEqual([]);
    const r3 = await sync(vault, store, library(4));
    expect(r3.updated).toEqual(['Literature/key2.md']);
    expect(await vault.read('Literature/key2.md')).toBe(original);
  });

  it('recreates a note the user deleted while its paper is still in the export', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, library(2));
    const deleted = new InMemoryVault({ 'Literature/key0.md': (await vault.read('Literature/key0.md'))! });
    const report = await sync(deleted, store, library(2));
    expect(report.created).toEqual(['Literature/key1.md']);
  });

  it('refuses an export with no papers, or far fewer than last time, without touching the vault', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, library(10));
    const before = vault.snapshot();
    vault.resetWrites();
    await expect(sync(vault, store, [])).rejects.toMatchObject({ name: 'SyncAbortedError', reason: 'empty' });
    await expect(sync(vault, store, library(4))).rejects.toMatchObject({ reason: 'too-few-papers' });
    await expect(sync(vault, store, library(4))).rejects.toBeInstanceOf(SyncAbortedError);
    expect(vault.writes).toEqual([]);
    expect(vault.snapshot()).toEqual(before);
    // At the ratio (5 of 10 with 0.5) the sync goes on, flagging the five missing papers.
    const report = await sync(vault, store, library(5));
    expect(report.flagged).toHaveLength(5);
    // With the check disabled, only the empty export is refused.
    await expect(sync(vault, store, [], { settings: settings({ minExportRatio: 0 }) })).rejects.toMatchObject({ reason: 'empty' });
  });

  it('syncs the first of duplicate citekeys and reports the second', async () => {
    const vault = new InMemoryVault();
    const report = await sync(vault, new MemoryStateStore(), [makePaper('dup', { title: 'First' }), makePaper('dup', { title: 'Second' })]);
    expect(report.created).toEqual(['Literature/dup.md']);
    expect(report.errors).toEqual([{ citekey: 'dup', path: null, message: 'duplicate citekey in the export: only its first entry is synced' }]);
    expect(readFrontMatterValue((await vault.read('Literature/dup.md'))!, 'title')).toBe('First');
  });

  it('reports a hand-edited region as a conflict and keeps it on every later sync', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, [makePaper('a')]);
    await vault.process('Literature/a.md', (t) => t.replace('Abstract of a.', 'My rewrite of the abstract.'));
    const r1 = await sync(vault, store, [makePaper('a', { abstract: 'Corrected abstract.' })]);
    expect(r1.conflicts).toEqual(['Literature/a.md']);
    expect(r1.conflictDetails[0].reasons).toEqual(['region "summary" was edited by hand: kept']);
    expect(await vault.read('Literature/a.md')).toContain('My rewrite of the abstract.');
    const r2 = await sync(vault, store, [makePaper('a', { abstract: 'Corrected again.' })]);
    expect(r2.conflicts).toEqual(['Literature/a.md']);
    expect(await vault.read('Literature/a.md')).toContain('My rewrite of the abstract.');
  });

  it('passes each note it renders through the linker: new notes and changed papers, not unchanged ones', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    const seen: string[] = [];
    const linker = (text: string, path: string) => {
      seen.push(path);
      return text.replace('Abstract of', '[[Abstract]] of');
    };
    await sync(vault, store, [makePaper('a'), makePaper('b')], { linker });
    expect(seen.sort()).toEqual(['Literature/a.md', 'Literature/b.md']);
    expect(await vault.read('Literature/a.md')).toContain('[[Abstract]] of a.');
    seen.length = 0;
    const r = await sync(vault, store, [makePaper('a', { title: 'Changed' }), makePaper('b')], { linker });
    expect(seen).toEqual(['Literature/a.md']);
    expect(r.conflicts).toEqual([]);
    // The linked summary is what the sync wrote: not a hand edit, and the same text again.
    expect(await vault.read('Literature/a.md')).toContain('[[Abstract]] of a.');
    expect(await vault.read('Literature/a.md')).toContain('# Changed');
  });

  it('writes the note unlinked, with a warning, when the linker fails', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, [makePaper('a')]);
    const linker = () => {
      throw new Error('index unreadable');
    };
    const plan = await planSync({ papers: [makePaper('a', { title: 'Changed' })], vault, settings: settings(), state: await store.load(), now: NOW, language: 'en', linker });
    expect(plan.warnings).toEqual(['concept links were not added to Literature/a.md: index unreadable']);
    const r = await applySync(vault, plan, store);
    expect(r.updated).toEqual(['Literature/a.md']);
    expect(await vault.read('Literature/a.md')).toContain('# Changed');
  });

  it('stops before writing anything when the template fails', async () => {
    const vault = new InMemoryVault();
    const template = compileTemplate('# {{titel}}\n', 'Templates/paper.md');
    await expect(sync(vault, new MemoryStateStore(), library(3), { template })).rejects.toBeInstanceOf(TemplateError);
    expect(vault.writes).toEqual([]);
  });

  it('pauses after every paper when asked (the plugin\'s time slicer decides there whether to yield) and reports progress', async () => {
    const vault = new InMemoryVault();
    let pauses = 0;
    const pause = () => {
      pauses++;
      return undefined;
    };
    const progress: number[] = [];
    const plan = await planSync({ papers: library(120), vault, settings: settings(), state: null, now: NOW, language: 'en', pause });
    // Looked up, read and rendered, named, looked for among the leftovers of an interrupted sync, then given a path
    // and linked: each step pauses per paper.
    expect(pauses).toBe(600);
    await applySync(vault, plan, new MemoryStateStore(), { pause, onProgress: (done, total) => progress.push(done / total) });
    expect(pauses).toBe(720);
    expect(progress).toHaveLength(120);
    expect(progress[119]).toBe(1);
  });

  it('imports only the requested citekeys and flags nothing', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, library(3));
    const report = await sync(vault, store, [makePaper('key1', { title: 'T' }), makePaper('new')], { only: ['new'] });
    expect(report).toMatchObject({ created: ['Literature/new.md'], updated: [], flagged: [], unchanged: 0 });
  });
});
