/**
 * Benchmark harness. Every case runs in a child process of its own, so its peak memory (max RSS) is its own;
 * cases of one group are printed side by side with the ratio to the group's baseline, measured in the same run.
 * Speed lives here, never in unit tests.
 */

/** Temp folders of cases start with this; the parent process removes them after the last case. */
export const BENCH_TEMP_PREFIX = 'zcn-bench-';

/** What a case's run returns: an optional note printed beside the figures (e.g. "7166/7166 entries"). */
export type CaseNote = string | void;

/**
 * A figure the case measured itself instead of its run time (the longest main-thread task, a latency, a heap size),
 * with the note printed beside it.
 */
export interface CaseFigure {
  value: number;
  unit: 'ms' | 'MB';
  note: string;
}

export interface BenchCase {
  /** Unique id, used to re-run the case in a child process. */
  id: string;
  /** Cases with the same group are compared; exactly one of them should be the baseline. */
  group: string;
  /** What is measured, e.g. "ours" or "@retorquere/bibtex-parser". */
  label: string;
  baseline?: boolean;
  /** Untimed preparation (generate data, warm caches); its result is passed to `run`. */
  setup?: () => Promise<unknown>;
  /** The timed work; a CaseFigure replaces the run time by what the case measured. */
  run: (prepared: unknown) => Promise<CaseNote | CaseFigure>;
  /** How many timed repetitions (the median is reported). Default 1. */
  repeat?: number;
  /** How many processes run the case, each from scratch (the median is reported). Default 1. */
  processes?: number;
}

/** A goal checked on the results of one group: returns a line such as "goal x <= y: 0.21 s (met)". */
export interface BenchGoal {
  group: string;
  check: (results: Map<string, CaseResult>) => string;
}

export interface CaseResult {
  id: string;
  label: string;
  baseline: boolean;
  /** The median run time, or the median of the case's own figure (see `unit`). */
  ms: number;
  /** 'MB' when the figure is a size; otherwise milliseconds. */
  unit: 'ms' | 'MB';
  peakRssMb: number;
  note: string;
}

/** Run one case in this process and return its figures. */
export async function runCaseHere(c: BenchCase): Promise<CaseResult> {
  const prepared = c.setup ? await c.setup() : undefined;
  const runs: { value: number; note: string }[] = [];
  let unit: CaseResult['unit'] = 'ms';
  for (let i = 0; i < (c.repeat ?? 1); i++) {
    const start = performance.now();
    const out = await c.run(prepared);
    const elapsed = performance.now() - start;
    if (out && typeof out === 'object') {
      unit = out.unit;
      runs.push({ value: out.value, note: out.note });
    } else runs.push({ value: elapsed, note: out ?? '' });
  }
  // The median run, with its own note.
  const median = [...runs].sort((a, b) => a.value - b.value)[Math.floor(runs.length / 2)];
  return {
    id: c.id,
    label: c.label,
    baseline: c.baseline ?? false,
    ms: median.value,
    unit,
    // maxRSS is in kilobytes on Linux.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    note: median.note,
  };
}

/** A result's figure with its unit. */
export function formatFigure(r: Pick<CaseResult, 'ms' | 'unit'>): string {
  return r.unit === 'MB' ? `${r.ms.toFixed(1)} MB` : formatMs(r.ms);
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

/** Print one group as a table: label, time, peak memory, time ratio to the baseline, note. */
export function printGroup(group: string, results: CaseResult[]): void {
  const base = results.find((r) => r.baseline);
  console.log(`\n## ${group}`);
  const rows = results.map((r) => [
    r.label + (r.baseline ? ' (baseline)' : ''),
    formatFigure(r),
    `${r.peakRssMb.toFixed(0)} MB`,
    base ? `${(r.ms / base.ms).toFixed(2)}x` : '',
    r.note,
  ]);
  const header = ['case', results.some((r) => r.unit === 'MB') ? 'figure' : 'time', 'peak RSS', 'vs baseline', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of rows) console.log(line(row));
}
