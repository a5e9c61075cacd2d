import { applyConceptPlan, cloneConceptLinkState, createConceptLinkState, planConceptLinks, type ConceptLinkOptions } from '../../../src/core/concepts/engine';
import { defaultSettings } from '../../../src/core/settings/settings';
import { findRegions } from '../../../src/core/text/managed-region';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';

const settings = defaultSettings();
const concept = (aliases: string[], body = '') => `---\naliases: [${aliases.join(', ')}]\n---\n${body}`;
const paper = (title: string, body: string) => `---\ntitle: "${title}"\n---\n${body}\n`;

function makeVault(): InMemoryVault {
  return new InMemoryVault({
    'Concepts/ICL.md': concept(['in-context learning', '上下文学习'], 'Learning from examples in the prompt.\n'),
    'Concepts/CoT.md': concept(['chain of thought', '思维链']),
    'Concepts/M-CoT.md': concept(['多模态思维链'], 'CoT over images.\n'),
    'Concepts/RLHF.md': concept(['基于人类反馈的强化学习']),
    'Literature/a.md': paper('Paper A: ICL', 'We study in-context learning and CoT.'),
    'Literature/b.md': paper('论文 B', '多模态思维链与上下文学习。'),
    'Literature/c.md': paper('Paper C', 'Nothing to see.'),
    'Elsewhere/d.md': 'ICL outside the scope.',
  });
}

async function run(vault: InMemoryVault, options: Partial<ConceptLinkOptions> = {}) {
  const plan = await planConceptLinks(vault, { settings, ...options });
  const applied = await applyConceptPlan(vault, plan);
  return { plan, applied };
}

function section(text: string): string {
  return findRegions(text).regions.find((r) => r.id === 'concept-links')!.content;
}

