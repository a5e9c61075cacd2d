/**
 * "Cited in" over a generated vault of 10,000 notes (2,000 literature notes, 8,000 other notes of which one in five
 * cites papers, in every Pandoc form, beside code, URLs and e-mail addresses), in memory (pure engine time): a full
 * rebuild, and one changed note with a warm state. Baseline: one regular expression for `[@…]` over every note
 * (no protected zones, no sections written): the naive scan.
 */
import { createCitationState, type CitationState } from '../src/core/citations/citation-state';
import { updateCitedIn } from '../src/core/citations/update-cited-in';
import { InMemoryVault } from '../src/core/vault/memory-vault';
import { formatMs, type BenchCase, type BenchGoal, type CaseResult } from './harness';

const GROUP = 'citations: "Cited in" over 10,000 notes';
const LITERATURE = 2000;
const OTHER = 8000;
const options = { notesFolder: 'Literature', language: 'en' as const };

const key = (i: number) => `author${i}Title${2000 + (i % 25)}`;

/** Deterministic pseudo-random numbers, so every run measures the same vault. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function generate(): Record<string, string> {
  const files: Record<string, string> = {};
  const r = rng(7);
  for (let i = 0; i < LITERATURE; i++) {
    files[`Literature/${key(i)}.md`] = `---\ncitekey: ${key(i)}\ntitle: Paper ${i}\n---\n# Paper ${i}\n\nA summary of in-context learning and chain of thought.\n`;
  }
  for (let i = 0; i < OTHER; i++) {
    const lines = [`# Note ${i}`, '', 'Some prose about multimodal models, with `code @decorator` and https://example.org/@user links.'];
    if (i % 5 === 0) {
      const a = key(Math.floor(r() * LITERATURE));
      const b = key(Math.floor(r() * LITERATURE));
      lines.push(`As shown [see @${a}, p. ${i % 30}; @${b}], and @${a} [ch. 2] agrees [-@${b}]. Mail: someone@example.org`);
      lines.push(`Also [[@${key(Math.floor(r() * LITERATURE))}]].`);
    }
    lines.push('', '```', '[@notACitation]', '```', '');
    files[`Notes/${Math.floor(i / 500)}/note${i}.md`] = lines.join('\n');
  }
  return files;
}

function naive(files: Record<string, string>): string {
  let found = 0;
  const re = /\[[^\]\n]*@[^\]\n]*\]/g;
  for (const text of Object.values(files)) found += (text.match(re) ?? []).length;
  return `${found} bracket groups`;
}

const FULL_REPEAT = 3;

async function full(vaults: InMemoryVault[]): Promise<string> {
  const result = await updateCitedIn(vaults.pop()!, options);
  return `${result.citations} citations, ${result.updated.length} sections written`;
}

interface Warm {
  vault: InMemoryVault;
  state: CitationState;
  round: number;
}

async function warm(): Promise<Warm> {
  const vault = new InMemoryVault(generate());
  const state = createCitationState();
  await updateCitedIn(vault, { ...options, state });
  return { vault, state, round: 0 };
}

/** The user adds a citation to one note; the plugin updates incrementally. */
async function oneChangedNote(w: Warm): Promise<string> {
  const round = w.round++;
  const path = `Notes/0/note${round * 5 + 1}.md`;
  await w.vault.process(path, (t) => `${t}\nNew point [@${key(round * 37)}].\n`);
  const start = performance.now();
  const result = await updateCitedIn(w.vault, { ...options, state: w.state, changedPaths: [path] });
  return `${result.updated.length} section written in ${formatMs(performance.now() - start)}`;
}

export const CASES: BenchCase[] = [
  {
    id: 'citations-regex',
    group: GROUP,
    label: 'one RegExp for [@…] (no zones, nothing written)',
    baseline: true,
    setup: () => Promise.resolve(generate()),
    run: (prepared) => Promise.resolve(naive(prepared as Record<string, string>)),
  },
  {
    id: 'citations-full',
    group: GROUP,
    label: 'ours: full rebuild',
    repeat: FULL_REPEAT,
    setup: () => {
      const files = generate();
      return Promise.resolve(Array.from({ length: FULL_REPEAT }, () => new InMemoryVault(files)));
    },
    run: (prepared) => full(prepared as InMemoryVault[]),
  },
  {
    id: 'citations-incremental',
    group: GROUP,
    label: 'ours: one changed note (incremental)',
    repeat: 9,
    setup: warm,
    run: (prepared) => oneChangedNote(prepared as Warm),
  },
];

const goal = (id: string, limitMs: number, what: string) => (results: Map<string, CaseResult>) => {
  const r = results.get(id);
  if (!r) return `goal ${what} < ${formatMs(limitMs)}: not measured`;
  return `goal ${what} < ${formatMs(limitMs)}: ${formatMs(r.ms)} (${r.ms < limitMs ? 'met' : 'NOT met'})`;
};

export const GOALS: BenchGoal[] = [
  { group: GROUP, check: goal('citations-full', 1000, 'full rebuild of 10,000 notes') },
  { group: GROUP, check: goal('citations-incremental', 20, 'one changed note') },
];
