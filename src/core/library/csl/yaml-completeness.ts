/**
 * Whether a Better CSL YAML export is complete. A prefix of a YAML list is still valid YAML, so a file caught
 * while Better BibTeX rewrites it parses fine, with its last item cut. Better BibTeX writes the export as one
 * document, `---\nreferences:\n…\n...\n`: a file that opens with `---` is complete only with its `...` end marker.
 * YAML without markers (older BBT, hand-made files) gets the rules a `.bib` gets: it ends with a line break, and
 * its last item is whole, that is, it has an `id` and a `type` and ends with the key every item of the file ends
 * with (BBT writes the keys of every item in the same order).
 */

const OPENS_DOCUMENT = /^(?:\s*#[^\n]*\n)*\s*---[ \t]*\r?\n/;
const END_MARKER = /\n\.\.\.[ \t]*(?:\r?\n\s*)?$/;

/** Why the YAML text looks cut short, or null when it looks complete. `items` are its parsed references. */
export function yamlTruncation(text: string, items: readonly unknown[]): string | null {
  if (OPENS_DOCUMENT.test(text)) return END_MARKER.test(text) ? null : 'the YAML document has no "..." end marker';
  if (!text.endsWith('\n')) return 'the file does not end with a line break';
  if (items.length === 0) return null;
  const last = items[items.length - 1];
  if (typeof last !== 'object' || last === null) return 'its last item is not a reference';
  const keys = Object.keys(last);
  if (!keys.includes('type') || !(keys.includes('id') || keys.includes('citation-key'))) return 'its last item has no id or type';
  const first = items[0];
  const firstKeys = typeof first === 'object' && first !== null ? Object.keys(first) : [];
  if (items.length > 1 && firstKeys.length > 0 && keys[keys.length - 1] !== firstKeys[firstKeys.length - 1]) {
    return `its last item does not end with "${firstKeys[firstKeys.length - 1]}" like the others`;
  }
  return null;
}
