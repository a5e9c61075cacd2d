/**
 * Definition pairs against the SDU@AAAI-21 acronym data (SciAD), when a local copy is given: precision, recall and F1
 * of ours beside our own Schwartz & Hearst implementation, on the same sentences. The data is CC BY-NC-SA: it is never
 * in the repository; set ZCN_SCIAD to the path of the shared task's dev.json (or its CSV). Without it, one line says so.
 */
import { existsSync } from 'node:fs';
import { findEnglishPairs } from '../src/core/concepts/suggest/english-pairs';
import { schwartzHearstPairs } from '../src/core/concepts/suggest/schwartz-hearst';
import type { BenchCase, BenchGoal, CaseResult } from './harness';
import { readSciad, scorePairs, type SciadSentence } from './sciad-data';

const GROUP = 'concepts suggest: definition pairs on SciAD (SDU@AAAI-21)';
const PATH = process.env.ZCN_SCIAD ?? '';

function run(extract: (text: string) => { short: string; long: string }[]) {
  return (prepared: unknown): Promise<string> => {
    const sentences = prepared as SciadSentence[];
    const s = scorePairs(sentences, extract);
    return Promise.resolve(`P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (${s.gold} gold pairs, ${sentences.length} sentences)`);
  };
}

const setup = () => Promise.resolve(readSciad(PATH));

export const CASES: BenchCase[] =
  PATH !== '' && existsSync(PATH)
    ? [
        { id: 'suggest-sciad-schwartz-hearst', group: GROUP, label: 'Schwartz & Hearst (2003)', baseline: true, setup, run: run(schwartzHearstPairs) },
        { id: 'suggest-sciad-ours', group: GROUP, label: 'ours: findEnglishPairs', setup, run: run(findEnglishPairs) },
      ]
    : [];

function f1Of(r: CaseResult | undefined): number | null {
  const m = r ? /F1 ([0-9.]+)/.exec(r.note) : null;
  return m ? Number(m[1]) : null;
}

export const GOALS: BenchGoal[] = [
  {
    group: GROUP,
    check: (results) => {
      const ours = f1Of(results.get('suggest-sciad-ours'));
      const base = f1Of(results.get('suggest-sciad-schwartz-hearst'));
      if (ours === null || base === null) return 'goal SciAD F1 >= 0.95 and ahead of Schwartz & Hearst: not measured';
      return `goal SciAD F1 >= 0.95 and ahead of Schwartz & Hearst: ${ours.toFixed(3)} vs ${base.toFixed(3)} (${ours >= 0.95 && ours > base ? 'met' : 'MISSED'})`;
    },
  },
];

/** Printed after the tables when nothing could be measured. */
export const NOTICES: string[] =
  CASES.length > 0
    ? []
    : [`SciAD definition pairs: no local copy given (set ZCN_SCIAD to the SDU@AAAI-21 acronym-identification dev.json${PATH ? `; ${PATH} does not exist` : ''}), not measured.`];
