/**
 * The user's say over concepts (issue 11, issue 9): `zcn-link: false`, ubiquitous concepts suggested (never switched
 * off), stop-word aliases refused and reported once, other plugins' files left alone, the user's own notes adopted.
 */
import { applyConceptPlan, createConceptLinkState, createGlossaryNotes, planConceptLinks, withAdopted } from '../../../src/core/concepts/engine';
import { GLOSSARY } from '../../../src/core/concepts/glossary-data';
import { defaultSettings } from '../../../src/core/settings';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';

const settings = defaultSettings();

function vaultWith(files: Record<string, string>): InMemoryVault {
  return new InMemoryVault({ 'Concepts/ICL.md': '---\naliases: [in-context learning]\n---\n', 'Concepts/CoT.md': '', ...files });
}

describe('zcn-link: false', () => {
  it('stops linking a concept and says so; links the user wrote to it still count', async () => {
    const vault = vaultWith({
      'Concepts/Pretraining.md': '---\naliases: [pre-training]\nzcn-link: false\n---\n',
      'Literature/a.md': 'Pre-training then ICL.',
      'Literature/b.md': 'See [[Pretraining]] and CoT.',
    });
    const plan = await planConceptLinks(vault, { settings });
    await applyConceptPlan(vault, plan);
    expect(plan.switchedOff).toEqual(['Concepts/Pretraining.md']);
    expect(await vault.read('Literature/a.md')).toBe('Pre-training then [[ICL]].');
    expect(plan.state.mentionedBy.get('Concepts/Pretraining.md')).toEqual(new Set(['Literature/b.md']));
  });
});

