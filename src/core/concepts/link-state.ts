/**
 * ConceptLinkState: what the engine remembers between runs so an incremental run touches only what it must.
 * The plugin keeps one in memory; the CLI builds a fresh one per run. Per note it holds the hash of the text the plan
 * leaves behind, the title and the concepts mentioned; per concept, the notes mentioning it and co-occurrence counts,
 * both maintained by difference, so one changed note costs O(its concepts²), not O(vault).
 */
import { CooccurrenceMatrix } from './cooccurrence';
import type { ConceptDef, TermIndex } from './term-index';
import type { Pause } from '../scheduling/time-slicer';

export interface NoteRecord {
  /** Hash of the note's text as the last plan leaves it (or as read, when the note was not written). */
  hash: string;
  /** Front-matter title, else the file name; made safe as link text. */
  title: string;
  /** Lower-case title: the sort key of the concept sections. */
  sortKey: string;
  /** Position of the note in the vault-wide order of the concept sections (by sortKey, then path); -1: not ranked. */
  rank: number;
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
  /** Position of each concept in name order (case-insensitive, then path), for sorting related concepts. */
  conceptOrder: Map<string, number>;
  notes: Map<string, NoteRecord>;
  /** Concept path → paths of the notes (concept notes included) that mention it. */
  mentionedBy: Map<string, Set<string>>;
  /** Number of (non-concept) notes mentioning both of two concepts. */
  cooccurrence: CooccurrenceMatrix;
  /** Notes that still need a run: skipped (being edited) or changed under a plan. */
  pending: Set<string>;
  /** Scope and settings the state belongs to; when they change, the next run is a full one. */
  configKey: string;
  /** The two parts of each concept section as last planned, so an incremental run re-renders only what changed. */
  sectionParts: Map<string, { list: string; related: string }>;
  /** Note file names (lower case) shared by several notes, as last computed; null: compute again. */
  ambiguousNames: Set<string> | null;
  /** Refused terms already reported ("concept path\tterm"): a run reports only new ones (`newRejected`). */
  reportedRejections: Set<string>;
}

/** Concept sections a change touches: `lists` (the notes listed or their titles) and `related` (the rest). */
export interface AffectedSections {
  lists: Set<string>;
  related: Set<string>;
}

export function noSections(): AffectedSections {
  return { lists: new Set(), related: new Set() };
}

export function createConceptLinkState(): ConceptLinkState {
  return {
    indexVersion: 0,
    index: null,
    conceptDefs: new Map(),
    conceptOrder: new Map(),
    notes: new Map(),
    mentionedBy: new Map(),
    cooccurrence: new CooccurrenceMatrix(),
    pending: new Set(),
    configKey: '',
    sectionParts: new Map(),
    ambiguousNames: null,
    reportedRejections: new Set(),
  };
}

/** A deep copy (for dry runs, which must leave the caller's state as it was). The index is immutable and shared. */
export function cloneConceptLinkState(s: ConceptLinkState): ConceptLinkState {
  return {
    indexVersion: s.indexVersion,
    index: s.index,
    conceptDefs: new Map(s.conceptDefs),
    conceptOrder: new Map(s.conceptOrder),
    notes: new Map([...s.notes].map(([k, v]) => [k, { ...v, mentions: [...v.mentions] }])),
    mentionedBy: new Map([...s.mentionedBy].map(([k, v]) => [k, new Set(v)])),
    cooccurrence: s.cooccurrence.clone(),
    pending: new Set(s.pending),
    configKey: s.configKey,
    sectionParts: new Map(s.sectionParts),
    ambiguousNames: s.ambiguousNames && new Set(s.ambiguousNames),
    reportedRejections: new Set(s.reportedRejections),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const NONE: readonly string[] = [];

/**
 * Replace (or, with null, remove) a note's record, keeping the reverse index and co-occurrence counts in step, and
 * add to `affected` (unless null: a full run re-renders every section anyway) the concept sections it changes.
 * Mention lists are sorted, so the difference is one merge, without allocating.
 */
export function setNoteRecord(state: ConceptLinkState, path: string, record: NoteRecord | null, affected: AffectedSections | null): void {
  const old = state.notes.get(path);
  const before = old?.mentions ?? NONE;
  const after = record?.mentions ?? NONE;
  const concept = old?.isConcept === true || record?.isConcept === true;
  if (!sameList(before, after) || old?.isConcept !== record?.isConcept) {
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
      const a = before[i];
      const b = after[j];
      let c: string;
      if (j >= after.length || (i < before.length && a < b)) {
        c = a;
        i++;
        state.mentionedBy.get(c)?.delete(path);
        if (!concept) affected?.lists.add(c);
      } else if (i >= before.length || b < a) {
        c = b;
        j++;
        let set = state.mentionedBy.get(c);
        if (!set) state.mentionedBy.set(c, (set = new Set()));
        set.add(path);
        if (!concept) affected?.lists.add(c);
      } else {
        c = a;
        i++;
        j++;
        if (concept) continue; // still mentioned by this concept note: nothing it shows changes
      }
      affected?.related.add(c);
    }
    if (old && !old.isConcept) state.cooccurrence.add(before, -1);
    if (record && !record.isConcept) state.cooccurrence.add(after, +1);
    if (concept) affected?.related.add(path);
  } else if (record && !record.isConcept && old?.title !== record.title) {
    for (const c of after) affected?.lists.add(c);
  }
  if (record) state.notes.set(path, record);
  else state.notes.delete(path);
}

/**
 * Rebuild the reverse index and co-occurrence counts from the records in one pass (full runs: cheaper than keeping
 * them in step note by note, since every set is built at its final size).
 */
export async function rebuildReverseIndex(state: ConceptLinkState, pause?: Pause): Promise<void> {
  const lists = new Map<string, string[]>();
  state.cooccurrence = new CooccurrenceMatrix();
  for (const [path, rec] of state.notes) {
    for (const c of rec.mentions) {
      const list = lists.get(c);
      if (list) list.push(path);
      else lists.set(c, [path]);
    }
    if (!rec.isConcept) state.cooccurrence.add(rec.mentions, +1);
    if (pause) await pause();
  }
  state.mentionedBy = new Map([...lists].map(([c, list]) => [c, new Set(list)]));
}
