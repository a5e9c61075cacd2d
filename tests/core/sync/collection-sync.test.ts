/**
 * A sync limited to collections ("Collections to sync"), over a real BBT JSON export (conig/zot's library: 242
 * papers, 17 collections, "Methodology" with seven subcollections) and a real .bib with JabRef groups. The counts
 * expected were taken from the export's JSON by hand (item IDs listed under each collection and its children).
 */
import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { importPaper, syncLibrary, type LibrarySyncRequest } from '../../../src/core/sync/sync-library';
import { syncExport, type SyncExportInput } from '../../../src/core/sync/sync-export';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { readFixture } from '../../support/fixtures';
import { MemoryStateStore, settings } from './sync-support';

const CONIG = 'real/conig-zot-my-library.bbt.json';
const conig = readFixture(CONIG);
/** Papers of "Methodology" and its subcollections; of "SE"; of neither, nor any other collection. */
const SELF_EFFICACY_ONLY = 'zimmermanSelfefficacyEssentialMotive2000'; // in Methodology/Self-efficacy, not in Methodology itself
const SE_PAPER = 'bushmakerEvaluationNewHelicopter2019'; // in SE only
const ADJUNCT_PAPER = 'snookNeedsMotivationsIdentification2019'; // in Adjunct only
const UNFILED = 'rueFormativeEvaluationDeveloping2016a'; // in no collection

function setup() {
  const vault = new InMemoryVault();
  const store = new MemoryStateStore();
  const run = (syncCollections: string[], extra: Partial<SyncExportInput> = {}) =>
    syncExport({
      exportText: conig,
      exportName: `/home/me/Zotero/${CONIG.split('/')[1]}`,
      vault,
      store,
      settings: settings({ syncCollections }),
      now: new Date(2025, 9, 1),
      language: 'en',
      ...extra,
    });
  return { vault, store, run };
}

const note = (citekey: string) => `Literature/${citekey}.md`;

/** The export with some papers' titles changed (their notes would be updated by a sync that includes them). */
function withTitles(titles: Record<string, string>): string {
  const doc = JSON.parse(conig) as { items: { citationKey?: string; title?: string }[] };
  for (const [citekey, title] of Object.entries(titles)) doc.items.find((i) => i.citationKey === citekey)!.title = title;
  return JSON.stringify(doc, null, 2);
}

