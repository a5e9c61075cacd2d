/**
 * Reference lists are citations, not mentions: a paper title "Chain-of-thought prompting…" in a bibliography is not the
 * place for the note's first CoT link (real notes had 209 links inside reference entries, issue 11). Two shapes are
 * recognised: a section headed References / Bibliography / 参考文献 / Works cited (up to the next heading of the same
 * or a higher level), and a numbered entry that reads as a citation (`[1] …`, `1. Wei, J. et al. … 2022.`).
 */

const TITLES = new Set([
  'references',
  'reference',
  'reference list',
  'bibliography',
  'works cited',
  'literature cited',
  'cited works',
  'citations',
  '参考文献',
  '参考资料',
  '引用文献',
  '参考',
]);

/** Whether a heading's text names a reference list ("## 7. References", "**参考文献：**"). */
export function isReferencesTitle(raw: string): boolean {
  let t = raw.trim().replace(/[ \t]+#+[ \t]*$/, '');
  t = t.replace(/^[*_]+|[*_]+$/g, '').trim();
  t = t.replace(/^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)[ \t]+/, '');
  t = t.replace(/[:：]$/, '').replace(/^[*_]+|[*_]+$/g, '').trim();
  return TITLES.has(t.toLowerCase());
}

/** A line that labels what follows as references without being a heading: "**References**", "参考文献：". */
export function isReferencesLabel(line: string): boolean {
  const t = line.trim();
  return t.length <= 40 && !t.startsWith('#') && isReferencesTitle(t);
}

/** `[12] …` at the start of a line. */
const BRACKET_NUMBER = /^[ \t]*(?:[-*+][ \t]+)?\[\d{1,4}\][ \t]/;
/** `12. …` or `12) …`: a numbered list item, and its text. */
const NUMBERED = /^[ \t]*\d{1,4}[.)][ \t]+(.*)$/;
/** "Wei, J." / "van den Oord, A." / "Brown, T. B.": a surname, a comma and an initial. */
const SURNAME_INITIAL = /^(?:[a-z]+ )?(?:[a-z]+ )?[A-Z][\p{L}'’-]+, [A-Z]\./u;
/** "Wei J, Wang X," (Vancouver). */
const VANCOUVER = /^[A-Z][\p{L}'’-]+ [A-Z]{1,3}, [A-Z][\p{L}'’-]+ [A-Z]{1,3}[,.]/u;
const ET_AL = /\bet al\./;
const YEAR = /\b(?:19|20)\d{2}\b/;
/** "Authors. 2022. Title." (ACL, NeurIPS). */
const DOT_YEAR_DOT = /\. (?:19|20)\d{2}[a-z]?\. /;
/** GB/T 7714 document type markers: [J] journal, [C] proceedings, [M] book, [D] thesis, [EB/OL] online. */
const GBT_MARKER = /\[(?:J|C|M|D|R|P|S|N|Z|EB\/OL|J\/OL|C\/OL|M\/OL)\]/;

/** Whether a line (one list item) is a numbered reference entry. */
export function isReferenceEntry(line: string): boolean {
  if (BRACKET_NUMBER.test(line)) return true;
  const m = NUMBERED.exec(line);
  if (!m) return false;
  const body = m[1];
  if (GBT_MARKER.test(body)) return true;
  if (!YEAR.test(body)) return false;
  return SURNAME_INITIAL.test(body) || VANCOUVER.test(body) || ET_AL.test(body) || DOT_YEAR_DOT.test(body);
}

/**
 * The reference sections of a note, fed heading by heading: a heading of `level` spanning [start, end) closes an open
 * section of the same or a lower level, and opens one when its title names a reference list (no title: the line
 * itself is such a label, level 7, closed by any heading). Closed sections are pushed to `hard` as protected ranges.
 */
export class ReferenceSections {
  private open: { level: number; start: number } | null = null;

  constructor(private readonly hard: number[]) {}

  heading(level: number, start: number, end: number, title?: string): void {
    if (this.open && level <= this.open.level) {
      this.hard.push(this.open.start, start);
      this.open = null;
    }
    if (!this.open && (title === undefined || isReferencesTitle(title))) this.open = { level, start: end };
  }

  /** The note ends at `length`: an open section runs to it. */
  end(length: number): void {
    if (this.open) this.hard.push(this.open.start, length);
    this.open = null;
  }
}
