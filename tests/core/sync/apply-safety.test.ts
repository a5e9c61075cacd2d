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
