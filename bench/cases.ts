/** Every benchmark case and goal, in the order they are printed. Each area adds its own file here. */
import type { BenchCase, BenchGoal } from './harness';

export const ALL_CASES: BenchCase[] = [];
export const ALL_GOALS: BenchGoal[] = [];
