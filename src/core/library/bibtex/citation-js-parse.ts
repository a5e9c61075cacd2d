/**
 * The only module that imports citation-js, so the plugin can load it lazily. It gives two things:
 * - the BibTeX file grammar (entries, fields, `@string` macros, `#` concatenation), with the raw field values;
 * - citation-js's tables of LaTeX accents and symbols, which our own LaTeX-to-text decoder uses.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { commands, defaultStrings, diacritics, mathCommands } from '@citation-js/plugin-bibtex/lib/input/constants.js';

/** One entry as the BibTeX grammar reads it: field names lowercased, values raw (inner braces and LaTeX kept). */
export interface RawBibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

interface CitationJsEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

/**
 * Parse BibTeX/BibLaTeX text into raw entries. Throws a SyntaxError at the first malformed entry; the caller
 * isolates bad entries. Undefined macros read as empty strings, so callers define them first.
 */
export function parseBibtexText(text: string): RawBibEntry[] {
  const parsed = plugins.input.data(text, '@biblatex/text') as CitationJsEntry[];
  const out: RawBibEntry[] = new Array<RawBibEntry>(parsed.length);
  for (let i = 0; i < parsed.length; i++) {
    const entry = parsed[i];
    // Bare numbers (`year = 2018`) come back as numbers: make every value a string, in place.
    const props = entry.properties;
    for (const name in props) if (typeof props[name] !== 'string') props[name] = String(props[name]);
    out[i] = { type: entry.type, key: entry.label, fields: props as Record<string, string> };
  }
  return out;
}

/** Macro names (lowercase) that citation-js defines before any `@string`: `jan`…`dec` and a few journals. */
export const PREDEFINED_MACROS: ReadonlySet<string> = new Set(Object.keys(defaultStrings));

/** LaTeX → Unicode tables: accent commands (combining marks), text symbols and math symbols. */
export const CITATION_JS_LATEX = {
  diacritics: diacritics as Readonly<Record<string, string>>,
  commands: commands as Readonly<Record<string, string | null>>,
  mathCommands: mathCommands as Readonly<Record<string, string>>,
};
