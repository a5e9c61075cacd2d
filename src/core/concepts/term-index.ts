/**
 * The term index: every concept note's file name and front-matter aliases, checked, classified and compiled into a
 * trie. A term two concepts share is linked for neither and reported as a conflict.
 */
import { vaultBasename } from '../vault/vault-path';
import { FOLD, WIDTH } from './char-class';
import { fieldList, readFrontMatterFields } from './front-matter';
import { rejectTerm, shapeTerm, termsOverlap, widthKey, type TermShape } from './term-rules';
import { TermTrie, type TrieKey } from './term-trie';

/** A concept as its note defines it. */
export interface ConceptDef {
  /** Vault path of the concept note, e.g. "Concepts/ICL.md". */
  path: string;
  /** File name without ".md": the link target and the first term. */
  name: string;
  /** Front-matter aliases, as written. */
  aliases: string[];
  /**
   * False when the note says `zcn-link: false`: its terms are not linked or counted (a concept so common that
   * linking it turns the graph into a hairball). Links the user wrote to it still count. Default true.
   */
  linkable?: boolean;
}

/** The front-matter switch that stops linking a concept. */
export const LINK_SWITCH_KEY = 'zcn-link';

export interface ConceptEntry extends ConceptDef {
  id: number;
  /** The terms that link to this concept (name and aliases minus rejected and conflicting ones). */
  terms: string[];
}

/** A term claimed by more than one concept: linked for none of them. */
export interface TermConflict {
  term: string;
  /** Paths of the concept notes that claim it, sorted. */
  concepts: string[];
}

export interface RejectedTerm {
  term: string;
  concept: string;
  reason: string;
}

export interface TermInfo extends TermShape {
  id: number;
  concept: number;
}

export class TermIndex {
  readonly concepts: readonly ConceptEntry[];
  readonly terms: readonly TermInfo[];
  /** Phrases and mixed terms, over case-folded keys. */
  readonly foldedTrie: TermTrie;
  /** Acronyms and CJK terms, as written (full-width letters aside). */
  readonly exactTrie: TermTrie;
  readonly conflicts: readonly TermConflict[];
  readonly rejected: readonly RejectedTerm[];
  private readonly byPath = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  private readonly byAlias = new Map<string, number>();

  constructor(concepts: ConceptEntry[], terms: TermInfo[], conflicts: TermConflict[], rejected: RejectedTerm[]) {
    this.concepts = concepts;
    this.terms = terms;
    this.conflicts = conflicts;
    this.rejected = rejected;
    const folded: TrieKey[] = [];
    const exact: TrieKey[] = [];
    for (const t of terms) {
      if (t.cls === 'exact') {
        exact.push({ key: widthKey(t.text), term: t.id, ies: false });
        continue;
      }
      folded.push({ key: t.key, term: t.id, ies: false });
      if (t.iesKey) folded.push({ key: t.iesKey, term: t.id, ies: true });
    }
    this.foldedTrie = new TermTrie(folded, FOLD);
    this.exactTrie = new TermTrie(exact, WIDTH);
    const ambiguous = -1;
    const claim = (map: Map<string, number>, key: string, id: number) => {
      const had = map.get(key);
      map.set(key, had === undefined || had === id ? id : ambiguous);
    };
    for (const c of concepts) {
      this.byPath.set(c.path, c.id);
      claim(this.byName, c.name.toLowerCase(), c.id);
      for (const a of c.aliases) claim(this.byAlias, a.trim().toLowerCase(), c.id);
    }
  }

  /** The concept id of a concept note path, or -1. */
  conceptId(path: string): number {
    return this.byPath.get(path) ?? -1;
  }

