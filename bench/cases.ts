/** Every benchmark case and goal, in the order they are printed. Each area adds its own file here. */
import type { BenchCase, BenchGoal } from './harness';
import * as concepts from './concepts.bench';
import * as library from './library.bench';
import * as notes from './notes.bench';
import * as plugin from './plugin.bench';
import * as responsive from './responsive.bench';
import * as sync from './sync.bench';

export const ALL_CASES: BenchCase[] = [...library.CASES, ...notes.CASES, ...plugin.CASES, ...responsive.CASES, ...sync.CASES, ...concepts.CASES];
export const ALL_GOALS: BenchGoal[] = [...library.GOALS, ...notes.GOALS, ...plugin.GOALS, ...responsive.GOALS, ...sync.GOALS, ...concepts.GOALS];
