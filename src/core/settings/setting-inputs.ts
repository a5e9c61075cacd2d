/**
 * What the settings tab says under a setting after a change: previews and validation messages. Pure functions
 * of the entered value (plus the vault or library lookups passed in), so they are tested without a tab.
 */
import { format } from 'date-fns/format';
import { ANNOTATION_COLOR_NAMES, type AnnotationColorName } from '../library/annotation';
import type { ExportFormat, LibraryError } from '../library/paper';
import { normalizeVaultPath } from '../vault/vault-path';
import { errorMessage } from '../text/error-message';

export interface Check {
  kind: 'ok' | 'warning' | 'error';
  text: string;
}

const FORMAT_NAMES: Record<ExportFormat, string> = {
  bibtex: 'Better BibTeX (.bib)',
  biblatex: 'Better BibLaTeX (.bib)',
  'csl-json': 'Better CSL JSON',
  'csl-yaml': 'Better CSL YAML',
  'bbt-json': 'BetterBibTeX JSON',
  'zotero-csl-json': "Zotero's CSL JSON (no citation keys)",
};

/**
 * A vault path as typed, normalised for storing ("" stays ""), or an error for "..". The plugin passes its own
 * normaliser (Obsidian's `normalizePath` first), so what is stored is what the vault calls the path.
 */
export function vaultPathInput(value: string, toVaultPath: (path: string) => string = normalizeVaultPath): { path: string } | { error: string } {
  const trimmed = value.trim();
  if (trimmed === '') return { path: '' };
  try {
    return { path: toVaultPath(trimmed) };
  } catch {
    return { error: 'A vault path cannot contain "..".' };
  }
}

/** Live preview of a date-fns format, or why it is not valid. */
export function dateFormatPreview(pattern: string, now: Date): Check {
  if (pattern.trim() === '') return { kind: 'warning', text: 'Empty: the default format is used.' };
  try {
    return { kind: 'ok', text: `Preview: ${format(now, pattern)}` };
  } catch (err) {
    return { kind: 'error', text: `Not a valid date format: ${errorMessage(err)}` };
  }
}

/** What the export check found, as one line: "Better BibLaTeX (.bib): 460 papers (2 entries could not be read)". */
export function describeLibrary(result: { format: ExportFormat | null; size: number; errors: readonly LibraryError[]; warnings: readonly string[] }): Check {
  const n = result.size;
  let text = `${result.format ? FORMAT_NAMES[result.format] : 'Not readable'}: ${n.toLocaleString('en-US')} ${n === 1 ? 'paper' : 'papers'}`;
  if (result.errors.length > 0) text += ` (${result.errors.length} ${result.errors.length === 1 ? 'entry' : 'entries'} could not be read)`;
  if (result.warnings.length > 0) text += `. ${result.warnings[0]}`;
  const kind = result.format === 'zotero-csl-json' || n === 0 || result.errors.length > 0 ? 'warning' : 'ok';
  return { kind, text };
}

/** A list typed as "a, b" or one per line. */
export function listInput(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Seconds typed by the user → milliseconds, or an error. */
export function secondsInput(value: string): { ms: number } | { error: string } {
  const seconds = Number(value.trim().replace(',', '.'));
  if (!Number.isFinite(seconds) || seconds < 0.2 || seconds > 600) return { error: 'Enter a number of seconds between 0.2 and 600.' };
  return { ms: Math.round(seconds * 1000) };
}

/**
 * Highlight colour labels as typed, one per line ("red: Important", or with a full-width colon "red：重要"), colours
 * named as Zotero names them in English: the labels, or what is wrong with the first bad line.
 */
export function colorLabelsInput(value: string): { labels: Partial<Record<AnnotationColorName, string>> } | { error: string } {
  const labels: Partial<Record<AnnotationColorName, string>> = {};
  for (const line of value.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^\s*([A-Za-z]+)\s*[:：]\s*(.*?)\s*$/.exec(line);
    const name = m?.[1].toLowerCase() as AnnotationColorName | undefined;
    if (!m || !name || !ANNOTATION_COLOR_NAMES.includes(name)) {
      return { error: `"${line.trim()}": write a colour, a colon and its meaning, e.g. "red: Important" (colours: ${ANNOTATION_COLOR_NAMES.join(', ')}).` };
    }
    if (m[2] !== '') labels[name] = m[2];
  }
  return { labels };
}

/** The labels as the text area shows them, one "colour: label" per line. */
export function colorLabelsText(labels: Partial<Record<AnnotationColorName, string>>): string {
  return ANNOTATION_COLOR_NAMES.filter((name) => labels[name]).map((name) => `${name}: ${labels[name]}`).join('\n');
}

/**
 * Why a folder cannot hold notes, or null. Obsidian hides every folder whose name starts with a dot, its config
 * folder (`.obsidian`, or the one configured) first of all: notes there would never be seen or found again (each
 * sync would create them anew), and inside the config folder they could clash with Obsidian's own files.
 */
export function hiddenFolderProblem(folder: string, configDir?: string): string | null {
  const segments = folder.split('/');
  if (!segments.some((s) => s.startsWith('.'))) return null;
  const config = configDir?.toLowerCase();
  const lower = folder.toLowerCase();
  if (config !== undefined && (lower === config || lower.startsWith(`${config}/`))) {
    return `"${folder}" is inside Obsidian's config folder (${configDir}): notes there are hidden, and could clash with Obsidian's own files. Choose a folder of the vault.`;
  }
  return `"${folder}" is a hidden folder (a name starting with a dot): Obsidian does not show the notes in it. Choose another folder.`;
}
