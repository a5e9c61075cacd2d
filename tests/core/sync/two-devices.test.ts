/**
 * Two devices, one vault: the state records which device synced an export, and an automatic sync on another device
 * leaves that export alone (its notes arrive through the vault's sync), while a sync asked for by hand still runs.
 */
import { parseSyncState, parseSyncStateHead, serializeSyncState } from '../../../src/core/sync/sync-state-text';
import { syncExport, type SyncExportInput } from '../../../src/core/sync/sync-export';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { MemoryStateFile, MemoryStateStore, settings } from './sync-support';

function bib(titles: string[]): string {
  return titles.map((t, i) => `@article{key${i},\n  title = {${t}},\n  author = {Yin, Shukang},\n  date = {2024},\n}\n\n`).join('');
}
const EXPORT = bib(['One', 'Two', 'Three']);

/** One device: its own view of the vault, the shared state file (as a sync service copies it). */
function device(id: string | undefined, file: MemoryStateFile) {
  const vault = new InMemoryVault();
  const run = (exportText: string, extra: Partial<SyncExportInput> = {}) =>
    syncExport({ exportText, vault, store: new MemoryStateStore(file), settings: settings(), now: new Date(2025, 9, 1), language: 'en', device: id, ...extra });
  return { vault, run };
}

describe('two devices, one sync state', () => {
  it('records the device that synced the export', async () => {
    const file = new MemoryStateFile();
    await device('desktop-a', file).run(EXPORT, { automatic: true });
    expect(parseSyncStateHead(file.text)?.lastExport).toMatchObject({ paperCount: 3, device: 'desktop-a' });
  });

  it('skips an automatic sync of an export another device synced, before its notes have arrived', async () => {
    const file = new MemoryStateFile();
    await device('desktop-a', file).run(EXPORT, { automatic: true });
    const stateAfterA = file.text;
    const b = device('laptop-b', file);
    const outcome = await b.run(EXPORT, { automatic: true });
    expect(outcome).toMatchObject({ skipped: true, syncedElsewhere: true, plan: null });
    expect(outcome.report.unchanged).toBe(3);
    expect(b.vault.writes).toEqual([]);
    expect(file.text).toBe(stateAfterA);
  });

  it('still runs a sync asked for by hand, and an automatic sync of an export that changed since', async () => {
    const file = new MemoryStateFile();
    await device('desktop-a', file).run(EXPORT, { automatic: true });
    const b = device('laptop-b', file);
    expect((await b.run(EXPORT)).report.created).toHaveLength(3);
    const changed = bib(['One', 'Two (revised)', 'Three']);
    const outcome = await b.run(changed, { automatic: true });
    expect(outcome.skipped).toBe(false);
    expect(outcome.report.updated).toEqual(['Literature/key1.md']);
    expect(parseSyncStateHead(file.text)?.lastExport?.device).toBe('laptop-b');
    // …and now the first device leaves that export alone.
    expect(await device('desktop-a', file).run(changed, { automatic: true })).toMatchObject({ skipped: true, syncedElsewhere: true });
  });

  it('does not apply to the same device, nor to a state written without a device (the CLI)', async () => {
    const file = new MemoryStateFile();
    const a = device('desktop-a', file);
    await a.run(EXPORT, { automatic: true });
    expect((await a.run(EXPORT, { automatic: true })).syncedElsewhere).toBeUndefined(); // the unchanged-export path

    const cliFile = new MemoryStateFile();
    await device(undefined, cliFile).run(EXPORT);
    expect(parseSyncStateHead(cliFile.text)?.lastExport).not.toHaveProperty('device');
    const outcome = await device('desktop-a', cliFile).run(EXPORT, { automatic: true });
    expect(outcome.syncedElsewhere).toBeUndefined();
    expect(outcome.report.created).toHaveLength(3); // this device's vault has none of the notes yet
  });

  it('keeps the device through a save and a load', async () => {
    const file = new MemoryStateFile();
    await device('desktop-a', file).run(EXPORT);
    const state = parseSyncState(file.text)!;
    expect(state.lastExport?.device).toBe('desktop-a');
    expect(serializeSyncState(state)).toBe(file.text);
  });
});
