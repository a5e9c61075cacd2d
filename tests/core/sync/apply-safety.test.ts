/**
 * Applying a plan to notes that resist: read-only notes are skipped and reported, a note another program keeps
 * changing is reported as an error; both are planned again by the next sync.
 */
import type { Paper } from '../../../src/core/library/paper';
import { applySync } from '../../../src/core/sync/apply-sync';
import { planSync } from '../../../src/core/sync/plan-sync';
import type { SyncReport } from '../../../src/core/sync/sync-plan';
import { readFrontMatterValue } from '../../../src/core/text/front-matter-text';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { FileKeptChangingError } from '../../../src/core/vault/vault-port';
import { makePaper, MemoryStateStore, settings } from './sync-support';

const NOW = new Date(2025, 9, 1, 12, 0, 0);

async function sync(vault: InMemoryVault, store: MemoryStateStore, papers: Paper[]): Promise<SyncReport> {
  const plan = await planSync({ papers, vault, settings: settings(), state: await store.load(), now: NOW, language: 'en', exportHash: papers.map((p) => p.title).join() });
  return applySync(vault, plan, store);
}

const titled = (title: string) => [makePaper('a', { title: `${title} a` }), makePaper('b', { title: `${title} b` })];

describe('apply: notes that resist', () => {
  it('skips a read-only note, reports it, and updates it once it is writable again', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, titled('One'));
    vault.setReadOnly('Literature/a.md');
    const before = await vault.read('Literature/a.md');
    const report = await sync(vault, store, titled('Two'));
    expect(report).toMatchObject({ updated: ['Literature/b.md'], readOnly: ['Literature/a.md'], errors: [], conflicts: [] });
    expect(await vault.read('Literature/a.md')).toBe(before);
    expect(JSON.parse(store.text!).lastExport.clean).toBe(false);
    // The same export again: still read-only, still reported (not taken as done).
    expect((await sync(vault, store, titled('Two'))).readOnly).toEqual(['Literature/a.md']);
    vault.setReadOnly('Literature/a.md', false);
    const after = await sync(vault, store, titled('Two'));
    expect(after).toMatchObject({ updated: ['Literature/a.md'], readOnly: [] });
    expect(readFrontMatterValue((await vault.read('Literature/a.md'))!, 'title')).toBe('Two a');
  });

  it('takes a permission error from a backend that does not check first (Obsidian\'s) as read-only too', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, titled('One'));
    const process = vault.process.bind(vault);
    jest.spyOn(vault, 'process').mockImplementation((path, fn) =>
      path === 'Literature/a.md' ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) : process(path, fn),
    );
    expect(await sync(vault, store, titled('Two'))).toMatchObject({ updated: ['Literature/b.md'], readOnly: ['Literature/a.md'], errors: [] });
  });

  it('reports a note that kept changing as an error and plans it again next time', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, titled('One'));
    const process = vault.process.bind(vault);
    const spy = jest.spyOn(vault, 'process').mockImplementation((path, fn) => (path === 'Literature/a.md' ? Promise.reject(new FileKeptChangingError(path)) : process(path, fn)));
    const report = await sync(vault, store, titled('Two'));
    expect(report.updated).toEqual(['Literature/b.md']);
    expect(report.errors).toEqual([{ citekey: 'a', path: 'Literature/a.md', message: expect.stringContaining('kept changing') as string }]);
    spy.mockRestore();
    expect((await sync(vault, store, titled('Two'))).updated).toEqual(['Literature/a.md']);
  });
});

describe('leftovers of an interrupted create', () => {
  const withDate = (day: number) => ({ now: new Date(2025, 9, day, 12, 0, 0) });

  async function planFor(vault: InMemoryVault, store: MemoryStateStore, day = 1) {
    return planSync({ papers: titled('One'), vault, settings: settings(), state: await store.load(), language: 'en', ...withDate(day) });
  }

  it('repairs an empty note at the paper\'s own path instead of creating "b (2).md" beside it', async () => {
    const vault = new InMemoryVault({ 'Literature/b.md': '' });
    const store = new MemoryStateStore();
    const plan = await planFor(vault, store);
    expect(plan.warnings).toEqual(['Literature/b.md was empty (left by an interrupted sync): written again in full']);
    const report = await applySync(vault, plan, store);
    expect(report.created.sort()).toEqual(['Literature/a.md', 'Literature/b.md']);
    expect(Object.keys(vault.snapshot())).toEqual(['Literature/a.md', 'Literature/b.md']);
    expect(readFrontMatterValue((await vault.read('Literature/b.md'))!, 'title')).toBe('One b');
  });

  it('repairs a note cut short by a crash, though it was written on another day', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    const earlier = await planFor(vault, new MemoryStateStore(), 1);
    const full = earlier.actions.find((a) => a.citekey === 'b' && a.kind === 'create') as { text: string };
    await vault.write('Literature/b.md', full.text.slice(0, full.text.indexOf('citekey:') + 5));
    const report = await applySync(vault, await planFor(vault, store, 2), store);
    expect(report.created.sort()).toEqual(['Literature/a.md', 'Literature/b.md']);
    expect(await vault.read('Literature/b.md')).toContain('date: 2025-10-02 12:00:00\n');
    expect(await vault.read('Literature/b.md')).toContain('%% zcn:end summary %%');
  });

  it('repairs an empty note left under a numbered name (the paper\'s name was taken), not making another', async () => {
    const vault = new InMemoryVault({ 'Literature/a.md': 'My own note on paper a.\n', 'Literature/a (2).md': '' });
    const store = new MemoryStateStore();
    const report = await applySync(vault, await planFor(vault, store), store);
    expect(report.created.sort()).toEqual(['Literature/a (2).md', 'Literature/b.md']);
    expect(Object.keys(vault.snapshot())).toEqual(['Literature/a (2).md', 'Literature/a.md', 'Literature/b.md']);
    expect(await vault.read('Literature/a.md')).toBe('My own note on paper a.\n');
  });

  it('finds a leftover whatever the case of its name (a Mac or Windows file system keeps one file for both)', async () => {
    const vault = new InMemoryVault({ 'Literature/B.md': '', 'Literature/A (2).md': '', 'Literature/a.md': 'My own note on paper a.\n' });
    const store = new MemoryStateStore();
    const report = await applySync(vault, await planFor(vault, store), store);
    expect(report.created.sort()).toEqual(['Literature/A (2).md', 'Literature/B.md']);
    expect(Object.keys(vault.snapshot())).toEqual(['Literature/A (2).md', 'Literature/B.md', 'Literature/a.md']);
  });

  it('never repairs a file with anything of the user\'s in it, nor one that changed since the plan', async () => {
    const vault = new InMemoryVault({ 'Literature/a.md': 'My own note on paper a.\n', 'Literature/b.md': '' });
    const store = new MemoryStateStore();
    const plan = await planFor(vault, store);
    await vault.write('Literature/b.md', 'Typed just now.\n');
    const report = await applySync(vault, plan, store);
    expect(report.created).toEqual(['Literature/a (2).md']);
    expect(report.errors).toEqual([{ citekey: 'b', path: 'Literature/b.md', message: 'the file at this path changed since the sync was planned; not overwritten' }]);
    expect(await vault.read('Literature/a.md')).toBe('My own note on paper a.\n');
    expect(await vault.read('Literature/b.md')).toBe('Typed just now.\n');
  });
});