  /**
   * The concept a link target points to (a wikilink target or a decoded Markdown link path), or -1. Matches the
   * concept's file name, its path (or a path suffix), or one of its aliases; case-insensitive, as Obsidian resolves.
   */
  resolveLinkTarget(rawTarget: string): number {
    let target = rawTarget.trim();
    const hash = target.indexOf('#');
    if (hash >= 0) target = target.slice(0, hash);
    target = target.trim().toLowerCase();
    if (target.endsWith('.md')) target = target.slice(0, -3);
    if (target === '') return -1;
    if (target.includes('/')) {
      const name = vaultBasename(target);
      const id = this.byName.get(name) ?? -1;
      if (id < 0) return -1;
      const path = this.concepts[id].path.toLowerCase().slice(0, -3);
      const relative = target.replace(/^(?:\.{1,2}\/|\/)+/, '');
      return path === relative || path.endsWith('/' + relative) ? id : -1;
    }
    const byName = this.byName.get(target);
    if (byName !== undefined) return byName;
    return this.byAlias.get(target) ?? -1;
  }
}

/** Read a concept note's definition (name from the path, aliases from front matter). */
export function parseConceptNote(path: string, text: string): { def: ConceptDef; problem?: string } {
  const fields = readFrontMatterFields(text, ['aliases', 'alias', LINK_SWITCH_KEY]);
  const aliases = [...fieldList(fields.values.get('aliases')), ...fieldList(fields.values.get('alias'))];
  const def: ConceptDef = { path, name: vaultBasename(path).replace(/\.md$/i, ''), aliases };
  const link = fields.values.get(LINK_SWITCH_KEY);
  if (typeof link === 'string' && /^(?:false|no|off|0)$/i.test(link.trim())) def.linkable = false;
  return fields.error ? { def, problem: `front matter is not valid YAML (${fields.error}); aliases ignored` } : { def };
}

/** Build the index from concept definitions (order does not matter: concepts are sorted by path). */
export function buildTermIndex(defs: readonly ConceptDef[]): TermIndex {
  // Sorted by path: concept ids then follow path order (link-text relies on it).
  const sorted = [...defs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Written field by field (linkable too, even when undefined): spread copies got a hidden class each (292 for 300
  // concepts, 992 for 1,000 terms), which made every `concept.path` or `term.cls` read in the hot loops megamorphic.
  const concepts: ConceptEntry[] = sorted.map((d, id) => ({ path: d.path, name: d.name, aliases: [...d.aliases], linkable: d.linkable, id, terms: [] }));
  const rejected: RejectedTerm[] = [];
  const candidates: { shape: TermShape; concept: number }[] = [];
  for (const c of concepts) {
    if (c.linkable === false) continue; // switched off: no terms, so no links and no mentions
    const seen = new Set<string>();
    for (const raw of [c.name, ...c.aliases]) {
      const reason = rejectTerm(raw);
      if (reason) {
        rejected.push({ term: raw, concept: c.path, reason });
        continue;
      }
      const shape = shapeTerm(raw);
      if (seen.has(shape.text)) continue;
      seen.add(shape.text);
      candidates.push({ shape, concept: c.id });
    }
  }
  const byKey = new Map<string, number[]>();
  candidates.forEach((cand, i) => {
    const list = byKey.get(cand.shape.key);
    if (list) list.push(i);
    else byKey.set(cand.shape.key, [i]);
  });
  const dropped = new Set<number>();
  const conflicts = new Map<string, Set<string>>();
  for (const group of byKey.values()) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const a = candidates[group[x]];
        const b = candidates[group[y]];
        if (a.concept === b.concept || !termsOverlap(a.shape, b.shape)) continue;
        dropped.add(group[x]).add(group[y]);
        const label = a.shape.cls === 'phrase' ? a.shape.key : a.shape.text;
        const set = conflicts.get(label) ?? new Set<string>();
        set.add(concepts[a.concept].path).add(concepts[b.concept].path);
        conflicts.set(label, set);
      }
    }
  }
  const terms: TermInfo[] = [];
  candidates.forEach((cand, i) => {
    if (dropped.has(i)) return;
    terms.push(Object.assign(cand.shape, { id: terms.length, concept: cand.concept }));
    concepts[cand.concept].terms.push(cand.shape.text);
  });
  const conflictList = [...conflicts.entries()]
    .map(([term, set]) => ({ term, concepts: [...set].sort() }))
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return new TermIndex(concepts, terms, conflictList, rejected);
}
