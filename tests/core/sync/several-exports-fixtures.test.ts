/**
 * Several real exports synced together: a BetterBibTeX JSON library (242 papers), a Better CSL JSON library (134)
 * and the same 5-paper library exported twice (Better BibLaTeX and Better CSL JSON: every citekey in both).
 */
import { readFileSync } from 'node:fs';
import { syncExport } from '../../../src/core/sync/sync-export';
import type { SyncExportSource } from '../../../src/core/sync/several-exports';
import { parseSyncState } from '../../../src/core/sync/sync-state-text';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { fixturePath } from '../../support/fixtures';
import { MemoryStateStore, settings } from './sync-support';

const CONIG = 'real/conig-zot-my-library.bbt.json';
const J1C = 'real/j1c-vault-my-library.csl.json';
const HANS_BIB = 'real/hans-obsidian-citation-library.biblatex.bib';
const HANS_CSL = 'real/hans-obsidian-citation-library.csl.json';

const source = (file: string, content: Uint8Array = readFileSync(fixturePath(file))): SyncExportSource => ({ name: fixturePath(file), content });

function setup() {
  const vault = new InMemoryVault();
  const store = new MemoryStateStore();
  const run = (exports: SyncExportSource[]) => syncExport({ exports, vault, store, settings: settings({ minExportRatio: 0.5 }), now: new Date(2025, 9, 1), language: 'en' });
  return { vault, store, run };
}

describe('several real exports', () => {
  it('syncs four exports in three formats; the library exported twice is synced once, from the first, with one warning naming both files', async () => {
    const { vault, store, run } = setup();
    const outcome = await run([source(CONIG), source(J1C), source(HANS_BIB), source(HANS_CSL)]);
    expect(outcome.exports?.map((e) => [e.key, e.format, e.paperCount])).toEqual([
      ['conig-zot-my-library.bbt.json', 'bbt-json', 242],
      ['j1c-vault-my-library.csl.json', 'csl-json', 134],
      ['hans-obsidian-citation-library.biblatex.bib', 'biblatex', 5],
      ['hans-obsidian-citation-library.csl.json', 'csl-json', 5],
    ]);
    expect(outcome.report.created).toHaveLength(242 + 134 + 5);
    expect(outcome.report.errors).toEqual([]);
    const collision = outcome.warnings.filter((w) => w.includes(' is in both ') || w.includes(' are in both '));
    expect(collision).toEqual([
      `5 citekeys are in both ${fixturePath(HANS_BIB)} and ${fixturePath(HANS_CSL)} (Weiner2003, abnar2019blackbox, aitchison2017you, alexandrescu2006factored, bar-ashersiegal2020perspectives): synced from ${fixturePath(HANS_BIB)}; the entries in ${fixturePath(HANS_CSL)} were left out. Give them another citation key in Better BibTeX to sync both.`,
    ]);
    const state = parseSyncState(store.text)!;
    expect(state.notes.Weiner2003.export).toBe('hans-obsidian-citation-library.biblatex.bib');
    expect(state.notes.rueFormativeEvaluationDeveloping2016a.export).toBe('conig-zot-my-library.bbt.json');
    expect(state.notes.abbottUnderstandingAnalysis2015.export).toBe('j1c-vault-my-library.csl.json');
    expect(await vault.read('Literature/Weiner2003.md')).toBeTruthy();
    // A second run over the same four files writes nothing at all.
    vault.resetWrites();
    const saves = store.saves;
    const again = await run([source(CONIG), source(J1C), source(HANS_BIB), source(HANS_CSL)]);
    expect(again.skipped).toBe(true);
    expect(vault.writes).toEqual([]);
    expect(store.saves).toBe(saves);
  });

  it('syncs the CSL library when the BBT JSON is cut in the middle, naming the cut file; the 242 notes stay byte for byte', async () => {
    const { vault, run } = setup();
    await run([source(CONIG), source(J1C)]);
    const paths = (await vault.list('Literature', '.md')).sort();
    expect(paths).toHaveLength(242 + 134);
    const before = new Map(await Promise.all(paths.map(async (p) => [p, await vault.read(p)] as const)));
    const bytes = readFileSync(fixturePath(CONIG));
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    const j1c = JSON.parse(readFileSync(fixturePath(J1C), 'utf8')) as { id: string; title: string }[];
    j1c[0].title = `${j1c[0].title} (second edition)`;
    vault.resetWrites();
    const outcome = await run([source(CONIG, cut), source(J1C, new TextEncoder().encode(JSON.stringify(j1c)))]);
    expect(outcome.report.updated).toEqual([`Literature/${j1c[0].id}.md`]);
    expect(outcome.report.flagged).toEqual([]);
    expect(outcome.report.errors.map((e) => e.message)).toEqual([expect.stringContaining(`${fixturePath(CONIG)}: `) as string]);
    expect(outcome.exports?.map((e) => e.status)).toEqual(['failed', 'synced']);
    expect(vault.writes).toEqual([`Literature/${j1c[0].id}.md`]);
    for (const [path, text] of before) if (path !== `Literature/${j1c[0].id}.md`) expect(await vault.read(path)).toBe(text);
  });
});
