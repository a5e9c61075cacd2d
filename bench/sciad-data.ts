/**
 * The SDU@AAAI-21 acronym identification data (SciAD; Veyseh et al., COLING 2020), read from a local copy for the
 * definition-pair measurement. Licensed CC BY-NC-SA: never committed, only read from the path the user gives
 * (`ZCN_SCIAD`). Accepts the shared task's JSON (`[{ id, tokens, labels }]`) or its CSV (`id,sentence,labels`).
 * A gold pair is a labelled long form and short form written as a definition: `LF ( SF )` (at most one word
 * between the long form and the parenthesis), `SF ( LF )` or `SF = LF`.
 */
import { readFileSync } from 'node:fs';

export interface SciadSentence {
  id: string;
  text: string;
  gold: { short: string; long: string }[];
}

interface Raw {
  id: string;
  tokens: string[];
  labels: string[];
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

function readRaw(path: string): Raw[] {
  const text = readFileSync(path, 'utf8');
  if (text.trimStart().startsWith('[')) return JSON.parse(text) as Raw[];
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [id, sentence, labels] = parseCsvLine(l);
      return { id, tokens: sentence.split(' '), labels: labels.split(' ') };
    });
}

function spans(labels: string[], kind: 'short' | 'long'): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== `B-${kind}`) continue;
    let j = i;
    while (labels[j + 1] === `I-${kind}`) j++;
    out.push([i, j]);
  }
  return out;
}

/** Tokens joined as text, with the dataset's spaced hyphens closed up ("Fog - supported" → "Fog-supported"). */
export function detokenize(tokens: readonly string[]): string {
  return tokens.join(' ').replace(/ - /g, '-');
}

export function normalizeLong(long: string): string {
  return long.toLowerCase().replace(/\s*-\s*/g, '-').replace(/\s+,/g, ',').replace(/\s+/g, ' ').trim();
}

export function readSciad(path: string): SciadSentence[] {
  return readRaw(path).map((r) => {
    const shorts = spans(r.labels, 'short');
    const gold: { short: string; long: string }[] = [];
    for (const [a, b] of spans(r.labels, 'long')) {
      const text = (s: number, e: number) => detokenize(r.tokens.slice(s, e + 1));
      const after = shorts.find(([s]) => (s === b + 2 && r.tokens[b + 1] === '(') || (s === b + 3 && r.tokens[b + 2] === '('));
      const before = shorts.find(([, e]) => e === a - 2 && (r.tokens[a - 1] === '(' || r.tokens[a - 1] === '='));
      const sf = after ?? before;
      if (sf) gold.push({ short: text(sf[0], sf[1]), long: text(a, b) });
    }
    return { id: r.id, text: detokenize(r.tokens), gold };
  });
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
}

/** Precision, recall and F1 of `extract` over the sentences (a pair is right when short form and long form match). */
export function scorePairs(sentences: readonly SciadSentence[], extract: (text: string) => { short: string; long: string }[]): Score {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const s of sentences) {
    const want = new Set(s.gold.map((g) => `${g.short}\t${normalizeLong(g.long)}`));
    gold += want.size;
    const got = new Set(extract(s.text).map((p) => `${p.short}\t${normalizeLong(p.long)}`));
    predicted += got.size;
    for (const k of got) if (want.has(k)) tp++;
  }
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted };
}
