import { formatConceptRun } from '../../../src/core/concepts';

describe('concept run messages', () => {
  it('describes a concept run', () => {
    const run = { conceptCount: 3, updated: ['a.md', 'b.md'], links: { 'a.md': ['ICL', 'CoT'] }, newConflicts: ['"LM" is a term of "Concepts/LLM.md" and "Concepts/LM.md", so it is not linked.'], skipped: ['c.md'], failed: [{ path: 'd.md', message: 'gone' }] };
    expect(formatConceptRun('Concept links rebuilt', run)).toBe(
      'Concept links rebuilt: 2 links added, 2 notes updated.\n' +
        'Left alone while open in the editor (linked later): c.md\n' +
        '"LM" is a term of "Concepts/LLM.md" and "Concepts/LM.md", so it is not linked.\n' +
        'Not linked: d.md (gone)',
    );
    expect(formatConceptRun('Concept links rebuilt', { ...run, conceptCount: 0 })).toBe(
      'Concept links rebuilt: there are no concept notes yet. Add notes to the concepts folder, or run "Create concept notes from glossary".',
    );
  });
});
