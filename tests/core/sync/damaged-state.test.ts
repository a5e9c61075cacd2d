/**
 * A damaged sync state (cut, or not valid JSON) is said, never taken silently for "no state": the previous good
 * copy stands in when there is one, else the shrink guard counts the literature notes in the vault. The guard's
 * baseline is never lowered by an export with unreadable entries.
 */
import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { syncExport } from '../../../src/core/sync/sync-export';
import { VaultSyncStateStore } from '../../../src/core/sync/vault-state-store';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { settings } from './sync-support';

const STATE = 'state/sync-state.json';
const BACKUP = 'state/sync-state.backup.json';

function entry(key: string, title: string): string {
  return `@article{${key},\n  title = {${title}},\n  author = {Yin, Shukang},\n  date = {2024},\n}\n\n`;
}

const bib = (n: number, title = 'Paper') => Array.from({ length: n }, (_, i) => entry(`key${i}`, `${title} ${i}`)).join('');

function setup() {
  const vault = new InMemoryVault();
  const run = (exportText: string, day = 1) =>
    syncExport({ exportText, vault, store: new VaultSyncStateStore(vault, STATE, BACKUP), settings: settings(), now: new Date(2025, 9, day), language: 'en' });
  return { vault, run };
}

async function refusal(p: Promise<unknown>): Promise<SyncAbortedError | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof SyncAbortedError) return e;
    throw e;
  }
}

describe('a damaged sync state', () => {
  it('keeps a copy of the last state it wrote beside it, written before the state itself', async () => {
    const { vault, run } = setup();
    await run(bib(3));
    expect(await vault.read(BACKUP)).toBe(await vault.read(STATE));
    vault.resetWrites();
    await run(bib(3, 'Revised'));
    expect(await vault.read(BACKUP)).toBe(await vault.read(STATE));
    expect(vault.writes.slice(-2)).toEqual([BACKUP, STATE]);
  });

  it('uses the backup for a cut state, says so, and writes a good state again', async () => {
    const { vault, run } = setup();
    await run(bib(3));
    await run(bib(3, 'Revised'));
    const good = (await vault.read(STATE))!;
    await vault.write(STATE, good.slice(0, good.length / 2)); // a crash or a file sync cut it
    // Paper 1 changes again: the backup knows what the last sync wrote, so this is no false conflict.
    const outcome = await run(bib(3, 'Revised').replace('Revised 1', 'Revised again 1'), 2);
    expect(outcome.stateDamage).toEqual({ usedBackup: true });
    expect(outcome.warnings[0]).toMatch(/^The sync state file was damaged \(cut, or not valid JSON\): its previous good copy was used/);
    expect(outcome.report).toMatchObject({ updated: ['Literature/key1.md'], conflicts: [], errors: [] });
    expect(JSON.parse((await vault.read(STATE))!)).toMatchObject({ version: 1, lastExport: { paperCount: 3 } });
    expect(await vault.read(BACKUP)).toBe(await vault.read(STATE));
  });

  it('is not skipped as unchanged even when its first line (the head) survived the cut', async () => {
    const { vault, run } = setup();
    await run(bib(3));
    const good = (await vault.read(STATE))!;
    await vault.write(STATE, good.slice(0, good.indexOf('\n') + 20));
    const outcome = await run(bib(3), 2);
    expect(outcome.skipped).toBe(false);
    expect(outcome.stateDamage).not.toBeNull();
  });

  it('without a good copy, checks a shrunken export against the literature notes in the vault', async () => {
    const { vault, run } = setup();
    await run(bib(10));
    await vault.write(STATE, '{"version":1,"renderKey":"x","notes":{ not json');
    await vault.write(BACKUP, '');
    const refused = await refusal(run(bib(3), 2));
    expect(refused?.reason).toBe('too-few-papers');
    expect(refused?.message).toContain('far fewer than the 10 of the last sync');
    // An export as large as the vault's notes goes through, and says how it was checked.
    const outcome = await run(bib(10), 3);
    expect(outcome.stateDamage).toEqual({ usedBackup: false });
    expect(outcome.warnings[0]).toContain('checked against the 10 literature notes in the vault');
    expect(outcome.report.errors).toEqual([]);
  });

  it('never lowers the shrink baseline from an export with unreadable entries', async () => {
    const { vault, run } = setup();
    await run(bib(10));
    // Seven papers and two entries that could not be read: accepted (70%), but no new baseline of 7.
    const partial = bib(7) + '@article{broken1,\n  just garbage\n}\n\n@article{broken2,\n  just garbage\n}\n\n' + entry('last', 'Last');
    const outcome = await run(partial, 2);
    expect(outcome.library?.errors.length).toBeGreaterThan(0);
    expect(JSON.parse((await vault.read(STATE))!).lastExport.paperCount).toBe(10);
    expect((await refusal(run(bib(4), 3)))?.reason).toBe('too-few-papers');
  });
});
