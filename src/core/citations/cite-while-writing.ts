/**
 * Citing while writing, as text: where the citation being typed starts (`[@`, `@@`), what is searched and which
 * locator goes with it (`[@attention, p. 5`), what the chosen citation replaces (the bracket Obsidian closed by
 * itself included), and where a locator goes in a rendered citation (Pandoc's syntax: `[@key, p. 5]`,
 * `@key [p. 5]`). Pure and light: the suggester calls `findCitationTrigger` on every keystroke.
 */

export interface CitationTrigger {
  /** The trigger typed (`[@`). */
  trigger: string;
  /** Where it starts in the line (UTF-16 offset). */
  start: number;
  /** What follows it up to the cursor: the search, and maybe `, locator`. */
  query: string;
}

/** Longest query the suggester follows; beyond it the user is writing something else. */
const MAX_QUERY = 80;

/** Characters that end a citation being typed: another one starts, or a bracket closes. */
function endsQuery(query: string): boolean {
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c === 0x5b || c === 0x5d || c === 0x40 || c === 0x60) return true; // [ ] @ `
  }
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 0x7f;
}

/** Inside inline code: an odd number of backticks before `at` on the line. */
function inInlineCode(line: string, at: number): boolean {
  let ticks = 0;
  for (let i = 0; i < at; i++) if (line.charCodeAt(i) === 0x60) ticks++;
  return ticks % 2 === 1;
}

/**
 * The citation trigger being typed in `lineBefore` (the line up to the cursor), or null. The trigger nearest the
 * cursor wins. Not a trigger: `[[@` (a link being typed: Obsidian's own suggester), `a@@` inside a word, one inside
 * inline code, and one followed by a space or by a closed citation.
 */
export function findCitationTrigger(lineBefore: string, triggers: readonly string[]): CitationTrigger | null {
  let best: CitationTrigger | null = null;
  for (const trigger of triggers) {
    if (trigger === '') continue;
    const start = lineBefore.lastIndexOf(trigger);
    if (start < 0 || (best && start <= best.start)) continue;
    const query = lineBefore.slice(start + trigger.length);
    if (query.length > MAX_QUERY || /^\s/.test(query) || endsQuery(query)) continue;
    const before = start > 0 ? lineBefore.charCodeAt(start - 1) : 0x20;
    // After a Han character `@@` is a trigger (Chinese has no spaces); after a Latin letter it is an address.
    if (trigger.startsWith('[') ? before === 0x5b || before === 0x21 : isWordChar(before) && before < 0x80) continue;
    if (inInlineCode(lineBefore, start)) continue;
    best = { trigger, start, query };
  }
  return best;
}

/** A query as typed after the trigger: the search before the first comma, the locator after it (Pandoc's order). */
export function splitCitationQuery(query: string): { search: string; locator: string | null } {
  const comma = query.indexOf(',');
  if (comma < 0) return { search: query.trim(), locator: null };
  const locator = query.slice(comma + 1).trim();
  return { search: query.slice(0, comma).trim(), locator: locator === '' ? null : locator };
}

/** Brackets opened and closed in equal number. */
function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
  }
  return depth === 0;
}

/**
 * The range of `line` the chosen citation replaces: the trigger and the query, and the `]` right after the cursor
 * when the trigger opened a bracket that Obsidian closed by itself ("Auto-pair brackets") and the citation brings
 * its own closing bracket, so `[@|]` becomes `[@key]`, not `[@key]]`.
 */
export function citationRange(line: string, found: CitationTrigger, cursor: number, citation: string): { from: number; to: number } {
  const closedForUs = found.trigger.startsWith('[') && line.charCodeAt(cursor) === 0x5d && balanced(citation);
  return { from: found.start, to: closedForUs ? cursor + 1 : cursor };
}

/** Where `@key` (or `@{key}`) is in `citation`: the offset of its `@` and the end of the key. */
function keyIn(citation: string, citekey: string): { at: number; end: number } | null {
  for (const form of [`@{${citekey}}`, `@${citekey}`]) {
    let at = citation.indexOf(form);
    while (at >= 0) {
      const end = at + form.length;
      // `@key` must not go on as a longer key (`@key2`).
      if (form.startsWith('@{') || !isWordChar(citation.charCodeAt(end))) return { at, end };
      at = citation.indexOf(form, at + 1);
    }
  }
  return null;
}

/** The `[` of the bracket group around `at` on its line (not a `[[` link), or -1. */
function openBracket(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return -1;
    if (c === 0x5d) depth++;
    else if (c === 0x5b) {
      if (depth === 0) return text.charCodeAt(i - 1) === 0x5b || text.charCodeAt(i + 1) === 0x5b ? -1 : i;
      depth--;
    }
  }
  return -1;
}

/**
 * `citation` with `locator` added the way Pandoc reads it: `[@key, p. 5]` inside a bracketed citation, `@key [p. 5]`
 * after an author-in-text one. Anything else (a `[[@key]]` link, a template without the key) gets ` [p. 5]` after it.
 */
export function withLocator(citation: string, citekey: string, locator: string | null): string {
  const text = locator?.trim() ?? '';
  if (text === '') return citation;
  const key = keyIn(citation, citekey);
  if (!key) return `${citation} [${text}]`;
  if (openBracket(citation, key.at) >= 0) return `${citation.slice(0, key.end)}, ${text}${citation.slice(key.end)}`;
  const wikilink = citation.slice(key.at - 2, key.at) === '[[' ? citation.indexOf(']]', key.end) : -1;
  const after = wikilink >= 0 ? wikilink + 2 : key.end;
  return `${citation.slice(0, after)} [${text}]${citation.slice(after)}`;
}