describe('ubiquitous concepts', () => {
  const notes = (n: number, text: (i: number) => string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Literature/n${i}.md`, text(i)]));

  it('suggests switching off a concept mentioned by more than the share of notes, and never switches it off', async () => {
    const vault = vaultWith(notes(30, (i) => (i < 20 ? 'We use ICL here.' : 'Nothing to see.') + (i < 5 ? ' And CoT.' : '')));
    const plan = await planConceptLinks(vault, { settings });
    expect(plan.ubiquitous).toEqual([{ concept: 'ICL', path: 'Concepts/ICL.md', notes: 20, share: 20 / 30, total: 30 }]);
    expect(plan.edits.filter((e) => e.links.some((l) => l.concept === 'ICL'))).toHaveLength(20);
    const stricter = await planConceptLinks(vault, { settings: { ...settings, ubiquitousConceptShare: 0.1 } });
    expect(stricter.ubiquitous.map((u) => u.concept)).toEqual(['ICL', 'CoT']);
    const never = await planConceptLinks(vault, { settings: { ...settings, ubiquitousConceptShare: 1 } });
    expect(never.ubiquitous).toEqual([]);
  });

  it('says nothing in a vault too small for shares to mean much', async () => {
    const plan = await planConceptLinks(vaultWith(notes(5, () => 'ICL everywhere.')), { settings });
    expect(plan.ubiquitous).toEqual([]);
  });
});

describe('stop-word aliases', () => {
  it('are refused with a reason, reported once per kept state', async () => {
    const vault = vaultWith({ 'Concepts/Transformer.md': '---\naliases: [the, model, 模型, Transformer 架构]\n---\n', 'Literature/a.md': 'The model is a Transformer 架构.' });
    const state = createConceptLinkState();
    const first = await planConceptLinks(vault, { settings, state });
    expect(first.rejected.map((r) => [r.term, r.reason])).toEqual([
      ['the', 'too common a word: it would link almost every note'],
      ['model', 'too common a word: it would link almost every note'],
      ['模型', 'too common a word: it would link almost every note'],
    ]);
    expect(first.newRejected).toHaveLength(3);
    expect(first.edits.find((e) => e.path === 'Literature/a.md')?.links.map((l) => l.surface)).toEqual(['Transformer 架构']);
    const second = await planConceptLinks(vault, { settings, state });
    expect(second.rejected).toHaveLength(3);
    expect(second.newRejected).toEqual([]);
  });
});

describe("other plugins' files", () => {
  it('are never edited or counted', async () => {
    const drawing = '---\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n---\nICL and CoT in a drawing\n';
    const board = '---\n\nkanban-plugin: basic\n\n---\n\n## ICL\n\n- [ ] read about CoT\n';
    const vault = vaultWith({ 'Literature/d.md': drawing, 'Literature/k.md': board, 'Literature/x.excalidraw.md': 'ICL', 'Literature/n.md': 'ICL' });
    const plan = await planConceptLinks(vault, { settings });
    expect(plan.edits.filter((e) => e.path.startsWith('Literature/')).map((e) => e.path)).toEqual(['Literature/n.md']);
    expect(plan.otherPluginFiles).toEqual([
      { path: 'Literature/d.md', plugin: 'Excalidraw' },
      { path: 'Literature/k.md', plugin: 'Kanban' },
      { path: 'Literature/x.excalidraw.md', plugin: 'Excalidraw' },
    ]);
    expect(plan.state.mentionedBy.get('Concepts/ICL.md')).toEqual(new Set(['Literature/n.md']));
  });
});

describe("the user's own notes", () => {
  const transformer = GLOSSARY.find((g) => g.name === 'Transformer')!;

  it('are adopted as the concept instead of a second note of the same name, and linked to', async () => {
    const mine = '# Transformer\n\nMy own notes on attention.\n';
    const vault = new InMemoryVault({ 'Notes/Transformer.md': mine, 'Notes/幻觉.md': 'mine', 'Literature/a.md': 'A Transformer and 幻觉.' });
    const result = await createGlossaryNotes(vault, settings, { entries: [transformer, GLOSSARY.find((g) => g.name === 'Hallucination')!] });
    expect(result.created).toEqual([]);
    expect(result.adopted.map((a) => [a.name, a.path, a.matched])).toEqual([
      ['Transformer', 'Notes/Transformer.md', 'Transformer'],
      ['Hallucination', 'Notes/幻觉.md', '幻觉'],
    ]);
    expect(await vault.exists('Concepts/Transformer.md')).toBe(false);
    const adopted = { ...settings, adoptedConcepts: withAdopted([], result.adopted) };
    const plan = await planConceptLinks(vault, { settings: adopted });
    await applyConceptPlan(vault, plan);
    expect(await vault.read('Literature/a.md')).toBe('A [[Transformer]] and [[幻觉]].');
    // No concept section in the user's note unless they opt in.
    expect(await vault.read('Notes/Transformer.md')).toBe(mine);
    const optIn = await planConceptLinks(vault, { settings: { ...adopted, adoptedConceptSections: true } });
    expect(optIn.sections).toEqual(['Notes/Transformer.md', 'Notes/幻觉.md']);
  });

  it('are adopted for an acronym only with its letter case: "moe.md" is not MoE, and no second MoE.md is made beside it', async () => {
    const moe = GLOSSARY.find((g) => g.name === 'MoE')!;
    const vault = new InMemoryVault({ 'Anime/moe.md': '# moe\n\n萌え: a feeling of affection.\n', 'Notes/transformer.md': 'mine' });
    const result = await createGlossaryNotes(vault, settings, { entries: [moe, transformer] });
    expect(result.adopted.map((a) => [a.name, a.path])).toEqual([['Transformer', 'Notes/transformer.md']]); // a phrase: any case
    expect(result.created).toEqual([]);
    expect(result.skipped).toEqual([
      { name: 'MoE', reason: "your note Anime/moe.md has this name in another letter case; rename it to MoE.md to make it this concept's note" },
    ]);
    expect(await vault.read('Anime/moe.md')).toBe('# moe\n\n萌え: a feeling of affection.\n');
  });

  it('are not adopted when the name is taken twice or by a literature note', async () => {
    const vault = new InMemoryVault({ 'A/Transformer.md': 'one', 'B/Transformer.md': 'two', 'Literature/LoRA.md': '---\ncitekey: hu2021lora\n---\n' });
    const result = await createGlossaryNotes(vault, settings, { entries: [transformer, GLOSSARY.find((g) => g.name === 'LoRA')!] });
    expect(result.adopted).toEqual([]);
    expect(result.created).toEqual([]);
    expect(result.skipped.map((s) => s.name)).toEqual(['Transformer', 'LoRA']);
  });

  it('report an adopted note that is gone', async () => {
    const plan = await planConceptLinks(new InMemoryVault({ 'Literature/a.md': 'x' }), { settings: { ...settings, adoptedConcepts: ['Notes/Gone.md'] } });
    expect(plan.problems).toEqual([{ path: 'Notes/Gone.md', message: 'this adopted concept note is gone (renamed or deleted); its concept is not linked' }]);
  });
});
