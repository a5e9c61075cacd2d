import { acceptConceptSuggestions, suggestConceptsFromVault } from '../../../../src/core/concepts/engine';
import { defaultSettings } from '../../../../src/core/settings';
import { InMemoryVault } from '../../../../src/core/vault/memory-vault';
import { SUGGEST_VAULT } from './fixture-vault';

const papers = [
  { citekey: 'shao2024deepseekmath', title: 'DeepSeekMath', abstract: 'We introduce Group Relative Policy Optimization (GRPO), a variant of PPO (see Section 4).' },
  { citekey: 'wei2022chain', title: 'Chain-of-Thought Prompting Elicits Reasoning', abstract: 'We show how chain of thought prompting (CoT) improves reasoning.' },
];

describe('suggestConceptsFromVault', () => {
  it('suggests terms defined in the notes and papers, with their long forms, counts and existing concept notes', async () => {
    const vault = new InMemoryVault(SUGGEST_VAULT);
    const settings = { ...defaultSettings(), conceptScopeFolders: ['Reading'] };
    const found = await suggestConceptsFromVault(vault, settings, { papers });
    expect(found.notesRead).toBe(5);
    expect(found.papersRead).toBe(2);
    expect(found.suggestions.map(({ term, aliases, notes, papers: p, existing }) => ({ term, aliases, notes, papers: p, existing }))).toEqual([
      { term: 'GRPO', aliases: ['Group Relative Policy Optimization', '群组相对策略优化'], notes: 3, papers: 1, existing: null },
      { term: 'CoT', aliases: ['Chain-of-Thought', '思维链'], notes: 1, papers: 1, existing: 'Concepts/CoT.md' },
      { term: 'hallucination', aliases: ['幻觉'], notes: 2, papers: 0, existing: null },
    ]);
    expect(found.suggestions[0].definedIn).toEqual(['Literature/guo2025.md', 'Literature/shao2024.md', 'shao2024deepseekmath']);
  });

  it('gives the UI a turn (the pause) at every note read and at every source scanned, and finds the same terms', async () => {
    const settings = { ...defaultSettings(), conceptScopeFolders: ['Reading'] };
    const plain = await suggestConceptsFromVault(new InMemoryVault(SUGGEST_VAULT), settings, { papers });
    let pauses = 0;
    const paused = await suggestConceptsFromVault(new InMemoryVault(SUGGEST_VAULT), settings, {
      papers,
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
    });
    expect(paused).toEqual(plain);
    // Each of the 5 notes when it is read, and each of the 7 sources (5 notes, 2 papers) in both scans.
    expect(pauses).toBe(5 + 7 * 2);
  });

  it('shows every term with minNotes 1, and never the noise of issue 11', async () => {
    const found = await suggestConceptsFromVault(new InMemoryVault(SUGGEST_VAULT), defaultSettings(), { minNotes: 1 });
    const terms = found.suggestions.map((s) => s.term);
    expect(terms).toEqual(['GRPO', 'hallucination', 'CoT', 'VIT']);
    expect(found.suggestions.find((s) => s.term === 'hallucination')?.aliases).toEqual(['幻觉']);
  });
});

describe('acceptConceptSuggestions', () => {
  it('creates the chosen concept notes with their aliases, then links the notes', async () => {
    const vault = new InMemoryVault(SUGGEST_VAULT);
    const settings = defaultSettings();
    const { suggestions } = await suggestConceptsFromVault(vault, settings, { papers });
    const result = await acceptConceptSuggestions(vault, { settings }, suggestions.filter((s) => s.existing === null));
    expect(result.notes.created).toEqual(['Concepts/GRPO.md', 'Concepts/hallucination.md']);
    const grpo = (await vault.read('Concepts/GRPO.md'))!;
    expect(grpo.startsWith('---\naliases:\n  - Group Relative Policy Optimization\n  - 群组相对策略优化\ntags:\n  - concept\n---\n\n%% zcn:begin concept-links %%\n')).toBe(true);
    expect(grpo).toContain('## Mentioned in (3)');
    expect(await vault.read('Literature/shao2024.md')).toContain('我们使用[[GRPO|群组相对策略优化]]（Group Relative Policy Optimization，GRPO）');
    expect(await vault.read('Literature/guo2025.md')).toContain('trained with [[GRPO|Group Relative Policy Optimization]] (GRPO)');
    expect(result.applied.links['Literature/li2023.md']).toEqual(['hallucination', 'GRPO']);
  });
});
