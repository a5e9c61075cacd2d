/**
 * Precision and recall of the links written on the labelled corpus (tests/core/concepts/corpus): every note is
 * linked by a full run over a vault holding the built-in glossary, and the links added are compared with the
 * expected ones (same concept, same surface, same place). Goal: precision 1.0, recall at least 0.98.
 */
import { applyConceptPlan, createGlossaryNotes, planConceptLinks } from '../../../src/core/concepts/engine';
import { defaultSettings } from '../../../src/core/settings/settings';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { parseCorpus, type CorpusNote } from './corpus/format';
import { EN_NOTES } from './corpus/notes-en';
import { MIXED_NOTES } from './corpus/notes-mixed';
import { ZH_NOTES } from './corpus/notes-zh';
import { stripConceptLinks } from './support';

const CORPUS: CorpusNote[] = [...parseCorpus('en', EN_NOTES), ...parseCorpus('zh', ZH_NOTES), ...parseCorpus('mixed', MIXED_NOTES)];
const pathOf = (id: string) => `Literature/${id}.md`;

async function linkCorpus() {
  const vault = new InMemoryVault({
    'Concepts/GPT-4.md': '---\naliases: [GPT4]\n---\n',
    ...Object.fromEntries(CORPUS.map((n) => [pathOf(n.id), n.text])),
  });
  const settings = defaultSettings();
  await createGlossaryNotes(vault, settings);
  const plan = await planConceptLinks(vault, { settings });
  await applyConceptPlan(vault, plan);
  return { vault, plan };
}

describe('labelled corpus', () => {
  it('has at least 150 notes in English, Chinese and both', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(CORPUS.filter((n) => n.id.startsWith('en')).length).toBeGreaterThanOrEqual(50);
    expect(CORPUS.filter((n) => n.id.startsWith('zh')).length).toBeGreaterThanOrEqual(50);
    expect(CORPUS.filter((n) => n.id.startsWith('mixed')).length).toBeGreaterThanOrEqual(50);
  });

  it('links with precision 1.0 and recall of at least 0.98', async () => {
    const { vault, plan } = await linkCorpus();
    const key = (path: string, concept: string, surface: string, offset: number) => `${path}\t${concept}\t${surface}\t${offset}`;
    const expected = new Set(CORPUS.flatMap((n) => n.expected.map((e) => key(pathOf(n.id), e.concept, e.surface, e.offset))));
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
    for (const n of CORPUS) expect(stripConceptLinks(vault.snapshot()[pathOf(n.id)], plan.index)).toBe(stripConceptLinks(n.text, plan.index));
  });

  it('is a no-op the second time', async () => {
    const { vault } = await linkCorpus();
    vault.resetWrites();
    const again = await planConceptLinks(vault, { settings: defaultSettings() });
    expect(again.edits).toEqual([]);
  });
});
