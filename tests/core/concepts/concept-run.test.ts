import { formatConceptRun, formatGlossaryOutcome } from '../../../src/core/concepts';

const run = {
  conceptCount: 3,
  updated: ['a.md', 'b.md'],
  links: { 'a.md': ['ICL', 'CoT'] },
  newConflicts: ['"LM" is a term of "Concepts/LLM.md" and "Concepts/LM.md", so it is not linked.'],
  skipped: ['c.md'],
  failed: [{ path: 'd.md', message: 'gone' }],
  ubiquitous: [],
  rejected: [],
};

describe('concept run messages', () => {
  it('describes a concept run', () => {
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

  it('names the concepts most notes mention, with how to stop linking them, and the terms it does not link', () => {
    const policy = {
      ...run,
      newConflicts: [],
      skipped: [],
      failed: [],
      ubiquitous: [
        { concept: 'Pretraining', path: 'Concepts/Pretraining.md', notes: 505, share: 505 / 651, total: 651 },
        { concept: 'LLM', path: 'Concepts/LLM.md', notes: 400, share: 400 / 651, total: 651 },
      ],
      rejected: [{ term: 'the', concept: 'Concepts/Transformer.md', reason: 'too common a word: it would link almost every note' }],
    };
    expect(formatConceptRun('Concept links', policy)).toBe(
      'Concept links: 2 links added, 2 notes updated.\n' +
        'Mentioned by most notes: "Pretraining" (505 of 651 notes, 78 %), "LLM" (400 of 651 notes, 61 %). To stop linking a concept, add "zcn-link: false" to its note.\n' +
        'Terms not linked: "the" of Concepts/Transformer.md (too common a word: it would link almost every note).',
    );
  });

  it('reports the notes created and the user\'s notes adopted instead of a second note', () => {
    const adopted = [{ name: 'Transformer', path: 'Notes/Transformer.md', matched: 'Transformer', aliases: ['变换器'] }];
    const links = { ...run, newConflicts: [], skipped: [], failed: [], links: {}, updated: [] };
    expect(formatGlossaryOutcome({ created: ['Concepts/ICL.md'], skipped: 0, adopted, adoptedConcepts: ['Notes/Transformer.md'], links }, 'None.')).toBe(
      'Created 1 concept note.\nYour note Notes/Transformer.md is now the concept Transformer (named "Transformer"; no second note made).\nConcept links: 0 links added, 0 notes updated.',
    );
    expect(formatGlossaryOutcome({ created: [], skipped: 3, adopted: [], adoptedConcepts: null, links }, 'Every glossary concept already has a note.').split('\n')[0]).toBe(
      'Every glossary concept already has a note.',
    );
  });
});
