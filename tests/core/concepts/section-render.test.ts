/**
 * The concept section's rendering shortcuts against the plain rendering they replaced: parts joined once with the
 * parts sliced from the content, co-occurring concepts selected (top MAX_COOCCURRING) instead of sorted whole, and
 * the wikilink writer's per-target cache. Property tests, seeded: the same cases on every run.
 */
import fc from 'fast-check';
import { MAX_COOCCURRING, notesPartPieces, renderNotesPart, renderRelatedPart, sectionContent, type SectionNote } from '../../../src/core/concepts/concept-section';
import { createConceptLinkState } from '../../../src/core/concepts/link-state';
import { orderConcepts, sectionRelated } from '../../../src/core/concepts/section-data';
import { wikilinkMaker } from '../../../src/core/concepts/link-writer';

const SEED = { seed: 20251203 };
const title = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '中', '文', '-', 'x'), maxLength: 12 });

/** What the list part rendered as before: `- link` lines joined by line breaks. */
function listAsLines(notes: readonly SectionNote[], makeLink = wikilinkMaker()): string {
  const lines = [`## Mentioned in (${notes.length})`, ''];
  if (notes.length === 0) lines.push('*No note mentions this concept yet.*');
  for (const n of notes) lines.push(`- ${makeLink(n.path, n.title, 'Concepts/X.md')}`);
  return lines.join('\n');
}

describe('concept section rendering', () => {
  const options = { language: 'en' as const, makeLink: wikilinkMaker(), sourcePath: 'Concepts/X.md' };

  it('renders the list from pieces exactly as from lines, and slices the parts from one content string', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), title), { maxLength: 30 }), (raw) => {
        const notes = raw.map(([n, t]) => ({ path: `Literature/p${n}.md`, title: t, sortKey: t.toLowerCase() }));
        const list = renderNotesPart(notes, options);
        expect(list).toBe(listAsLines(notes));
        const data = { mentions: [], mentionedBy: [{ path: 'Concepts/A.md', name: 'A' }], cooccurring: [] };
        const related = renderRelatedPart(data, options);
        const fresh = sectionContent(notesPartPieces(notes, options), related);
        expect(fresh).toEqual({ content: `${list}\n\n${related}`, list, related });
        // A list part kept from an earlier run (a string) gives the same result.
        expect(sectionContent(list, related)).toEqual(fresh);
      }),
      { numRuns: 300, ...SEED },
    );
  });

  it('shows the same co-occurring concepts, counts and "more" as sorting them all', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(39), { maxLength: 12 }), { maxLength: 60 }), fc.nat(39), (notes, who) => {
        const state = createConceptLinkState();
        const names = Array.from({ length: 40 }, (_, i) => `c${(i * 7) % 40}`); // name order differs from path order
        for (let i = 0; i < 40; i++) state.conceptDefs.set(`Concepts/${i}.md`, { path: `Concepts/${i}.md`, name: names[i], aliases: [] });
        state.conceptOrder = orderConcepts(state.conceptDefs);
        for (const mentioned of notes) state.cooccurrence.add([...new Set(mentioned)].map((c) => `Concepts/${c}.md`).sort(), +1);
        const path = `Concepts/${who}.md`;
        const data = sectionRelated(state, path);
        // The reference: every co-occurring concept, sorted by count, then name order.
        const all = state.cooccurrence
          .row(path)
          .filter(([p]) => p !== path)
          .map(([p, count]) => ({ path: p, name: state.conceptDefs.get(p)!.name, count }))
          .sort((a, b) => b.count - a.count || state.conceptOrder.get(a.path)! - state.conceptOrder.get(b.path)!);
        expect(data.cooccurring).toEqual(all.slice(0, MAX_COOCCURRING));
        expect(data.cooccurringCount).toBe(all.length);
        expect(renderRelatedPart(data, options)).toBe(renderRelatedPart({ ...data, cooccurring: all, cooccurringCount: undefined }, options));
      }),
      { numRuns: 300, ...SEED },
    );
  });

  it('writes the same wikilinks with its per-target cache as without', () => {
    const ambiguous = new Set(['p1']);
    const reference = (target: string, surface: string) => {
      const name = target.replace(/^.*\//, '').replace(/\.md$/i, '');
      const linkTarget = ambiguous.has(name.toLowerCase()) ? target.replace(/\.md$/i, '') : name;
      return surface === linkTarget ? `[[${linkTarget}]]` : `[[${linkTarget}|${surface}]]`;
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), fc.constantFrom('p0', 'p1', 'P1', 'ICL', 'in-context learning', '')), { maxLength: 40 }), (calls) => {
        const make = wikilinkMaker(ambiguous);
        for (const [n, surface] of calls) expect(make(`Notes/p${n}.md`, surface, 'a.md')).toBe(reference(`Notes/p${n}.md`, surface));
      }),
      { numRuns: 300, ...SEED },
    );
  });
});
