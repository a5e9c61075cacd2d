/** Sorted, disjoint [start, end) ranges stored flat in number arrays: merging them and finding the one holding a position. */

/** Merge [start, end) pairs into sorted, disjoint ones (returned as is when they already are: the usual case). */
export function mergeRanges(flat: number[]): number[] {
  let ordered = true;
  for (let i = 0; i < flat.length && ordered; i += 2) {
    if (flat[i + 1] <= flat[i] || (i > 0 && flat[i] < flat[i - 1])) ordered = false;
  }
  if (ordered) return flat;
  const pairs: number[] = [];
  for (let i = 0; i < flat.length; i += 2) if (flat[i + 1] > flat[i]) pairs.push(flat[i], flat[i + 1]);
  sortPairs(pairs);
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const s = pairs[i];
    const e = pairs[i + 1];
    const last = out.length - 1;
    if (last > 0 && s <= out[last]) out[last] = Math.max(out[last], e);
    else out.push(s, e);
  }
  return out;
}

/**
 * Sort flat [start, end) pairs by start, stably. A note has a few dozen ranges, nearly in order: an insertion sort in
 * place, without an array per pair; past 32 pairs (a hostile note), the built-in sort's n log n.
 */
function sortPairs(pairs: number[]): void {
  const n = pairs.length / 2;
  if (n > 32) {
    const sorted = Array.from({ length: n }, (_, i) => i).sort((a, b) => pairs[2 * a] - pairs[2 * b] || a - b);
    const copy = pairs.slice();
    sorted.forEach((from, to) => {
      pairs[2 * to] = copy[2 * from];
      pairs[2 * to + 1] = copy[2 * from + 1];
    });
    return;
  }
  for (let a = 1; a < n; a++) {
    const s = pairs[2 * a];
    const e = pairs[2 * a + 1];
    let b = a;
    for (; b > 0 && pairs[2 * (b - 1)] > s; b--) {
      pairs[2 * b] = pairs[2 * (b - 1)];
      pairs[2 * b + 1] = pairs[2 * (b - 1) + 1];
    }
    pairs[2 * b] = s;
    pairs[2 * b + 1] = e;
  }
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