describe('planConceptLinks + applyConceptPlan: full runs', () => {
  it('links first mentions in the scope and writes each concept section', async () => {
    const vault = makeVault();
    const { plan, applied } = await run(vault);
    const files = vault.snapshot();
    expect(files['Literature/a.md']).toBe(paper('Paper A: ICL', 'We study [[ICL|in-context learning]] and [[CoT]].'));
    expect(files['Literature/b.md']).toBe(paper('论文 B', '[[M-CoT|多模态思维链]]与[[ICL|上下文学习]]。'));
    expect(files['Literature/c.md']).toBe(paper('Paper C', 'Nothing to see.'));
    expect(files['Elsewhere/d.md']).toBe('ICL outside the scope.');
    expect(files['Concepts/M-CoT.md']).toContain('[[CoT]] over images.\n\n%% zcn:begin concept-links %%\n');
    expect(section(files['Concepts/ICL.md'])).toBe(
      ['## Mentioned in (2)', '', '- [[a|Paper A: ICL]]', '- [[b|论文 B]]', '', '## Related concepts', '', '- Appears with: [[CoT]] (1), [[M-CoT]] (1)'].join('\n'),
    );
    expect(section(files['Concepts/CoT.md'])).toBe(
      ['## Mentioned in (1)', '', '- [[a|Paper A: ICL]]', '', '## Related concepts', '', '- Mentioned by: [[M-CoT]]', '- Appears with: [[ICL]] (1)'].join('\n'),
    );
    expect(section(files['Concepts/RLHF.md'])).toBe(['## Mentioned in (0)', '', '*No note mentions this concept yet.*', '', '## Related concepts', '', '*None yet.*'].join('\n'));
    expect(applied.links).toEqual({ 'Concepts/M-CoT.md': ['CoT'], 'Literature/a.md': ['ICL', 'CoT'], 'Literature/b.md': ['M-CoT', 'ICL'] });
    expect(applied.updated).toEqual(['Concepts/CoT.md', 'Concepts/ICL.md', 'Concepts/M-CoT.md', 'Concepts/RLHF.md', 'Literature/a.md', 'Literature/b.md']);
    expect(plan.conflicts).toEqual([]);
  });

  it('asks a link writer that depends on where the link goes for each section entry, from that concept note', async () => {
    const vault = makeVault();
    const makeLink = (target: string, surface: string, source: string) => `[${surface}](${encodeURI(target)} "${source}")`;
    await run(vault, { makeLink });
    const files = vault.snapshot();
    expect(section(files['Concepts/ICL.md']).split('\n').slice(0, 4)).toEqual([
      '## Mentioned in (2)',
      '',
      '- [Paper A: ICL](Literature/a.md "Concepts/ICL.md")',
      '- [论文 B](Literature/b.md "Concepts/ICL.md")',
    ]);
    expect(section(files['Concepts/CoT.md']).split('\n')[2]).toBe('- [Paper A: ICL](Literature/a.md "Concepts/CoT.md")');
  });

  it('changes nothing on a second run, with or without a state', async () => {
    const vault = makeVault();
    const state = createConceptLinkState();
    await run(vault, { state });
    const after = vault.snapshot();
    vault.resetWrites();
    const again = await run(vault, { state });
    expect(again.plan.edits).toEqual([]);
    expect(again.plan.scanned).toBe(0);
    const fresh = await run(vault);
    expect(fresh.plan.edits).toEqual([]);
    expect(vault.writes).toEqual([]);
    expect(vault.snapshot()).toEqual(after);
  });

  it('writes the section in Chinese when asked, and through the injected link writer', async () => {
    const vault = makeVault();
    const makeLink = (target: string, surface: string) => `[${surface}](${encodeURI(target)})`;
    await run(vault, { language: 'zh', makeLink });
    const text = vault.snapshot()['Concepts/CoT.md'];
    expect(section(text)).toContain('## 提及本概念的笔记 (1)\n\n- [Paper A: ICL](Literature/a.md)');
    expect(section(text)).toContain('- 提及本概念: [M-CoT](Concepts/M-CoT.md)');
    expect(vault.snapshot()['Literature/a.md']).toContain('[in-context learning](Concepts/ICL.md)');
    const second = await planConceptLinks(vault, { settings, language: 'zh', makeLink });
    expect(second.edits).toEqual([]);
  });

  it('never duplicates the concept section and leaves damaged markers alone', async () => {
    const vault = makeVault();
    await vault.write('Concepts/DPO.md', 'DPO.\n%% zcn:begin concept-links %%\nold list\n');
    await run(vault);
    await run(vault);
    const files = vault.snapshot();
    for (const path of ['Concepts/ICL.md', 'Concepts/CoT.md', 'Concepts/M-CoT.md', 'Concepts/RLHF.md']) {
      expect(files[path].split('%% zcn:begin concept-links %%').length).toBe(2);
    }
    expect(files['Concepts/DPO.md']).toBe('DPO.\n%% zcn:begin concept-links %%\nold list\n');
    const plan = await planConceptLinks(vault, { settings });
    expect(plan.problems).toEqual([{ path: 'Concepts/DPO.md', message: expect.stringContaining('markers are damaged') }]);
  });

  it('reports a term two concepts share and links it for neither', async () => {
    const vault = makeVault();
    await vault.write('Concepts/Reasoning steps.md', concept(['chain of thought']));
    const { plan } = await run(vault);
    expect(plan.conflicts).toEqual([{ term: 'chain of thought', concepts: ['Concepts/CoT.md', 'Concepts/Reasoning steps.md'] }]);
    expect(vault.snapshot()['Literature/a.md']).toContain('and [[CoT]].');
    await vault.write('Literature/e.md', 'A chain of thought.');
    await run(vault);
    expect(vault.snapshot()['Literature/e.md']).toBe('A chain of thought.');
  });

  it('adds folders to the scope and reports notes with broken front matter', async () => {
    const vault = makeVault();
    await vault.write('Concepts/Bad.md', '---\naliases: [unclosed\n---\n');
    const { plan } = await run(vault, { scopeFolders: ['Literature', 'Elsewhere'] });
    expect(vault.snapshot()['Elsewhere/d.md']).toBe('[[ICL]] outside the scope.');
    expect(plan.problems.map((p) => p.path)).toEqual(['Concepts/Bad.md']);
  });
});

