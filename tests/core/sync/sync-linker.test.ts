/**
 * The concept linker inside the sync: links are written into the managed regions of new notes and of notes whose
 * paper changed, and the hash recorded is the one of the linked text, so a link the user adds is a hand edit.
 */
import { buildTermIndex, type ConceptDef } from '../../../src/core/concepts/term-index';
import { linkText } from '../../../src/core/concepts/link-text';
import type { Paper } from '../../../src/core/library/paper';
import { applySync } from '../../../src/core/sync/apply-sync';
import { planSync } from '../../../src/core/sync/plan-sync';
import type { NoteLinker, SyncReport } from '../../../src/core/sync/sync-plan';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { makePaper, MemoryStateStore, settings } from './sync-support';

const ICL: ConceptDef = { path: 'Concepts/ICL.md', name: 'ICL', aliases: ['in-context learning'] };
const COT: ConceptDef = { path: 'Concepts/CoT.md', name: 'CoT', aliases: ['chain of thought'] };

/** The linker the CLI and the plugin give the sync: links inside managed regions too. */
function linkerOf(defs: ConceptDef[]): NoteLinker {
  const index = buildTermIndex(defs);
  return (text, path) => linkText(text, index, { sourcePath: path, linkManagedRegions: true }).text;
}

const paper = (abstract: string): Paper => makePaper('brown2020', { title: 'Language models are few-shot learners', abstract });

function summaryOf(text: string): string {
  return /%% zcn:begin summary %%\n([\s\S]*?)\n%% zcn:end summary %%/.exec(text)![1];
}

function setup() {
  const vault = new InMemoryVault();
  const store = new MemoryStateStore();
  let day = 1;
  const sync = async (p: Paper, linker?: NoteLinker): Promise<SyncReport> => {
    const plan = await planSync({ papers: [p], vault, settings: settings(), state: await store.load(), now: new Date(2025, 0, day++), language: 'en', linker });
    return applySync(vault, plan, store);
  };
  return { vault, sync };
}

const PATH = 'Literature/brown2020.md';

describe('the concept linker in the sync', () => {
  it('links the regions of a note whose paper changed, without taking its own links for a hand edit', async () => {
    const { vault, sync } = setup();
    const linker = linkerOf([ICL]);
    await sync(paper('We show that in-context learning emerges at scale.'), linker);
    expect(summaryOf((await vault.read(PATH))!)).toContain('[[ICL|in-context learning]] emerges');
    const r = await sync(paper('We show that ICL (in-context learning) emerges with scale.'), linker);
    expect(r.conflicts).toEqual([]);
    expect(r.updated).toEqual([PATH]);
    const summary = summaryOf((await vault.read(PATH))!);
    expect(summary).toContain('We show that [[ICL]] (in-context learning) emerges with scale.');
    // And again: the linked text is what was recorded, so the next change is not a conflict either.
    const r2 = await sync(paper('In-context learning, revisited.'), linker);
    expect(r2.conflicts).toEqual([]);
    expect(summaryOf((await vault.read(PATH))!)).toContain('[[ICL|In-context learning]], revisited.');
  });

  it('links a concept created after the note into its regions when the paper changes', async () => {
    const { vault, sync } = setup();
    await sync(paper('Chain of thought and in-context learning.'), linkerOf([ICL]));
    expect(summaryOf((await vault.read(PATH))!)).toContain('Chain of thought and [[ICL|in-context learning]].');
    const r = await sync(paper('Chain of thought and in-context learning, at scale.'), linkerOf([ICL, COT]));
    expect(r.conflicts).toEqual([]);
    expect(summaryOf((await vault.read(PATH))!)).toContain('[[CoT|Chain of thought]] and [[ICL|in-context learning]], at scale.');
  });

  it('keeps a link the user added inside a region and reports a conflict when the paper changes', async () => {
    const { vault, sync } = setup();
    const linker = linkerOf([ICL]);
    await sync(paper('Few-shot prompting works.'), linker);
    await vault.process(PATH, (t) => t.replace('Few-shot prompting works.', '[[My own note|Few-shot prompting]] works.'));
    const r = await sync(paper('Few-shot prompting works well.'), linker);
    expect(r.conflicts).toEqual([PATH]);
    expect(r.conflictDetails[0].reasons).toEqual(['region "summary" was edited by hand: kept']);
    const text = (await vault.read(PATH))!;
    expect(summaryOf(text)).toBe('## Summary\n\n[[My own note|Few-shot prompting]] works.');
  });
});