describe('a sync limited to collections', () => {
  it('creates the notes of the papers in the collection and its subcollections only', async () => {
    const { vault, run } = setup();
    const outcome = await run(['Methodology']);
    expect(outcome.report.created).toHaveLength(58);
    expect(outcome.report).toMatchObject({ updated: [], unchanged: 0, flagged: [], errors: [] });
    expect(outcome.scope).toEqual({ requested: ['Methodology'], matched: ['Methodology'], unknown: [], papers: 58, total: 242 });
    expect(outcome.library?.paperCount).toBe(242);
    expect(await vault.exists(note(SELF_EFFICACY_ONLY))).toBe(true);
    for (const key of [SE_PAPER, ADJUNCT_PAPER, UNFILED]) expect(await vault.exists(note(key))).toBe(false);
    expect((await vault.list('Literature', '.md')).length).toBe(58);
  });

  it('reads the scope from a .bib with JabRef groups the same way', async () => {
    const vault = new InMemoryVault();
    const run = (syncCollections: string[]) =>
      syncExport({
        exportText: readFixture('bbt/collections-jabref-groups-901.bibtex.bib'),
        vault,
        store: new MemoryStateStore(),
        settings: settings({ syncCollections }),
        now: new Date(2025, 9, 1),
        language: 'en',
        dryRun: true,
      });
    expect((await run(['Refworks'])).report.created).toHaveLength(7);
    expect((await run(['FM/0018_MarioBunge'])).report.created).toHaveLength(16);
    expect((await run(['Isa'])).report.created).toHaveLength(9);
  });

  it('leaves the note of a paper outside the scope alone, byte for byte, even when the paper changed', async () => {
    const { vault, store, run } = setup();
    await run([]); // the whole library first: every paper has a note
    const mine = `${(await vault.read(note(ADJUNCT_PAPER)))!}\nMy own thoughts on this paper.\n`;
    await vault.write(note(ADJUNCT_PAPER), mine);
    const unfiled = (await vault.read(note(UNFILED)))!;
    vault.resetWrites();
    const both = withTitles({ [ADJUNCT_PAPER]: 'A new title from Zotero', [SELF_EFFICACY_ONLY]: 'Changed too' });
    const outcome = await run(['Methodology'], { exportText: both });
    expect(outcome.report.updated).toEqual([note(SELF_EFFICACY_ONLY)]);
    expect(outcome.report).toMatchObject({ created: [], flagged: [], conflicts: [], errors: [], unchanged: 57 });
    expect(await vault.read(note(ADJUNCT_PAPER))).toBe(mine);
    expect(await vault.read(note(UNFILED))).toBe(unfiled);
    expect(vault.writes).toEqual([note(SELF_EFFICACY_ONLY)]);
    // Its record is kept as it was: once back in scope, the paper's change is merged into the note, edits kept.
    const widened = await run([], { exportText: both });
    expect(widened.report.updated).toEqual([note(ADJUNCT_PAPER)]);
    const merged = (await vault.read(note(ADJUNCT_PAPER)))!;
    expect(merged).toContain('A new title from Zotero');
    expect(merged).toContain('My own thoughts on this paper.');
    expect(store.text).not.toBeNull();
  });

  it('is a no-op for the same export and scope, and plans again when the scope changes', async () => {
    const { vault, store, run } = setup();
    await run(['Methodology']);
    vault.resetWrites();
    const saves = store.saves;
    const again = await run([' Methodology ']);
    expect(again.skipped).toBe(true);
    expect(again.report.unchanged).toBe(58); // the papers in scope, not the export's 242
    expect(vault.writes).toEqual([]);
    expect(store.saves).toBe(saves);

    const wider = await run(['Methodology', 'SE']);
    expect(wider.skipped).toBe(false);
    expect(wider.report.created).toHaveLength(8);
    expect(wider.report.unchanged).toBe(58);
    expect(await vault.exists(note(SE_PAPER))).toBe(true);
    // The same names in another order are the same scope.
    expect((await run(['SE', 'Methodology'])).skipped).toBe(true);

    const narrower = await run(['SE']);
    expect(narrower.skipped).toBe(false);
    expect(narrower.report).toMatchObject({ created: [], updated: [], flagged: [], unchanged: 8 });
    const whole = await run([]);
    expect(whole.report.created).toHaveLength(242 - 66);
    expect(whole.report.unchanged).toBe(66);
    expect(await run([])).toMatchObject({ skipped: true, report: { unchanged: 242, created: [] } });
  });

  it('warns about a name that is no collection of the export, naming the export file, and syncs the others', async () => {
    const { run } = setup();
    const outcome = await run(['Methodology', 'Methodolgy']);
    expect(outcome.report.created).toHaveLength(58);
    expect(outcome.scope?.unknown).toEqual(['Methodolgy']);
    const warning = outcome.warnings.find((w) => w.includes('"Methodolgy"'));
    expect(warning).toContain('conig-zot-my-library.bbt.json');
    expect(warning).toContain('so only "Methodology" is synced');
  });

  it('refuses to sync, writing nothing, when no requested name is a collection of the export', async () => {
    const { vault, store, run } = setup();
    const refusal = await run(['Thesis', 'Reading list']).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SyncAbortedError);
    expect((refusal as SyncAbortedError).reason).toBe('unknown-collections');
    expect((refusal as Error).message).toContain('None of the collections to sync ("Thesis", "Reading list") is in conig-zot-my-library.bbt.json');
    expect((refusal as Error).message).toContain('Adjunct');
    expect(vault.writes).toEqual([]);
    expect(store.saves).toBe(0);
  });

  it('says an export without collections cannot be synced by collection', async () => {
    const { run } = setup();
    const csl = readFixture('real/j1c-vault-my-library.csl.json');
    await expect(run(['Methodology'], { exportText: csl, exportName: 'My Library.json' })).rejects.toThrow(
      /"Methodology", is not in My Library\.json \(My Library\.json has no collections: export the library as BetterBibTeX JSON/,
    );
  });

  it('does not limit "Import paper": a paper outside the scope is imported on request', async () => {
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    const request: LibrarySyncRequest = {
      vault,
      store,
      settings: settings({ syncCollections: ['Methodology'] }),
      language: 'en',
      now: new Date(2025, 9, 1),
      exportContent: conig,
      linker: () => Promise.resolve(undefined),
    };
    const imported = await importPaper(request, ADJUNCT_PAPER);
    expect(imported).toMatchObject({ status: 'created', path: note(ADJUNCT_PAPER) });
    // The scoped sync after it leaves that note alone, and does not flag it.
    const before = await vault.read(note(ADJUNCT_PAPER));
    const { outcome } = await syncLibrary(request);
    expect(outcome.report.created).toHaveLength(58);
    expect(outcome.report.flagged).toEqual([]);
    expect(await vault.read(note(ADJUNCT_PAPER))).toBe(before);
  });
});