describe('skipPaths and changes under a plan', () => {
  it('does not rewrite a note being edited, and links it on a later run', async () => {
    const vault = makeVault();
    const state = createConceptLinkState();
    const { plan } = await run(vault, { state, skipPaths: ['Literature/a.md'] });
    expect(plan.skipped).toEqual([{ path: 'Literature/a.md', links: 2, section: false }]);
    expect(vault.snapshot()['Literature/a.md']).toBe(paper('Paper A: ICL', 'We study in-context learning and CoT.'));
    expect(section(vault.snapshot()['Concepts/CoT.md'])).toContain('[[a|Paper A: ICL]]');
    vault.resetWrites();
    const later = await run(vault, { state, changedPaths: [] });
    expect(vault.writes).toEqual(['Literature/a.md']);
    expect(later.applied.links).toEqual({ 'Literature/a.md': ['ICL', 'CoT'] });
  });

  it('re-checks skipPaths when applying', async () => {
    const vault = makeVault();
    const plan = await planConceptLinks(vault, { settings });
    const applied = await applyConceptPlan(vault, plan, { skipPaths: ['Literature/b.md'] });
    expect(applied.skipped).toEqual(['Literature/b.md']);
    expect(vault.snapshot()['Literature/b.md']).toBe(paper('论文 B', '多模态思维链与上下文学习。'));
  });

  it('recomputes from the current text when the note changed after planning', async () => {
    const vault = makeVault();
    const plan = await planConceptLinks(vault, { settings });
    await vault.write('Literature/a.md', paper('Paper A: ICL', 'I typed this: RLHF first. We study in-context learning and CoT.'));
    const applied = await applyConceptPlan(vault, plan);
    expect(applied.recomputed).toEqual(['Literature/a.md']);
    expect(vault.snapshot()['Literature/a.md']).toBe(paper('Paper A: ICL', 'I typed this: [[RLHF]] first. We study [[ICL|in-context learning]] and [[CoT]].'));
    expect(applied.links['Literature/a.md']).toEqual(['RLHF', 'ICL', 'CoT']);
    expect(plan.state.pending.has('Literature/a.md')).toBe(true);
  });

  it('leaves the caller state untouched on a dry run', async () => {
    const vault = makeVault();
    const state = createConceptLinkState();
    await run(vault, { state });
    const before = cloneConceptLinkState(state);
    await vault.write('Literature/c.md', paper('Paper C', 'Now with RLHF.'));
    const plan = await planConceptLinks(vault, { settings, state, changedPaths: ['Literature/c.md'], dryRun: true });
    expect(plan.edits.map((e) => e.path)).toEqual(['Concepts/RLHF.md', 'Literature/c.md']);
    expect(state).toEqual(before);
  });
});

