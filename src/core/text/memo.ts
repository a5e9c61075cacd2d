/**
 * Memoisation of pure functions of one string. Author names and Zotero tags repeat across a library (and one render
 * formats each twice: front matter and template), so a sync of 10,000 papers computes each of them once instead of
 * tens of thousands of times. The cache is bounded: it starts over when full.
 */
const caches: Map<string, unknown>[] = [];

export function memoizeByString<T>(fn: (text: string) => T, limit = 20000): (text: string) => T {
  const cache = new Map<string, T>();
  caches.push(cache);
  return (text: string): T => {
    const known = cache.get(text);
    if (known !== undefined || cache.has(text)) return known as T;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}

/**
 * Empty every cache. A sync calls this before it starts: the keys are often slices of the export's text, and would
 * keep an older export (megabytes) alive in the plugin long after it was replaced.
 */
export function clearStringMemos(): void {
  for (const cache of caches) cache.clear();
}
