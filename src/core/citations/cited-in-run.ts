/** What a "Cited in" run did, in words for the plugin's notice (the CLI prints its own lines). */
import { listSome, plural } from '../text/counts';
import type { CitedInResult } from './update-cited-in';

/**
 * `"Cited in" rebuilt: 42 citations, 5 notes updated.`, then the literature notes left alone while open in the
 * editor, the keys cited with neither a note nor a paper in the library, and the notes that could not be written.
 */
export function formatCitedInRun(title: string, result: CitedInResult): string {
  const lines = [`${title}: ${plural(result.citations, 'citation')}, ${plural(result.updated.length, 'note')} updated.`];
  if (result.skipped.length > 0) lines.push(`Left alone while open in the editor (updated later): ${listSome(result.skipped)}`);
  if (result.unknownKeys.length > 0) lines.push(`Cited, but in neither the library nor a note: ${listSome(result.unknownKeys.map((k) => `@${k}`), 5)}`);
  if (result.failed.length > 0) lines.push(`Not written: ${listSome(result.failed.map((f) => `${f.path} (${f.message})`))}`);
  return lines.join('\n');
}

/** A title as the text of a link: on one line, without the characters that would end a wikilink or its alias. */
export function linkTextOf(title: string): string {
  return title.replace(/[[\]|#^]+/g, ' ').replace(/\s+/g, ' ').trim();
}
