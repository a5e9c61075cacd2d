/**
 * A stable sort that pauses: a bottom-up merge sort awaiting `pause` every few hundred elements, for lists a run must
 * order while sharing the main thread (10,000 notes sorted at once take tens of milliseconds). Same order as
 * `Array.prototype.sort` with the same comparator (both are stable).
 */
import type { Pause } from './time-slicer';

/** Elements merged between two pauses. */
const STEP = 512;

export async function sortedSliced<T>(items: readonly T[], compare: (a: T, b: T) => number, pause: Pause): Promise<T[]> {
  let from = items.slice();
  let to = new Array<T>(from.length);
  let work = 0;
  // Short runs first (sorted in place, a run at a time), then merged pairwise, doubling the width.
  for (let start = 0; start < from.length; start += STEP) {
    const run = from.slice(start, start + STEP).sort(compare);
    for (let i = 0; i < run.length; i++) from[start + i] = run[i];
    await pause();
  }
  for (let width = STEP; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const mid = Math.min(left + width, from.length);
      const end = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = mid;
      for (let k = left; k < end; k++) {
        // Ties take the left element first: stable.
        to[k] = j >= end || (i < mid && compare(from[i], from[j]) <= 0) ? from[i++] : from[j++];
        if (++work % STEP === 0) await pause();
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
