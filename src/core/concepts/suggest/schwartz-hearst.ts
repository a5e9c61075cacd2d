/**
 * The Schwartz & Hearst algorithm ("A simple algorithm for identifying abbreviation definitions in biomedical text",
 * PSB 2003), written from the paper as the baseline that `findEnglishPairs` must beat (bench/suggest.bench.ts). Kept
 * plain on purpose: a short form in parentheses (or a long form in parentheses after a short form), a long-form
 * window of min(|SF| + 5, 2·|SF|) words, and the right-to-left character match where the short form's first
 * character must start a word.
 */

export interface DefinitionPair {
  /** The short form (acronym), as written. */
  short: string;
  /** The long form, as written. */
  long: string;
}

/** A short-form candidate by the paper's rules: 1–2 words, 2–10 characters, a letter, starting with a letter or digit. */
export function isShortFormCandidate(sf: string): boolean {
  if (sf.length < 2 || sf.length > 10) return false;
  if (sf.split(/\s+/).length > 2) return false;
  if (!/[A-Za-z]/.test(sf)) return false;
  return /^[A-Za-z0-9]/.test(sf);
}

/** The shortest long form ending at the end of `candidate` whose characters cover the short form, or null. */
export function bestLongForm(sf: string, candidate: string): string | null {
  const s = sf.toLowerCase();
  const l = candidate.toLowerCase();
  let sIndex = s.length - 1;
  let lIndex = l.length - 1;
  for (; sIndex >= 0; sIndex--) {
    const c = s[sIndex];
    if (!/[a-z0-9]/.test(c)) continue;
    while ((lIndex >= 0 && l[lIndex] !== c) || (sIndex === 0 && lIndex > 0 && /[a-z0-9]/.test(l[lIndex - 1]))) lIndex--;
    if (lIndex < 0) return null;
    lIndex--;
  }
  const start = candidate.lastIndexOf(' ', lIndex) + 1;
  return candidate.slice(start);
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function extractPair(sf: string, lfCandidate: string): DefinitionPair | null {
  const short = sf.trim();
  if (!isShortFormCandidate(short)) return null;
  const window = Math.min(short.length + 5, short.length * 2);
  const ws = words(lfCandidate);
  const candidate = ws.slice(Math.max(0, ws.length - window)).join(' ');
  const long = bestLongForm(short, candidate);
  if (long === null) return null;
  const lfWords = words(long).length;
  if (long.length < short.length || long.includes(short) || lfWords > window) return null;
  return { short, long };
}

/** The definition pairs of one sentence, by the 2003 algorithm. */
export function schwartzHearstPairs(sentence: string): DefinitionPair[] {
  const out: DefinitionPair[] = [];
  let from = 0;
  for (;;) {
    const open = sentence.indexOf('(', from);
    if (open < 0) break;
    const close = sentence.indexOf(')', open + 1);
    if (close < 0) break;
    let inner = sentence.slice(open + 1, close).trim();
    const cut = inner.search(/[;,]/);
    if (cut >= 0) inner = inner.slice(0, cut).trim();
    const before = sentence.slice(0, open).trim();
    if (words(inner).length > 2 || inner.length > 10) {
      // "short form (long form)": the word before the parenthesis is the short form.
      const ws = words(before);
      const sf = ws[ws.length - 1] ?? '';
      const pair = extractPair(sf, inner);
      if (pair) out.push(pair);
    } else {
      const pair = extractPair(inner, before);
      if (pair) out.push(pair);
    }
    from = close + 1;
  }
  return out;
}
