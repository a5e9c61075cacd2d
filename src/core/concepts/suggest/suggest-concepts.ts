/**
 * "Suggest concepts from library": the concept map grows from the user's own notes and papers. Definition pairs
 * (`in-context learning (ICL)`, `思维链（Chain-of-Thought，CoT）`) are collected from every source, grouped by short
 * form (a translation pair joins the acronym whose long form it translates), counted over the sources that define
 * or use them, and compared with the concept notes the vault already has. Pure: sources in, suggestions out.
 */
import type { Pause } from '../../scheduling/time-slicer';
import { findMatches } from '../matcher';
import { scanZones } from '../markdown-zones';
import { foldKey, rejectTerm } from '../term-rules';
import { buildTermIndex, type TermIndex } from '../term-index';
import { findDefinitionPairs } from './definition-pairs';
import { isAcronym } from './english-pairs';

export interface SuggestionSource {
  /** A note's vault path or a paper's citation key. */
  id: string;
  kind: 'note' | 'paper';
  /** Plain text (see noteText): definitions are looked for in it, and uses of the terms counted. */
  text: string;
}

export interface ConceptSuggestion {
  /** The short form (GRPO), or the English term of a translation pair (Hallucination). */
  term: string;
  /** Every long form found, English then Chinese, most used first. */
  aliases: string[];
  /** Notes and papers that define or use the term or one of its long forms. */
  notes: number;
  papers: number;
  /** The concept note that already has this term (name or alias), or null. */
  existing: string | null;
  /** Where it is defined (note paths and citation keys), for showing an example. */
  definedIn: string[];
}

export interface SuggestOptions {
  /** Only terms defined or used in at least this many notes and papers together (default 2; 1 shows all). */
  minNotes?: number;
  /** Awaited between sources: the plugin's time slicer gives the UI a turn there, so a 7,000-paper library never freezes it. */
  pause?: Pause;
}

export const DEFAULT_MIN_NOTES = 2;

const HAN = /[\u3400-\u9fff]/;

interface Group {
  term: string;
  /** Folded long form → its surfaces with counts. */
  longs: Map<string, Map<string, number>>;
  definedIn: Set<string>;
}

/** A plural acronym groups with its singular: "LLMs" → "LLM", "MoEs" → "MoE". */
function groupKey(short: string): string {
  if (isAcronym(short)) return /[A-Z]s$/.test(short) ? short.slice(0, -1) : short;
  return `\u0000${foldKey(short)}`;
}

/** A long form's grouping key: folded, a final plural "s" dropped. */
function longKey(long: string): string {
  return foldKey(long).replace(/(\p{L}{3,})s$/u, '$1');
}

function addLong(group: Group, long: string): void {
  const key = longKey(long);
  const surfaces = group.longs.get(key) ?? new Map<string, number>();
  surfaces.set(long, (surfaces.get(long) ?? 0) + 1);
  group.longs.set(key, surfaces);
}

async function collectGroups(sources: readonly SuggestionSource[], pause: Pause | undefined): Promise<Map<string, Group>> {
  const groups = new Map<string, Group>();
  for (const source of sources) {
    const paused = pause?.();
    if (paused) await paused;
    for (const pair of findDefinitionPairs(source.text)) {
      const key = groupKey(pair.short);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { term: key.startsWith('\u0000') ? pair.short : key, longs: new Map(), definedIn: new Set() }));
      addLong(group, pair.long);
      group.definedIn.add(source.id);
    }
  }
  // A translation pair (幻觉 ⇐ Hallucination) joins the acronym whose long form is that English term.
  for (const [key, group] of groups) {
    if (!key.startsWith('\u0000')) continue;
    const english = longKey(group.term);
    const host = [...groups.entries()].find(([k, g]) => !k.startsWith('\u0000') && g.longs.has(english));
    if (!host) continue;
    for (const surfaces of group.longs.values()) for (const [surface, n] of surfaces) for (let i = 0; i < n; i++) addLong(host[1], surface);
    for (const id of group.definedIn) host[1].definedIn.add(id);
    groups.delete(key);
  }
  return groups;
}

/** The group's long forms, English first then Chinese, each by its most used surface, most used first. */
function aliasesOf(group: Group): string[] {
  const ranked = [...group.longs.values()].map((surfaces) => {
    const sorted = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { surface: sorted[0][0], count: sorted.reduce((n, [, c]) => n + c, 0) };
  });
  ranked.sort((a, b) => Number(HAN.test(a.surface)) - Number(HAN.test(b.surface)) || b.count - a.count || (a.surface < b.surface ? -1 : 1));
  const term = foldKey(group.term);
  return ranked.map((r) => r.surface).filter((s) => foldKey(s) !== term && rejectTerm(s) === null);
}

/** Suggest concepts from `sources`; `index` holds the vault's concept notes (for `existing`). */
export async function suggestConcepts(sources: readonly SuggestionSource[], index: TermIndex | null, options: SuggestOptions = {}): Promise<ConceptSuggestion[]> {
  const minNotes = Math.max(1, options.minNotes ?? DEFAULT_MIN_NOTES);
  const groups = [...(await collectGroups(sources, options.pause)).values()].filter((g) => rejectTerm(g.term) === null);
  const candidates = groups.map((g) => ({ group: g, aliases: aliasesOf(g) }));
  // Count uses with the linker's own matcher (same boundaries, same case rules), one pseudo-concept per group.
  const usage = buildTermIndex(candidates.map((c, i) => ({ path: `${i}`, name: c.group.term, aliases: c.aliases })));
  const usedIn = candidates.map(() => ({ notes: new Set<string>(), papers: new Set<string>() }));
  const candidateOf = new Map(candidates.map((_, i) => [usage.conceptId(`${i}`), i]));
  const count = (i: number, source: SuggestionSource) => (source.kind === 'note' ? usedIn[i].notes : usedIn[i].papers).add(source.id);
  for (const source of sources) {
    const paused = options.pause?.();
    if (paused) await paused;
    for (const m of findMatches(source.text, usage, scanZones(source.text))) count(candidateOf.get(m.term.concept)!, source);
  }
  candidates.forEach((c, i) => {
    for (const source of sources) if (c.group.definedIn.has(source.id)) count(i, source);
  });
  const existingOf = (terms: string[]): string | null => {
    if (!index) return null;
    for (const t of terms) {
      const id = index.resolveLinkTarget(t);
      if (id >= 0) return index.concepts[id].path;
    }
    return null;
  };
  return candidates
    .map((c, i) => ({
      term: c.group.term,
      aliases: c.aliases,
      notes: usedIn[i].notes.size,
      papers: usedIn[i].papers.size,
      existing: existingOf([c.group.term, ...c.aliases]),
      definedIn: [...c.group.definedIn].sort(),
    }))
    .filter((s) => s.notes + s.papers >= minNotes)
    .sort((a, b) => b.notes + b.papers - (a.notes + a.papers) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
