/**
 * Citation keys across the library. A key used twice is an error on the later entry (the earlier one is kept as a
 * paper): merging would silently mix two items. Keys that differ only in case are both kept, with a warning,
 * since notes named after them clash on case-insensitive file systems (macOS, Windows).
 */
import type { LibraryError, Paper } from './paper';
import type { LocatedPaper } from './reader-output';

export interface CitekeyCheck {
  papers: Paper[];
  errors: LibraryError[];
  warnings: string[];
}

/** Split located papers into unique papers and duplicate-key errors; warn about case-only differences. */
export function checkCitekeys(located: LocatedPaper[]): CitekeyCheck {
  // One map by lowercased key finds both: equal keys (duplicates) and keys equal but for case.
  const byLower = new Map<string, LocatedPaper[]>();
  const papers: Paper[] = [];
  const errors: LibraryError[] = [];
  let caseGroups = 0;
  for (const lp of located) {
    const key = lp.paper.citekey;
    const lower = key.toLowerCase();
    const group = byLower.get(lower);
    if (!group) {
      byLower.set(lower, [lp]);
      papers.push(lp.paper);
      continue;
    }
    const earlier = group.find((g) => g.paper.citekey === key);
    if (earlier) {
      const where = earlier.line !== null ? `the entry at line ${earlier.line}` : 'an earlier item';
      errors.push({ line: lp.line, citekey: key, message: `duplicate citation key: ${where} already uses "${key}"; this entry was not read` });
      continue;
    }
    if (group.length === 1) caseGroups++;
    group.push(lp);
    papers.push(lp.paper);
  }
  return { papers, errors, warnings: caseGroups > 0 ? caseCollisionWarning(byLower, caseGroups) : [] };
}

function caseCollisionWarning(byLower: Map<string, LocatedPaper[]>, count: number): string[] {
  const list = [...byLower.values()]
    .filter((group) => group.length > 1)
    .map((group) => group.map((lp) => lp.paper.citekey).join(' / '))
    .join(', ');
  const what = count === 1 ? '1 set of citation keys differs' : `${count} sets of citation keys differ`;
  return [`${what} only in letter case (all are read, but notes named after them clash on case-insensitive file systems such as macOS and Windows): ${list}`];
}
