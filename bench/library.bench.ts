/**
 * Library reader benchmarks: our reader vs @retorquere/bibtex-parser (the parser behind the most used Obsidian
 * citation plugin) on the 7,166-entry real library and a generated 10,000-entry library, our CSL JSON reader vs a
 * bare JSON.parse of the same 10,000 items, and what annotation notes cost a BetterBibTeX JSON read. Notes give the
 * entries that came out as papers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLibrary } from '../src/core/library/read-library';
import { htmlToMarkdown } from '../src/core/library/text/html-to-markdown';
import { readItemNotes } from '../src/core/library/zotero-notes/item-notes';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { formatMs, type BenchCase, type BenchGoal, type CaseResult } from './harness';
import { generateBbtJson, generateBiblatex, generateCslJson } from './generate-library';

const FIXTURES = process.env.ZCN_FIXTURES ?? resolve('../shared/fixtures');
const GENERATED = 10_000;
const REAL = 'library: read the 7,166-entry BibTeX library';
const BIB = `library: read a ${GENERATED.toLocaleString('en')}-entry generated BibLaTeX library`;
const JSON_GROUP = `library: read the same ${GENERATED.toLocaleString('en')} entries as Better CSL JSON`;
const YAML_GROUP = `library: read the same ${GENERATED.toLocaleString('en')} entries as Better CSL YAML`;
const BBT_GROUP = `library: read a ${GENERATED.toLocaleString('en')}-paper BetterBibTeX JSON, 20% with a 30-annotation note`;

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
  const doc = JSON.parse(text) as unknown[] | { items: unknown[] };
  return Promise.resolve(`${(Array.isArray(doc) ? doc : doc.items).length}/${expected} items (no mapping)`);
}

/** Better CSL YAML as BBT writes it: one document between `---` and `...`, the items under `references:`. */
const generatedYaml = () => prepared(`---\n${stringifyYaml({ references: JSON.parse(generateCslJson(GENERATED)) as unknown })}...\n`, GENERATED);

function yamlDocumentModel(prepared: unknown): Promise<string> {
  const { text, expected } = prepared as Prepared;
  const doc = parseYaml(text, { uniqueKeys: false }) as { references: unknown[] };
  return Promise.resolve(`${doc.references.length}/${expected} items (no mapping)`);
}

const bbtWithNotes = () => prepared(generateBbtJson(GENERATED, true), GENERATED);
const bbtWithoutNotes = () => prepared(generateBbtJson(GENERATED, false), GENERATED);

/** The notes of every item, taken out of the export in setup: what the annotation parser reads. */
function notesOnly(): Promise<unknown> {
  const items = (JSON.parse(generateBbtJson(GENERATED, true)) as { items: { notes: unknown }[] }).items;
  (globalThis as { gc?: () => void }).gc?.();
  return Promise.resolve(items.map((item) => item.notes));
}

function annotationParser(prepared: unknown): Promise<string> {
  let annotations = 0;
  for (const notes of prepared as unknown[]) annotations += readItemNotes(notes, () => null).annotations.length;
  return Promise.resolve(`${annotations} annotations read`);
}

/** What the reader did with notes before annotations were read: every note converted to Markdown. */
function previousNoteReading(prepared: unknown): Promise<string> {
  let notes = 0;
  for (const list of prepared as { note: string }[][]) for (const n of list) notes += htmlToMarkdown(n.note) === '' ? 0 : 1;
  return Promise.resolve(`${notes} notes converted`);
}

function oursWithAnnotations(prepared: unknown): Promise<string> {
  const { text, expected } = prepared as Prepared;
  const result = readLibrary(text);
  const annotations = result.papers.reduce((n, p) => n + p.annotations.length, 0);
  return Promise.resolve(`${result.papers.length}/${expected} entries as papers, ${annotations} annotations, ${(text.length / 1e6).toFixed(0)} MB`);
}

