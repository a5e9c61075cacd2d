/**
 * arXiv identifiers and DOIs from the many places BBT puts them.
 * An arXiv id is returned bare and without version: `2503.06063`, `hep-th/9711200`, `math.GT/0309136`.
 */

const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7}`;
const ID = `(${NEW_ID}|${OLD_ID})(?:v\\d+)?`;

/** The whole value is an id (an `eprint` field). */
const BARE = new RegExp(`^\\s*(?:arxiv:\\s*)?${ID}\\s*$`, 'i');
/** "arXiv:2101.00001", "arXiv: 2101.00001", "arXiv preprint arXiv:1412.4006 [quant-ph]" inside free text. */
const PREFIXED = new RegExp(`arxiv:\\s*${ID}(?![\\d.])`, 'i');
/** arxiv.org/abs/…, arxiv.org/pdf/….pdf, export.arxiv.org, and the arXiv DOI in a doi.org URL. */
const URL = new RegExp(`(?:arxiv\\.org/(?:abs|pdf)/|10\\.48550/arxiv\\.)${ID}`, 'i');
/** The DataCite DOI arXiv mints for every paper. */
const DOI = new RegExp(`^10\\.48550/arxiv\\.${ID}\\s*$`, 'i');

function clean(id: string): string {
  // Old-style archive names are lowercase; keep the subject class (math.GT) as written.
  const slash = id.indexOf('/');
  if (slash < 0) return id;
  const archive = id.slice(0, slash);
  const dot = archive.indexOf('.');
  return (dot < 0 ? archive.toLowerCase() : archive.slice(0, dot).toLowerCase() + archive.slice(dot)) + id.slice(slash);
}

/** An `eprint` value that is an arXiv id (with or without `arXiv:`), else null. */
export function arxivFromEprint(value: string | undefined): string | null {
  const m = value === undefined ? null : BARE.exec(value);
  return m ? clean(m[1]) : null;
}

/** Whether the text can hold "arXiv" in any case: a cheap test before the regexes, as most fields cannot. */
function mentionsArxiv(value: string): boolean {
  return value.includes('rxiv') || value.includes('RXIV') || value.includes('rXiv');
}

/** An `arXiv:`-prefixed id anywhere in free text (journal, number, note, extra, archiveID), else null. */
export function arxivFromText(value: string | undefined): string | null {
  const m = value === undefined || !mentionsArxiv(value) ? null : PREFIXED.exec(value);
  return m ? clean(m[1]) : null;
}

/** An id from an arxiv.org abs/pdf URL or a URL holding arXiv's DOI (`https://doi.org/10.48550/arXiv.2203.02155`), else null. */
export function arxivFromUrl(value: string | undefined): string | null {
  const m = value === undefined || !mentionsArxiv(value) ? null : URL.exec(value);
  return m ? clean(m[1]) : null;
}

/** An id from an arXiv DOI (`10.48550/arXiv.2203.02155`), else null. */
export function arxivFromDoi(doi: string | null | undefined): string | null {
  const m = doi && doi.startsWith('10.48550/') ? DOI.exec(doi) : null;
  return m ? clean(m[1]) : null;
}

/** The first arXiv id found by trying each candidate in order. */
export function firstArxiv(...candidates: (string | null)[]): string | null {
  for (const c of candidates) if (c) return c;
  return null;
}

const PLAIN_DOI = /^10\.[^\s]+$/;
/** A DOI inside other text: a proxy URL (`http://dx.doi.org.ezproxy.x.edu/10.1/y`), HTML, a sentence. */
const EMBEDDED_DOI = /10\.\d{4,9}\/[^\s"'<>]+/;

/**
 * A DOI (or short DOI, `10/fqd6hj`) without its resolver prefix (`https://doi.org/`, `doi:`), case kept; a DOI
 * wrapped in other text is recovered as the first `10.NNNN/…` in it. Null when the value holds no DOI (BBT users
 * sometimes keep a plain URL in the DOI field).
 */
export function normalizeDoi(value: string | undefined | null): string | null {
  if (!value) return null;
  if (PLAIN_DOI.test(value)) return value; // the common case, already bare
  const doi = value
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .trim();
  if (/^10[./]\S+$/.test(doi)) return doi; // 10/abc is a short DOI
  const embedded = EMBEDDED_DOI.exec(value);
  return embedded ? trimDoiEnd(decodeIfEscaped(embedded[0])) : null;
}

function decodeIfEscaped(doi: string): string {
  if (!doi.includes('%')) return doi;
  try {
    return decodeURIComponent(doi);
  } catch {
    return doi;
  }
}

/** Punctuation that ended the surrounding sentence or markup, and closing brackets the DOI does not open. */
function trimDoiEnd(doi: string): string {
  let end = doi.length;
  for (;;) {
    const c = doi[end - 1];
    if ('.,;:!?'.includes(c)) end--;
    else if ((c === ')' || c === ']') && count(doi.slice(0, end), c === ')' ? '(' : '[') < count(doi.slice(0, end), c)) end--;
    else break;
  }
  return doi.slice(0, end);
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
