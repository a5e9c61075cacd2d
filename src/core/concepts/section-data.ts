/**
 * What a concept section lists, read from the state, in a stable order: notes by title (case-insensitive, then
 * path), related concepts by name, co-occurring concepts by count then name. Sorting uses ranks computed once per
 * run (a vault-wide note order, a concept order), so 300 sections of a 5,000-note vault sort integers, not strings.
 */
import { MAX_COOCCURRING, type SectionConcept, type SectionData, type SectionNote } from './concept-section';
import type { ConceptDef } from './term-index';
import type { ConceptLinkState } from './link-state';
import { sortedSliced } from '../scheduling/sorted-sliced';
import type { Pause } from '../scheduling/time-slicer';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Give every (non-concept) note its rank in the vault-wide order; `pause` is awaited while sorting. */
export async function rankNotes(state: ConceptLinkState, pause: Pause = () => undefined): Promise<void> {
  const records = [...state.notes].filter(([, r]) => !r.isConcept);
  const sorted = await sortedSliced(records, ([pa, a], [pb, b]) => compareText(a.sortKey, b.sortKey) || compareText(pa, pb), pause);
  sorted.forEach(([, r], i) => (r.rank = i));
}

/** The concept order (by name, case-insensitive, then path). */
export function orderConcepts(defs: ReadonlyMap<string, ConceptDef>): Map<string, number> {
  const keyed = [...defs.values()].map((d) => ({ path: d.path, key: d.name.toLowerCase() }));
  keyed.sort((a, b) => compareText(a.key, b.key) || compareText(a.path, b.path));
  return new Map(keyed.map((k, i) => [k.path, i]));
}

/** The notes (not concept notes) that mention `conceptPath`, sorted by title. */
export function sectionNotes(state: ConceptLinkState, conceptPath: string): SectionNote[] {
  const notes: (SectionNote & { rank: number })[] = [];
  let ranked = true;
  state.mentionedBy.get(conceptPath)?.forEach((path) => {
    const rec = state.notes.get(path);
    if (!rec || rec.isConcept) return;
    // `link` is made later (linkedNotes): given its place now, setting it does not reshape the object.
    notes.push({ path, title: rec.title, sortKey: rec.sortKey, rank: rec.rank, link: undefined });
    if (rec.rank < 0) ranked = false;
  });
  // Ranks agree with the full comparison; a note added since the last ranking forces the full comparison.
  if (ranked) notes.sort((a, b) => a.rank - b.rank);
  else notes.sort((a, b) => compareText(a.sortKey, b.sortKey) || compareText(a.path, b.path));
  return notes;
}

type Cooccurring = SectionConcept & { count: number };

/**
 * The concepts appearing with `conceptPath`, most frequent first, then by name, but only the MAX_COOCCURRING a
 * section shows (kept sorted while the row is read), and how many there are. Sorting all of them took a third of a
 * full rebuild's section time: 300 concepts, each appearing with the 299 others.
 */
function topCooccurring(state: ConceptLinkState, conceptPath: string): { shown: Cooccurring[]; count: number } {
  const key = (path: string) => state.conceptOrder.get(path) ?? 0;
  const shown: Cooccurring[] = [];
  let count = 0;
  for (const [path, n] of state.cooccurrence.row(conceptPath)) {
    const def = path === conceptPath ? undefined : state.conceptDefs.get(path);
    if (!def) continue;
    count++;
    let at = shown.length;
    while (at > 0 && (shown[at - 1].count < n || (shown[at - 1].count === n && key(shown[at - 1].path) > key(path)))) at--;
    shown.splice(at, 0, { path, name: def.name, count: n });
    if (shown.length > MAX_COOCCURRING) shown.pop();
  }
  return { shown, count };
}

/** The related concepts of `conceptPath`: those its note mentions, those mentioning it, those appearing with it. */
export function sectionRelated(state: ConceptLinkState, conceptPath: string): Omit<SectionData, 'notes'> {
  const order = state.conceptOrder;
  const concept = (path: string): SectionConcept | null => {
    const def = state.conceptDefs.get(path);
    return def && path !== conceptPath ? { path, name: def.name } : null;
  };
  const byName = (a: SectionConcept, b: SectionConcept) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0);
  const mentionedBy: SectionConcept[] = [];
  state.mentionedBy.get(conceptPath)?.forEach((path) => {
    const c = state.notes.get(path)?.isConcept ? concept(path) : null;
    if (c) mentionedBy.push(c);
  });
  const mentions = (state.notes.get(conceptPath)?.mentions ?? []).map(concept).filter((c): c is SectionConcept => c !== null);
  const cooccurring = topCooccurring(state, conceptPath);
  return {
    mentions: mentions.sort(byName),
    mentionedBy: mentionedBy.sort(byName),
    cooccurring: cooccurring.shown,
    cooccurringCount: cooccurring.count,
  };
}
