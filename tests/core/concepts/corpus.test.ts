/**
 * Precision and recall of the links written on the labelled corpus (tests/core/concepts/corpus): every note is
 * linked by a full run over a vault holding the built-in glossary, and the links added are compared with the
 * expected ones (same concept, same surface, same place). Goal: precision 1.0, recall at least 0.98.
 */
import { applyConceptPlan, createGlossaryNotes, planConceptLinks, withAdopted } from '../../../src/core/concepts/engine';
import { defaultSettings } from '../../../src/core/settings/settings';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { parseCorpus, type CorpusNote } from './corpus/format';
import { EN_NOTES } from './corpus/notes-en';
import { MIXED_NOTES } from './corpus/notes-mixed';
import { REAL_NOTES } from './corpus/notes-real';
import { ZH_NOTES } from './corpus/notes-zh';
import { markdownStructure } from './markdown-structure';
import { stripConceptLinks } from './support';

const CORPUS: CorpusNote[] = [
  ...parseCorpus('en', EN_NOTES),
  ...parseCorpus('zh', ZH_NOTES),
  ...parseCorpus('mixed', MIXED_NOTES),
  ...parseCorpus('real', REAL_NOTES),
];

/** The user's own "Tool use" note (with their aliases), adopted by the glossary instead of a second note. */
const OWN_NOTE = '---\naliases: [tool learning, 工具使用, 工具调用]\n---\nMy notes on tool use.\n';

async function linkCorpus() {
  const vault = new InMemoryVault({
    'Concepts/GPT-4.md': '---\naliases: [GPT4]\n---\n',
    'Concepts/Benchmark.md': '---\naliases: [benchmark, 基准测试]\nzcn-link: false\n---\n',
    'Concepts/Model card.md': '---\naliases: [model, the]\n---\n',
    'Notes/Tool use.md': OWN_NOTE,
    ...Object.fromEntries(CORPUS.map((n) => [n.path, n.text])),
  });
  const settings = defaultSettings();
  const glossary = await createGlossaryNotes(vault, settings);
  settings.adoptedConcepts = withAdopted(settings.adoptedConcepts, glossary.adopted);
  const plan = await planConceptLinks(vault, { settings });
  await applyConceptPlan(vault, plan);
  return { vault, plan, settings, glossary };
}

describe('labelled corpus', () => {
  it('has at least 150 notes in English, Chinese and both', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(CORPUS.filter((n) => n.id.startsWith('en')).length).toBeGreaterThanOrEqual(50);
    expect(CORPUS.filter((n) => n.id.startsWith('zh')).length).toBeGreaterThanOrEqual(50);
    expect(CORPUS.filter((n) => n.id.startsWith('mixed')).length).toBeGreaterThanOrEqual(50);
    expect(CORPUS.filter((n) => n.id.startsWith('real')).length).toBeGreaterThanOrEqual(40);
  });

  it("adopts the user's own note instead of creating a second one", async () => {
    const { vault, glossary } = await linkCorpus();
    expect(glossary.adopted.map((a) => a.path)).toEqual(['Notes/Tool use.md']);
    expect(await vault.exists('Concepts/Tool use.md')).toBe(false);
    expect(await vault.read('Notes/Tool use.md')).toBe(OWN_NOTE);
  });

  it('renders every changed note with the same emphasis, link, table and heading structure (CommonMark + GFM tables)', async () => {
    const { vault, plan } = await linkCorpus();
    const changed = plan.edits.filter((e) => e.path.startsWith('Literature/') && e.links.length > 0);
    expect(changed.length).toBeGreaterThan(200);
    for (const edit of changed) {
      const after = vault.snapshot()[edit.path];
      expect([edit.path, markdownStructure(after)]).toEqual([edit.path, markdownStructure(edit.before)]);
    }
  });

  it('links with precision 1.0 and recall of at least 0.98', async () => {
    const { vault, plan } = await linkCorpus();
    const key = (path: string, concept: string, surface: string, offset: number) => `${path}\t${concept}\t${surface}\t${offset}`;
    const expected = new Set(CORPUS.flatMap((n) => n.expected.map((e) => key(n.path, e.concept, e.surface, e.offset))));
    const written = new Set(
      plan.edits.filter((e) => e.path.startsWith('Literature/')).flatMap((e) => e.links.map((l) => key(e.path, l.concept, l.surface, l.offset))),
    );
    const truePositives = [...written].filter((k) => expected.has(k)).length;
    const precision = written.size === 0 ? 1 : truePositives / written.size;
    const recall = truePositives / expected.size;
    const wrong = [...written].filter((k) => !expected.has(k));
    const missed = [...expected].filter((k) => !written.has(k));
    console.log(
      `concept corpus: ${CORPUS.length} notes, ${expected.size} expected links, ${written.size} written; ` +
        `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}` +
        (wrong.length > 0 ? `\nwrong:\n${wrong.join('\n')}` : '') +
        (missed.length > 0 ? `\nmissed:\n${missed.join('\n')}` : ''),
    );
    expect(wrong).toEqual([]);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.98);
    // Removing the link syntax gives back every note exactly (links the note already had are removed on both sides).
    for (const n of CORPUS) expect(stripConceptLinks(vault.snapshot()[n.path], plan.index)).toBe(stripConceptLinks(n.text, plan.index));
  });

  it('is a no-op the second time', async () => {
    const { vault, settings } = await linkCorpus();
    vault.resetWrites();
    const again = await planConceptLinks(vault, { settings });
    expect(again.edits).toEqual([]);
  });
});
