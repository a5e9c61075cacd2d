/** Sorted, disjoint [start, end) ranges stored flat in number arrays: merging them and finding the one holding a position. */

/** Merge [start, end) pairs into sorted, disjoint ones (returned as is when they already are: the usual case). */
export function mergeRanges(flat: number[]): number[] {
  let ordered = true;
  for (let i = 0; i < flat.length && ordered; i += 2) {
    if (flat[i + 1] <= flat[i] || (i > 0 && flat[i] < flat[i - 1])) ordered = false;
  }
  if (ordered) return flat;
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) if (flat[i + 1] > flat[i]) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const last = out.length - 1;
    if (last > 0 && s <= out[last]) out[last] = Math.max(out[last], e);
    else out.push(s, e);
  }
  return out;
}

/** Index of the range containing `pos` in sorted, disjoint [start, end) pairs, or -1. */
export function rangeAt(soft: readonly number[], pos: number): number {
  let lo = 0;
  let hi = soft.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < soft[mid * 2]) hi = mid - 1;
    else if (pos >= soft[mid * 2 + 1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

