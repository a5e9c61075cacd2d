/**
 * What changed between two term indexes, so that a change to a concept note's aliases re-links only the notes that
 * mention an old term (known from the state) or contain a new one (found with a small index of the new terms alone).
 */
import { findMatches } from './matcher';
import { buildTermIndex, type TermIndex } from './term-index';

export interface TermChanges {
  /** Concept paths that lost a term (or disappeared): the notes mentioning them must be re-linked. */
  removedFrom: string[];
  /** Terms that are new (or newly linkable) for some concept. */
  added: string[];
}

function termSets(index: TermIndex): Map<string, Set<string>> {
  return new Map(index.concepts.map((c) => [c.path, new Set(c.terms)]));
}

export function conceptTermChanges(before: TermIndex, after: TermIndex): TermChanges {
  const old = termSets(before);
  const now = termSets(after);
  const removedFrom: string[] = [];
  const added = new Set<string>();
  for (const [path, terms] of old) {
    const next = now.get(path);
    if (!next || [...terms].some((t) => !next.has(t))) removedFrom.push(path);
  }
  for (const [path, terms] of now) {
    const prev = old.get(path);
    for (const t of terms) if (!prev?.has(t)) added.add(t);
  }
  return { removedFrom: removedFrom.sort(), added: [...added].sort() };
}

/** An index of the given terms alone (one pseudo-concept each), for finding the notes that contain any of them. */
export function addedTermsIndex(terms: readonly string[]): TermIndex {
  return buildTermIndex(terms.map((t, i) => ({ path: `\u0000added/${i}`, name: t, aliases: [] })));
}

const NO_ZONES = { hard: [], soft: [], table: [], links: [], work: 0 };

/** Whether `text` contains one of the index's terms anywhere (protected zones included: a superset is safe here). */
export function containsAnyTerm(text: string, index: TermIndex): boolean {
  return findMatches(text, index, NO_ZONES).length > 0;
}
