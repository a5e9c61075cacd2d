/**
 * A Better BibTeX or Better BibLaTeX export → papers, per-entry errors and warnings. Entry boundaries and
 * failures are handled in read-bib-entries.ts; this maps entries to papers and tells the dialect apart.
 */
import type { LocatedPaper, ReaderOutput } from '../reader-output';
import { bibEntryToPaper } from './bib-entry-to-paper';
import type { RawBibEntry } from './citation-js-parse';
import { applyCrossrefs } from './crossref';
import { readJabrefGroups } from './jabref-groups';
import { readBibEntries } from './read-bib-entries';
import { errorMessage } from '../../text/error-message';

export interface BibReadResult extends ReaderOutput {
  format: 'bibtex' | 'biblatex';
}

/** Read BibTeX/BibLaTeX text (already known to be BibTeX-shaped). */
export function readBibtex(text: string): BibReadResult {
  const { entries, errors, warnings, truncated } = readBibEntries(text);
  applyCrossrefs(entries.map((e) => e.entry));
  const groups = readJabrefGroups(text);
  const papers: LocatedPaper[] = [];
  const dialect = new DialectVote();
  for (const { entry, line } of entries) {
    dialect.count(entry);
    try {
      const paper = bibEntryToPaper(entry);
      paper.collections = groups.collectionsOf(entry.key, entry.fields.groups);
      papers.push({ paper, line });
    } catch (err) {
      // Mapping is total by design; should a field still break it, the entry is reported, not the file.
      errors.push({ line, citekey: entry.key, message: `could not map the entry: ${errorMessage(err)}` });
    }
  }
  for (const name of groups.ambiguous) {
    warnings.push(`the JabRef group name "${name}" names several groups; entries in "${name}" are placed in each of them, as JabRef shows them`);
  }
  const result: BibReadResult = { format: dialect.verdict(), papers, errors, warnings, collections: groups.collections };
  if (truncated) result.truncated = truncated;
  return result;
}

const BIBLATEX_FIELDS = ['date', 'journaltitle', 'eprinttype', 'eprintclass', 'urldate', 'langid', 'location', 'eventtitle', 'origdate', 'annotation'];
const BIBTEX_FIELDS = ['year', 'journal', 'archiveprefix', 'primaryclass', 'address', 'school', 'annote'];
const BIBLATEX_TYPES = new Set(['online', 'thesis', 'report', 'patent', 'software', 'dataset', 'jurisdiction', 'inreference', 'mvbook']);
const BIBTEX_TYPES = new Set(['phdthesis', 'mastersthesis', 'techreport']);

/**
 * Better BibLaTeX writes `date`, `journaltitle`, `eprinttype`, extended names, @online…; Better BibTeX writes
 * `year`, `journal`, `archiveprefix`, @phdthesis…. The dialect with more such marks wins; a tie or no evidence
 * reads as BibTeX.
 */
class DialectVote {
  private biblatex = 0;
  private bibtex = 0;

  count(entry: RawBibEntry): void {
    const f = entry.fields;
    for (const name of BIBLATEX_FIELDS) if (f[name] !== undefined) this.biblatex++;
    for (const name of BIBTEX_FIELDS) if (f[name] !== undefined) this.bibtex++;
    if (f.author?.includes('family=')) this.biblatex++;
    if (BIBLATEX_TYPES.has(entry.type)) this.biblatex++;
    if (BIBTEX_TYPES.has(entry.type)) this.bibtex++;
  }

  verdict(): 'bibtex' | 'biblatex' {
    return this.biblatex > this.bibtex ? 'biblatex' : 'bibtex';
  }
}
