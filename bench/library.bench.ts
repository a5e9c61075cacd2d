/**
 * Library reader benchmarks: our reader vs @retorquere/bibtex-parser (the parser behind the most used Obsidian
 * citation plugin) on the 7,166-entry real library and a generated 10,000-entry library, and our CSL JSON reader
 * vs a bare JSON.parse of the same 10,000 items. Notes give the entries that came out as papers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLibrary } from '../src/core/library/read-library';
import { formatMs, type BenchCase, type BenchGoal, type CaseResult } from './harness';
import { generateBiblatex, generateCslJson } from './generate-library';

const FIXTURES = process.env.ZCN_FIXTURES ?? resolve('../shared/fixtures');
const GENERATED = 10_000;
const REAL = 'library: read the 7,166-entry BibTeX library';
const BIB = `library: read a ${GENERATED.toLocaleString('en')}-entry generated BibLaTeX library`;
const JSON_GROUP = `library: read the same ${GENERATED.toLocaleString('en')} entries as Better CSL JSON`;

interface Prepared {
  text: string;
  expected: number;
}

/** Setup result, after a full GC (the harness runs with --expose-gc) so setup garbage is not charged to the run. */
function prepared(text: string, expected: number): Promise<Prepared> {
  (globalThis as { gc?: () => void }).gc?.();
  return Promise.resolve({ text, expected });
}

const realLibrary = () => prepared(readFileSync(`${FIXTURES}/large/bbt-user-library-7166.bibtex.bib`, 'utf8'), 7166);
const generatedBib = () => prepared(generateBiblatex(GENERATED), GENERATED);
const generatedJson = () => prepared(generateCslJson(GENERATED), GENERATED);

async function ours(prepared: unknown): Promise<string> {
  const { text, expected } = prepared as Prepared;
  const result = readLibrary(text);
  return Promise.resolve(`${result.papers.length}/${expected} entries as papers, ${result.errors.length} errors`);
}

async function bibtexParser(prepared: unknown): Promise<string> {
  const { text, expected } = prepared as Prepared;
  // ESM-only: kept external by the bench bundle and loaded here (module loading is part of what it costs).
  const { parse } = await import('@retorquere/bibtex-parser');
  const library = parse(text);
  return `${library.entries.length}/${expected} entries, ${library.errors.length} errors`;
}

function jsonParse(prepared: unknown): Promise<string> {
  const { text, expected } = prepared as Prepared;
  const items = JSON.parse(text) as unknown[];
  return Promise.resolve(`${items.length}/${expected} items (no mapping)`);
}

export const CASES: BenchCase[] = [
  { id: 'library-real-ours', group: REAL, label: 'ours (readLibrary)', setup: realLibrary, run: ours },
  { id: 'library-real-bibtex-parser', group: REAL, label: '@retorquere/bibtex-parser 9', baseline: true, setup: realLibrary, run: bibtexParser },
  { id: 'library-bib10k-ours', group: BIB, label: 'ours (readLibrary)', setup: generatedBib, run: ours },
  { id: 'library-bib10k-bibtex-parser', group: BIB, label: '@retorquere/bibtex-parser 9', baseline: true, setup: generatedBib, run: bibtexParser },
  { id: 'library-json10k-ours', group: JSON_GROUP, label: 'ours (readLibrary)', setup: generatedJson, run: ours },
  { id: 'library-json10k-json-parse', group: JSON_GROUP, label: 'JSON.parse only', baseline: true, setup: generatedJson, run: jsonParse },
  { id: 'library-json10k-bibtex-parser-bib', group: JSON_GROUP, label: '@retorquere/bibtex-parser 9 on the .bib of the same entries', setup: generatedBib, run: bibtexParser },
];

/** "7166/7166 entries …" → whether every entry was read. */
function complete(r: CaseResult | undefined): boolean {
  const m = r ? /^(\d+)\/(\d+) /.exec(r.note) : null;
  return m !== null && m[1] === m[2];
}

function fasterGoal(group: string, oursId: string, theirsId: string): BenchGoal {
  return {
    group,
    check(results) {
      const a = results.get(oursId);
      const b = results.get(theirsId);
      if (!a || !b) return 'goal ours ≥5x faster than bibtex-parser with 100% of entries: not measured';
      const ratio = b.ms / a.ms;
      const met = ratio >= 5 && complete(a);
      return `goal ours ≥5x faster than bibtex-parser with 100% of entries: ${ratio.toFixed(1)}x, ${a.note} (${met ? 'met' : 'NOT met'})`;
    },
  };
}

export const GOALS: BenchGoal[] = [
  fasterGoal(REAL, 'library-real-ours', 'library-real-bibtex-parser'),
  fasterGoal(BIB, 'library-bib10k-ours', 'library-bib10k-bibtex-parser'),
  {
    group: JSON_GROUP,
    check(results) {
      const a = results.get('library-json10k-ours');
      if (!a) return 'goal 10,000-item CSL JSON read < 0.3 s: not measured';
      const met = a.ms < 300 && complete(a);
      return `goal 10,000-item CSL JSON read < 0.3 s: ${formatMs(a.ms)}, ${a.note} (${met ? 'met' : 'NOT met'})`;
    },
  },
];
