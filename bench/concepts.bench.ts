/**
 * Concept linking on a generated vault of 5,000 notes and 300 concepts (about 1,000 terms, English and Chinese),
 * in memory (pure engine time): a full rebuild (plan + apply, concept sections included), one changed note with a
 * warm ConceptLinkState, and the baseline of one regular expression per alias run over the same notes (first
 * occurrence of each alias linked, no protected regions at all: the naive auto-linker).
 */
import { applyConceptPlan, createConceptLinkState, planConceptLinks, type ConceptLinkState } from '../src/core/concepts/engine';
import { defaultSettings } from '../src/core/settings/settings';
import { InMemoryVault } from '../src/core/vault/memory-vault';
import { generateConceptVault, NOTE_COUNT, type BenchVault } from './concepts-vault';
import { formatMs, type BenchCase, type BenchGoal, type CaseResult } from './harness';

const GROUP = 'concepts: link 5,000 notes against 300 concepts';
const settings = defaultSettings();

function describe(v: BenchVault): string {
  const bytes = Object.values(v.files).reduce((n, t) => n + t.length, 0);
  return `${v.terms.length} terms, ${(bytes / 1e6).toFixed(1)} MB`;
}

const FULL_REPEAT = 3;

/** One fresh vault per repetition, built untimed: the run measures the engine, not the test backend's setup. */
interface Full {
  v: BenchVault;
  vaults: InMemoryVault[];
}

async function fullRun({ v, vaults }: Full): Promise<string> {
  const vault = vaults.pop()!;
  const state = createConceptLinkState();
  const plan = await planConceptLinks(vault, { settings, state });
  const applied = await applyConceptPlan(vault, plan);
  const links = Object.values(applied.links).reduce((n, l) => n + l.length, 0);
  return `${links} links in ${applied.updated.length} notes, ${plan.sections.length} sections; ${describe(v)}`;
}

interface Warm {
  vault: InMemoryVault;
  state: ConceptLinkState;
  terms: string[];
  round: number;
}

async function warm(): Promise<Warm> {
  const v = generateConceptVault();
  const vault = new InMemoryVault(v.files);
  const state = createConceptLinkState();
  await applyConceptPlan(vault, await planConceptLinks(vault, { settings, state }));
  return { vault, state, terms: v.terms.map((t) => t.term), round: 0 };
}

/** The user adds a sentence mentioning another concept to one note; the plugin runs incrementally on it. */
async function oneChangedNote(w: Warm): Promise<string> {
  const round = w.round++;
  const path = `Literature/paper${(round * 977) % NOTE_COUNT}.md`;
  await w.vault.process(path, (t) => `${t}\nA new thought about ${w.terms[(round * 31) % w.terms.length]} here.\n`);
  const start = performance.now();
  const plan = await planConceptLinks(w.vault, { settings, state: w.state, changedPaths: [path] });
  const applied = await applyConceptPlan(w.vault, plan);
  return `${plan.scanned} note read, ${applied.updated.length} notes written (${plan.sections.length} sections) in ${formatMs(performance.now() - start)}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One RegExp per alias (`\b` around Latin terms, case-insensitive), first occurrence of each concept linked. */
function baseline(v: BenchVault): string {
  const patterns = v.terms.map(({ term, concept }) => {
    const latin = /^[A-Za-z0-9]/.test(term);
    const body = escapeRegExp(term);
    return { concept, re: new RegExp(latin ? `\\b${body}\\b` : body, 'i') };
  });
  let links = 0;
  for (const [path, original] of Object.entries(v.files)) {
    if (!path.startsWith('Literature/')) continue;
    let text = original;
    const done = new Set<string>();
    for (const { concept, re } of patterns) {
      if (done.has(concept)) continue;
      const m = re.exec(text);
      if (!m) continue;
      done.add(concept);
      text = `${text.slice(0, m.index)}[[${concept}|${m[0]}]]${text.slice(m.index + m[0].length)}`;
      links++;
    }
  }
  return `${links} links; ${describe(v)}`;
}

export const CASES: BenchCase[] = [
  {
    id: 'concepts-regex-per-alias',
    group: GROUP,
    label: 'one RegExp per alias',
    baseline: true,
    setup: () => Promise.resolve(generateConceptVault()),
    run: (prepared) => Promise.resolve(baseline(prepared as BenchVault)),
  },
  {
    id: 'concepts-full',
    group: GROUP,
    label: 'ours: full rebuild (plan + apply)',
    repeat: FULL_REPEAT,
    setup: () => {
      const v = generateConceptVault();
      return Promise.resolve({ v, vaults: Array.from({ length: FULL_REPEAT }, () => new InMemoryVault(v.files)) });
    },
    run: (prepared) => fullRun(prepared as Full),
  },
  {
    id: 'concepts-incremental',
    group: GROUP,
    label: 'ours: one changed note (incremental)',
    repeat: 9,
    setup: warm,
    run: (prepared) => oneChangedNote(prepared as Warm),
  },
];

function ms(results: Map<string, CaseResult>, id: string): number | null {
  return results.get(id)?.ms ?? null;
}

export const GOALS: BenchGoal[] = [
  {
    group: GROUP,
    check: (results) => {
      const full = ms(results, 'concepts-full');
      return full === null ? 'goal full rebuild < 1 s: not measured' : `goal full rebuild < 1 s: ${formatMs(full)} (${full < 1000 ? 'met' : 'MISSED'})`;
    },
  },
  {
    group: GROUP,
    check: (results) => {
      const full = ms(results, 'concepts-full');
      const base = ms(results, 'concepts-regex-per-alias');
      if (full === null || base === null) return 'goal full rebuild >= 5x faster than one RegExp per alias: not measured';
      const ratio = base / full;
      return `goal full rebuild >= 5x faster than one RegExp per alias: ${ratio.toFixed(1)}x (${ratio >= 5 ? 'met' : 'MISSED'})`;
    },
  },
  {
    group: GROUP,
    check: (results) => {
      const one = ms(results, 'concepts-incremental');
      return one === null ? 'goal one changed note < 20 ms: not measured' : `goal one changed note < 20 ms: ${formatMs(one)} (${one < 20 ? 'met' : 'MISSED'})`;
    },
  },
];