describe('incremental runs', () => {
  async function warm() {
    const vault = makeVault();
    const state = createConceptLinkState();
    await run(vault, { state });
    vault.resetWrites();
    return { vault, state };
  }

  it('re-links only the changed note and refreshes only the sections it affects', async () => {
    const { vault, state } = await warm();
    await vault.write('Literature/c.md', paper('Paper C', 'Now with RLHF and ICL.'));
    vault.resetWrites();
    const { plan } = await run(vault, { state, changedPaths: ['Literature/c.md'] });
    expect(plan.mode).toBe('incremental');
    expect(plan.scanned).toBe(1);
    expect(vault.writes.sort()).toEqual(['Concepts/ICL.md', 'Concepts/RLHF.md', 'Literature/c.md']);
    expect(section(vault.snapshot()['Concepts/RLHF.md'])).toContain('- [[c|Paper C]]\n');
    expect(section(vault.snapshot()['Concepts/ICL.md'])).toContain('- Appears with: [[CoT]] (1), [[M-CoT]] (1), [[RLHF]] (1)');
  });

  it('writes nothing when a changed note still mentions the same concepts', async () => {
    const { vault, state } = await warm();
    await vault.process('Literature/a.md', (t) => t.replace('We study', 'Here we study'));
    vault.resetWrites();
    const { plan } = await run(vault, { state, changedPaths: ['Literature/a.md'] });
    expect(plan.edits).toEqual([]);
    expect(vault.writes).toEqual([]);
  });

  it('updates the sections when a note is deleted or its title changes', async () => {
    const { vault, state } = await warm();
    const files = vault.snapshot();
    delete files['Literature/b.md'];
    const smaller = new InMemoryVault(files);
    await smaller.process('Literature/a.md', (t) => t.replace('Paper A: ICL', 'Paper A, renamed'));
    const { plan } = await run(smaller, { state, changedPaths: ['Literature/b.md', 'Literature/a.md'] });
    expect(plan.sections).toEqual(['Concepts/CoT.md', 'Concepts/ICL.md', 'Concepts/M-CoT.md']);
    expect(section(smaller.snapshot()['Concepts/ICL.md'])).toBe(
      ['## Mentioned in (1)', '', '- [[a|Paper A, renamed]]', '', '## Related concepts', '', '- Appears with: [[CoT]] (1)'].join('\n'),
    );
  });

  it('re-links only the notes containing a new alias or mentioning the concept', async () => {
    const { vault, state } = await warm();
    await vault.write('Literature/f.md', 'Reinforcement learning from human feedback, not ICL.');
    await run(vault, { state, changedPaths: ['Literature/f.md'] });
    await vault.write('Concepts/RLHF.md', concept(['基于人类反馈的强化学习', 'reinforcement learning from human feedback']));
    vault.resetWrites();
    const { plan } = await run(vault, { state, changedPaths: ['Concepts/RLHF.md'] });
    expect(plan.scanned).toBe(2);
    expect(vault.writes.sort()).toEqual(['Concepts/ICL.md', 'Concepts/RLHF.md', 'Literature/f.md']);
    expect(vault.snapshot()['Literature/f.md']).toBe('[[RLHF|Reinforcement learning from human feedback]], not [[ICL]].');
  });

  it('links a new concept note in the notes that mention it, and nowhere else', async () => {
    const { vault, state } = await warm();
    await vault.write('Concepts/DPO.md', concept(['直接偏好优化']));
    await vault.write('Literature/g.md', 'DPO versus RLHF.');
    await run(vault, { state, changedPaths: ['Literature/g.md'] });
    vault.resetWrites();
    const { plan } = await run(vault, { state, changedPaths: ['Concepts/DPO.md'] });
    expect(plan.scanned).toBe(2);
    expect(vault.writes.sort()).toEqual(['Concepts/DPO.md', 'Concepts/RLHF.md', 'Literature/g.md']);
    expect(vault.snapshot()['Literature/g.md']).toBe('[[DPO]] versus [[RLHF]].');
    expect(section(vault.snapshot()['Concepts/DPO.md'])).toContain('- [[g]]\n');
  });

  it('re-scans the notes mentioning a concept whose alias was removed', async () => {
    const { vault, state } = await warm();
    await vault.write('Concepts/ICL.md', concept(['in-context learning'], 'Learning from examples in the prompt.\n'));
    vault.resetWrites();
    const { plan } = await run(vault, { state, changedPaths: ['Concepts/ICL.md'] });
    // a.md and b.md mention ICL; b.md keeps its existing link; nothing is unlinked.
    expect(plan.scanned).toBe(3);
    expect(vault.snapshot()['Literature/b.md']).toContain('[[ICL|上下文学习]]');
  });

  it('forgets a concept note that was deleted and refreshes the concepts related to it', async () => {
    const { vault, state } = await warm();
    const files = vault.snapshot();
    delete files['Concepts/M-CoT.md'];
    const v2 = new InMemoryVault(files);
    const { plan } = await run(v2, { state, changedPaths: ['Concepts/M-CoT.md'] });
    expect(plan.index.concepts.map((c) => c.name)).toEqual(['CoT', 'ICL', 'RLHF']);
    expect(section(v2.snapshot()['Concepts/CoT.md'])).not.toContain('M-CoT');
    expect(section(v2.snapshot()['Concepts/ICL.md'])).toContain('- Appears with: [[CoT]] (1)');
    expect(section(v2.snapshot()['Concepts/ICL.md'])).not.toContain('M-CoT');
  });
});
