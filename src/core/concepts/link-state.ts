/**
 * ConceptLinkState: what the engine remembers between runs so an incremental run touches only what it must.
 * The plugin keeps one in memory; the CLI builds a fresh one per run. Per note it holds the hash of the text the plan
 * leaves behind, the title and the concepts mentioned; per concept, the notes mentioning it and co-occurrence counts,
 * both maintained by difference, so one changed note costs O(its concepts²), not O(vault).
 */
import type { SectionConcept, SectionData, SectionNote } from './concept-section';
import { sortConcepts, sortNotes } from './concept-section';
import type { ConceptDef, TermIndex } from './term-index';

export interface NoteRecord {
  /** Hash of the note's text as the last plan leaves it (or as read, when the note was not written). */
  hash: string;
  /** Front-matter title, else the file name. */
  title: string;
  /** Concept note paths the note mentions or links, sorted. */
  mentions: string[];
  isConcept: boolean;
  /** The index version the record was computed with. */
  indexVersion: number;
}

export interface ConceptLinkState {
  /** Increased each time the term index changes. */
  indexVersion: number;
  index: TermIndex | null;
  /** Concept definitions the index was built from, by concept note path. */
  conceptDefs: Map<string, ConceptDef>;
  notes: Map<string, NoteRecord>;
  /** Concept path → paths of the notes (concept notes included) that mention it. */
  mentionedBy: Map<string, Set<string>>;
  /** Concept path → concept path → number of (non-concept) notes mentioning both. */
  cooccurrence: Map<string, Map<string, number>>;
  /** Notes that still need a run: skipped (being edited) or changed under a plan. */
  pending: Set<string>;
  /** Scope and settings the state belongs to; when they change, the next run is a full one. */
  configKey: string;
}

export function createConceptLinkState(): ConceptLinkState {
  return {
    indexVersion: 0,
    index: null,
    conceptDefs: new Map(),
    notes: new Map(),
    mentionedBy: new Map(),
    cooccurrence: new Map(),
    pending: new Set(),
    configKey: '',
  };
}

/** A deep copy (for dry runs, which must leave the caller's state as it was). The index is immutable and shared. */
export function cloneConceptLinkState(s: ConceptLinkState): ConceptLinkState {
  return {
    indexVersion: s.indexVersion,
    index: s.index,
    conceptDefs: new Map(s.conceptDefs),
    notes: new Map([...s.notes].map(([k, v]) => [k, { ...v, mentions: [...v.mentions] }])),
    mentionedBy: new Map([...s.mentionedBy].map(([k, v]) => [k, new Set(v)])),
    cooccurrence: new Map([...s.cooccurrence].map(([k, v]) => [k, new Map(v)])),
    pending: new Set(s.pending),
    configKey: s.configKey,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function bumpPairs(state: ConceptLinkState, concepts: readonly string[], delta: number): void {
  for (const a of concepts) {
    let row = state.cooccurrence.get(a);
    if (!row) state.cooccurrence.set(a, (row = new Map<string, number>()));
    for (const b of concepts) {
      if (a === b) continue;
      const n = (row.get(b) ?? 0) + delta;
      if (n > 0) row.set(b, n);
      else row.delete(b);
    }
  }
}

/**
 * Replace (or, with null, remove) a note's record, keeping the reverse index and co-occurrence counts in step.
 * Returns the concept paths whose sections may change because of it.
 */
export function setNoteRecord(state: ConceptLinkState, path: string, record: NoteRecord | null): Set<string> {
  const old = state.notes.get(path);
  const affected = new Set<string>();
  const oldMentions = old?.mentions ?? [];
  const newMentions = record?.mentions ?? [];
  if (!sameList(oldMentions, newMentions) || old?.isConcept !== record?.isConcept) {
    for (const c of oldMentions) {
      state.mentionedBy.get(c)?.delete(path);
      affected.add(c);
    }
    if (old && !old.isConcept) bumpPairs(state, oldMentions, -1);
    for (const c of newMentions) {
      let set = state.mentionedBy.get(c);
      if (!set) state.mentionedBy.set(c, (set = new Set()));
      set.add(path);
      affected.add(c);
    }
    if (record && !record.isConcept) bumpPairs(state, newMentions, +1);
    if (old?.isConcept || record?.isConcept) affected.add(path);
  } else if (record && !record.isConcept && old?.title !== record.title) {
    for (const c of newMentions) affected.add(c);
  }
  if (record) state.notes.set(path, record);
  else state.notes.delete(path);
  return affected;
}

/** Everything the concept section of `conceptPath` shows, from the state. */
export function sectionData(state: ConceptLinkState, conceptPath: string): SectionData {
  const defs = state.conceptDefs;
  const concept = (path: string): SectionConcept | null => {
    const def = defs.get(path);
    return def && path !== conceptPath ? { path, name: def.name } : null;
  };
  const notes: SectionNote[] = [];
  const mentionedBy: SectionConcept[] = [];
  for (const path of state.mentionedBy.get(conceptPath) ?? []) {
    const rec = state.notes.get(path);
    if (!rec) continue;
    if (!rec.isConcept) notes.push({ path, title: rec.title });
    else {
      const c = concept(path);
      if (c) mentionedBy.push(c);
    }
  }
  const mentions = (state.notes.get(conceptPath)?.mentions ?? []).map(concept).filter((c): c is SectionConcept => c !== null);
  const cooccurring: (SectionConcept & { count: number })[] = [];
  for (const [path, count] of state.cooccurrence.get(conceptPath) ?? []) {
    const c = concept(path);
    if (c) cooccurring.push({ ...c, count });
  }
  sortConcepts(cooccurring).sort((a, b) => b.count - a.count);
  return { notes: sortNotes(notes), mentions: sortConcepts(mentions), mentionedBy: sortConcepts(mentionedBy), cooccurring };
}
