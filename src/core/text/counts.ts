/** Counts and short lists in messages: "1 conflict", "2 conflicts", "a, b, c and 4 more". */

/** "1 paper", "1,234 papers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The first `max` items joined, then "and N more". */
export function listSome(items: readonly string[], max = 3, separator = ', '): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