export const CASES: BenchCase[] = [
  { id: 'library-real-ours', group: REAL, label: 'ours (readLibrary)', setup: realLibrary, run: ours },
  { id: 'library-real-bibtex-parser', group: REAL, label: '@retorquere/bibtex-parser 9', baseline: true, setup: realLibrary, run: bibtexParser },
  { id: 'library-bib10k-ours', group: BIB, label: 'ours (readLibrary)', setup: generatedBib, run: ours },
  { id: 'library-bib10k-bibtex-parser', group: BIB, label: '@retorquere/bibtex-parser 9', baseline: true, setup: generatedBib, run: bibtexParser },
  { id: 'library-json10k-ours', group: JSON_GROUP, label: 'ours (readLibrary)', setup: generatedJson, run: ours },
  { id: 'library-json10k-json-parse', group: JSON_GROUP, label: 'JSON.parse only', baseline: true, setup: generatedJson, run: jsonParse },
  { id: 'library-json10k-bibtex-parser-bib', group: JSON_GROUP, label: '@retorquere/bibtex-parser 9 on the .bib of the same entries', setup: generatedBib, run: bibtexParser },
  { id: 'library-yaml10k-ours', group: YAML_GROUP, label: 'ours (readLibrary)', setup: generatedYaml, run: ours },
  { id: 'library-yaml10k-yaml', group: YAML_GROUP, label: 'yaml 2 parse only (no mapping)', baseline: true, setup: generatedYaml, run: yamlDocumentModel },
  { id: 'library-bbt10k-plain-ours', group: BBT_GROUP, label: 'ours, the export without notes', baseline: true, setup: bbtWithoutNotes, run: ours, repeat: 3 },
  { id: 'library-bbt10k-notes-ours', group: BBT_GROUP, label: 'ours, with the annotation notes', setup: bbtWithNotes, run: oursWithAnnotations, repeat: 3 },
  { id: 'library-bbt10k-notes-json-parse', group: BBT_GROUP, label: 'JSON.parse only, with the notes', setup: bbtWithNotes, run: jsonParse, repeat: 3 },
  { id: 'library-bbt10k-plain-json-parse', group: BBT_GROUP, label: 'JSON.parse only, without notes', setup: bbtWithoutNotes, run: jsonParse, repeat: 3 },
  { id: 'library-bbt10k-annotation-parser', group: BBT_GROUP, label: 'the annotation parser alone, over the 2,000 notes', setup: notesOnly, run: annotationParser, repeat: 3 },
  { id: 'library-bbt10k-previous-notes', group: BBT_GROUP, label: 'the previous reader: the same notes to Markdown', setup: notesOnly, run: previousNoteReading, repeat: 3 },
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

/** The annotation notes' cost, against the export without notes and against the previous reader's note handling. */
const annotationGoal: BenchGoal = {
  group: BBT_GROUP,
  check(results) {
    const plain = results.get('library-bbt10k-plain-ours');
    const notes = results.get('library-bbt10k-notes-ours');
    const parser = results.get('library-bbt10k-annotation-parser');
    const parseWith = results.get('library-bbt10k-notes-json-parse');
    const parseWithout = results.get('library-bbt10k-plain-json-parse');
    const previous = results.get('library-bbt10k-previous-notes');
    if (!plain || !notes || !parser || !parseWith || !parseWithout || !previous) return 'goal annotation parser ≤ 10% of a read without notes: not measured';
    const share = parser.ms / plain.ms;
    // The notes make the file several times larger; JSON.parse of the extra bytes is paid by any reader.
    const beyondJson = (notes.ms - (parseWith.ms - parseWithout.ms)) / plain.ms;
    // The reader before annotations converted every note to Markdown instead: its time on this export is ours with
    // the parser swapped for that conversion.
    const slowdown = notes.ms / (notes.ms - parser.ms + previous.ms) - 1;
    return (
      `goal annotation parser ≤ 10% of a read without notes: parser ${formatMs(parser.ms)} = ${(share * 100).toFixed(0)}% ` +
      `(${share <= 0.1 ? 'met' : 'NOT met'}); the read with notes is ${(notes.ms / plain.ms).toFixed(2)}x the read without, ` +
      `${beyondJson.toFixed(2)}x without the larger file's JSON.parse; against the previous reader on this export ` +
      `(notes to Markdown, ${formatMs(previous.ms)}): ${slowdown >= 0 ? '+' : ''}${(slowdown * 100).toFixed(0)}%`
    );
  },
};

export const GOALS: BenchGoal[] = [
  annotationGoal,
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
