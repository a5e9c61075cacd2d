/**
 * The per-paper "unchanged" skip does not trust the state alone: a note changed since the state recorded it (by
 * another run, a second device, a restored backup) is planned again; `force` plans every note from its text.
 */
import type { Paper } from '../../../src/core/library/paper';
import { applySync } from '../../../src/core/sync/apply-sync';
import { planSync, type PlanSyncInput } from '../../../src/core/sync/plan-sync';
import type { SyncReport } from '../../../src/core/sync/sync-plan';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { makePaper, MemoryStateStore, settings } from './sync-support';

const NOW = new Date(2025, 9, 1, 12, 0, 0);

async function sync(vault: InMemoryVault, store: MemoryStateStore, papers: Paper[], extra: Partial<PlanSyncInput> = {}): Promise<SyncReport> {
  const plan = await planSync({ papers, vault, settings: settings(), state: await store.load(), now: NOW, language: 'en', ...extra });
  return applySync(vault, plan, store);
}

const papers = (title: (key: string) => string) => ['a', 'b', 'c'].map((key) => makePaper(key, { title: title(key) }));

/** Count the reads of each path from now on. */
function countReads(vault: InMemoryVault): Map<string, number> {
  const counts = new Map<string, number>();
  const read = vault.read.bind(vault);
  jest.spyOn(vault, 'read').mockImplementation((path: string) => {
    counts.set(path, (counts.get(path) ?? 0) + 1);
    return read(path);
  });
  return counts;
}

afterEach(() => jest.restoreAllMocks());

describe('the unchanged skip checks the note', () => {
  it('does not call a note "unchanged" when it changed behind the state\'s back: it is merged again', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, papers((k) => `T ${k}`));
    // Another program (a crashed editor, a sync tool) cut note a in the middle, and emptied the summary region of b.
    const a = (await vault.read('Literature/a.md'))!;
    await vault.write('Literature/a.md', a.slice(0, a.indexOf('%% zcn:end header')));
    const b = (await vault.read('Literature/b.md'))!;
    await vault.write('Literature/b.md', b.replace(/(%% zcn:begin summary %%\n)[\s\S]*?(%% zcn:end summary %%)/, '$1$2'));
    // Paper c changes, a and b do not: the state alone would call them unchanged.
    const report = await sync(vault, store, papers((k) => (k === 'c' ? 'T c2' : `T ${k}`)));
    expect(report.updated.sort()).toEqual(['Literature/b.md', 'Literature/c.md']);
    expect(report.conflicts).toEqual(['Literature/a.md']);
    expect(report.conflictDetails[0].reasons).toContain('the markers of region "header" are broken: left as is');
    expect((await vault.read('Literature/b.md'))!).toContain('Abstract of b.');
  });

  it('reads a note whose file changed once, then trusts its new stat without reading it', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, papers((k) => `T ${k}`));
    await vault.write('Literature/a.md', `${(await vault.read('Literature/a.md'))!}\nMy own line.\n`);
    const reads = countReads(vault);
    const changedC = papers((k) => (k === 'c' ? 'T c, revised' : `T ${k}`));
    const first = await sync(vault, store, changedC);
    expect(first).toMatchObject({ updated: ['Literature/c.md'], unchanged: 2, conflicts: [] });
    expect(reads.get('Literature/a.md')).toBeGreaterThan(0); // its stat moved: read, merged, nothing to change
    expect(reads.get('Literature/b.md')).toBeUndefined(); // its stat is as recorded: not even read
    reads.clear();
    const again = await sync(vault, store, papers((k) => (k === 'c' ? 'T c, again' : `T ${k}`)));
    expect(again).toMatchObject({ updated: ['Literature/c.md'], unchanged: 2 });
    expect(reads.get('Literature/a.md')).toBeUndefined();
    expect((await vault.read('Literature/a.md'))!).toContain('My own line.');
  });

  it('accepts a note whose stat moved but whose text is the same (a file sync touched it)', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, papers((k) => `T ${k}`));
    await vault.write('Literature/b.md', (await vault.read('Literature/b.md'))!);
    vault.resetWrites();
    const report = await sync(vault, store, papers((k) => (k === 'c' ? 'T c2' : `T ${k}`)));
    expect(report).toMatchObject({ updated: ['Literature/c.md'], unchanged: 2, conflicts: [] });
    expect(vault.writes).toEqual(['Literature/c.md']);
  });

  it('with force, reads and merges every note, and repairs nothing that is right', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, papers((k) => `T ${k}`));
    const reads = countReads(vault);
    vault.resetWrites();
    const report = await sync(vault, store, papers((k) => `T ${k}`), { force: true });
    expect(report.unchanged).toBe(3);
    expect([...reads.keys()].filter((p) => p.startsWith('Literature/')).sort()).toEqual(['Literature/a.md', 'Literature/b.md', 'Literature/c.md']);
    expect(vault.writes).toEqual([]);
  });

  it('records the text and stat of what it wrote, so an old state (without them) is read once', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    await sync(vault, store, papers((k) => `T ${k}`));
    const notes = JSON.parse(store.memory.text!).notes as Record<string, unknown[]>;
    expect(notes.a).toHaveLength(9);
    expect(notes.a[7]).toMatch(/^[0-9a-f]{16}$/);
    expect(notes.a[8]).toMatch(/^\d+:\d+$/);
    // A state from before: seven items per note. Every note is read and merged once, then recorded.
    store.memory.text = store.memory.text!.replace(/,"[0-9a-f]{16}","\d+:\d+"\]/g, ']');
    const reads = countReads(vault);
    const report = await sync(vault, store, papers((k) => (k === 'c' ? 'T c2' : `T ${k}`)));
    expect(report).toMatchObject({ updated: ['Literature/c.md'], unchanged: 2, conflicts: [] });
    expect(reads.get('Literature/a.md')).toBeGreaterThan(0);
    expect((JSON.parse(store.memory.text).notes as Record<string, unknown[]>).a).toHaveLength(9);
  });
});
