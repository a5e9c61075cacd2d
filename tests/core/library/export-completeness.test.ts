/**
 * A half-written export must never be taken for a smaller library with truncated entries. Every byte cut of real
 * exports is read: either it is refused (not an export, or flagged `truncated`, which stops a sync), or every paper
 * it yields is exactly that paper of the whole file (a cut between two entries is just a smaller library, which the
 * sync's shrink check handles). In a `.bib`, JabRef groups come after the entries: a cut before them cannot be told
 * from a file without groups, so there papers are compared without their collections.
 */
import { readLibrary } from '../../../src/core/library/read-library';
import type { LibraryReadResult, Paper } from '../../../src/core/library/paper';
import { readFixture } from '../../support/fixtures';

/** The cuts that are read as an export, and those that yield a paper different from the whole file's. */
function acceptedCuts(text: string, bib: boolean): { accepted: number[]; wrong: string[] } {
  const key = (p: Paper) => JSON.stringify(bib ? { ...p, collections: [] } : p);
  const whole = new Map(readLibrary(text).papers.map((p) => [p.citekey, key(p)]));
  const accepted: number[] = [];
  const wrong: string[] = [];
  for (let cut = 1; cut < text.length; cut++) {
    let result: LibraryReadResult;
    try {
      result = readLibrary(text.slice(0, cut));
    } catch {
      continue;
    }
    if (result.truncated !== undefined || result.papers.length === 0) continue;
    accepted.push(cut);
    const bad = result.papers.find((p: Paper) => whole.get(p.citekey) !== key(p));
    if (bad) wrong.push(`cut at ${cut}: ${bad.citekey}`);
  }
  return { accepted, wrong };
}

describe('half-written exports', () => {
  it.each([
    // Better CSL YAML as BBT writes it, `---` … `...`, and JSON: only the final line break may go.
    ['bbt/season-ranges-860.csl.yaml', true],
    ['bbt/bbt9-json-url-attachments-3482.csl.yaml', true],
    ['bbt/bbt9-json-url-attachments-3482.bbt.json', true],
    ['bbt/csl-compact-available-date-3286.bbt.json', true],
    ['bbt/arxiv-identifiers-460.bbt.json', true],
    // Older YAML without markers and BibTeX: cuts between whole items are accepted, nothing else.
    ['bbt/pandoc-schomd.csl.yaml', false],
    ['bbt/csl-yaml-original-date-922.csl.yaml', false],
    ['bbt/doi-url-jabref-groups-131.biblatex.bib', false],
    ['bbt/arxiv-identifiers-460.bibtex.bib', false],
  ])('%s: no cut yields a truncated paper', (fixture, onlyWhitespace) => {
    const text = readFixture(fixture);
    const { accepted, wrong } = acceptedCuts(text, fixture.endsWith('.bib'));
    expect(wrong).toEqual([]);
    if (onlyWhitespace) for (const cut of accepted) expect(text.slice(cut).trim()).toBe('');
  });

  it('refuses YAML that opens a document and lacks its end marker, even when it parses', () => {
    const full = readFixture('bbt/pandoc-schomd.csl.yaml');
    const marked = `---\n${full.replace(/\n*$/, '\n')}...\n`;
    expect(readLibrary(marked).truncated).toBeUndefined();
    expect(readLibrary(marked.slice(0, -4)).truncated).toBe('the YAML document has no "..." end marker');
  });

  it('tells which YAML item is cut in a file without markers', () => {
    const text = readFixture('bbt/pandoc-schomd.csl.yaml');
    const cut = text.slice(0, text.indexOf('  citation-key: Wordsworth1883'));
    expect(readLibrary(cut).truncated).toBe('its last item does not end with "citation-key" like the others');
    expect(readLibrary(cut.slice(0, -1)).truncated).toBe('the file does not end with a line break');
  });
});

describe('deep brace nesting', () => {
  const good = '@article{good,\n  title = {Fine},\n  year = 2020\n}\n';
  const deep = (n: number) => `@article{deep,\n  title = {${'{'.repeat(n)}x${'}'.repeat(n)}},\n  year = 2020\n}\n`;

  it('reports the entry and reads the rest, without a stack overflow or a "half-written" verdict', () => {
    const result = readLibrary(good + deep(5000));
    expect(result.papers.map((p) => p.citekey)).toEqual(['good']);
    expect(result.errors).toEqual([{ line: 5, citekey: 'deep', message: 'braces are nested more than 100 levels deep; the entry was not read' }]);
    expect(result.truncated).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('still reads nesting real titles use', () => {
    expect(readLibrary(deep(60)).papers[0].title).toBe('x');
  });
});
