/** Every benchmark case and goal, in the order they are printed. Each area adds its own file here. */
import type { BenchCase, BenchGoal } from './harness';
import * as citations from './citations.bench';
import * as concepts from './concepts.bench';
import * as library from './library.bench';
import * as notes from './notes.bench';
import * as paperSearch from './paper-search.bench';
import * as plugin from './plugin.bench';
import * as responsive from './responsive.bench';
import * as severalExports from './several-exports.bench';
import * as suggest from './suggest.bench';
import * as sync from './sync.bench';

export const ALL_CASES: BenchCase[] = [
  ...library.CASES,
  ...notes.CASES,
  ...paperSearch.CASES,
  ...plugin.CASES,
  ...responsive.CASES,
  ...sync.CASES,
  ...severalExports.CASES,
  ...concepts.CASES,
  ...suggest.CASES,
  ...citations.CASES,
];
export const ALL_GOALS: BenchGoal[] = [
  ...library.GOALS,
  ...notes.GOALS,
  ...paperSearch.GOALS,
  ...plugin.GOALS,
  ...responsive.GOALS,
  ...sync.GOALS,
  ...severalExports.GOALS,
  ...concepts.GOALS,
  ...suggest.GOALS,
  ...citations.GOALS,
];
/** One-line notes printed after the tables (a measurement that needs local data nobody gave). */
export const ALL_NOTICES: string[] = [...suggest.NOTICES];
