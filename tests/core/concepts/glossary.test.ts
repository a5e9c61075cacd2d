import { parse } from 'yaml';
import { GLOSSARY } from '../../../src/core/concepts/glossary-data';
import { createGlossaryNotes, renderConceptNote } from '../../../src/core/concepts/glossary';
import { buildTermIndex, parseConceptNote } from '../../../src/core/concepts/term-index';
import { findRegions } from '../../../src/core/text/managed-region';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { glossaryDefs } from './support';

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

describe('the built-in glossary', () => {
  it('has at least 40 concepts, each with English and Chinese terms and two one-line definitions', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(40);
    for (const g of GLOSSARY) {
      const terms = [g.name, ...g.aliases];
      expect([g.name, terms.some((t) => LATIN.test(t) && !HAN.test(t))]).toEqual([g.name, true]);
      expect([g.name, terms.some((t) => HAN.test(t))]).toEqual([g.name, true]);
      expect([g.name, g.en.includes('\n') || g.zh.includes('\n') || g.en.length < 20 || !HAN.test(g.zh)]).toEqual([g.name, false]);
    }
    expect(new Set(GLOSSARY.map((g) => g.name.toLowerCase())).size).toBe(GLOSSARY.length);
  });

  it('covers the concepts of the survey note', () => {
    const names = GLOSSARY.map((g) => g.name);
    for (const name of ['LLM', 'LVM', 'MLLM', 'Modality encoder', 'CLIP', 'Connector', 'MoE', 'Scaling law', 'Pretraining', 'Instruction tuning', 'Alignment tuning', 'RLHF', 'DPO', 'ICL', 'M-ICL', 'CoT', 'M-CoT', 'LAVR', 'RAG', 'mRAG', 'VQA', 'Zero-shot', 'Few-shot']) {
      expect(names).toContain(name);
    }
    const terms = GLOSSARY.flatMap((g) => g.aliases);
    for (const t of ['指令微调', '对齐微调', '思维链', '多模态思维链', '上下文学习', '多模态大语言模型', '检索增强生成', '视觉问答']) expect(terms).toContain(t);
  });

  it('has no conflicting or rejected terms', () => {
    const index = buildTermIndex(glossaryDefs());
    expect(index.conflicts).toEqual([]);
    expect(index.rejected).toEqual([]);
    expect(index.concepts.length).toBe(GLOSSARY.length);
  });

  it('renders a concept note whose front matter and section read back', () => {
    const icl = GLOSSARY.find((g) => g.name === 'ICL')!;
    const text = renderConceptNote(icl, 'zh');
    const yaml = parse(text.split('---\n')[1]) as { aliases: string[]; tags: string[] };
    expect(yaml).toEqual({ aliases: icl.aliases, tags: ['concept'] });
    expect(parseConceptNote('Concepts/ICL.md', text).def).toEqual({ path: 'Concepts/ICL.md', name: 'ICL', aliases: icl.aliases });
    expect(text.indexOf(icl.zh)).toBeLessThan(text.indexOf(icl.en));
    expect(findRegions(text).regions.map((r) => [r.id, r.content])).toEqual([['concept-links', '']]);
  });
});

describe('createGlossaryNotes', () => {
  it('creates the missing notes and never overwrites or duplicates a concept', async () => {
    const mine = '---\naliases: [Chain of Thought]\n---\nMy own CoT note.\n';
    const vault = new InMemoryVault({
      'Concepts/icl.md': 'my ICL note, named in lower case',
      'Concepts/Reasoning/Thoughts.md': mine,
      'Literature/x.md': 'ICL',
    });
    const result = await createGlossaryNotes(vault, { conceptsFolder: 'Concepts' });
    expect(result.created.length).toBe(GLOSSARY.length - 2);
    expect(result.skipped).toEqual([
      { name: 'ICL', reason: 'Concepts/ICL.md exists' },
      { name: 'CoT', reason: '"chain of thought" is already a term of Concepts/Reasoning/Thoughts.md' },
    ]);
    expect(vault.snapshot()['Concepts/icl.md']).toBe('my ICL note, named in lower case');
    expect(vault.snapshot()['Concepts/Reasoning/Thoughts.md']).toBe(mine);
    expect(await vault.read('Concepts/M-CoT.md')).toBe(renderConceptNote(GLOSSARY.find((g) => g.name === 'M-CoT')!));
    vault.resetWrites();
    expect((await createGlossaryNotes(vault, { conceptsFolder: 'Concepts' })).created).toEqual([]);
    expect(vault.writes).toEqual([]);
  });
});
