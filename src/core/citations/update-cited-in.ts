/**
 * "Cited in": every literature note lists the notes that cite its paper. A full run reads every Markdown note of
 * the vault (drafts live anywhere; hidden folders such as the config folder are not read); an incremental run, with
 * the state kept from the last one, reads only the notes that changed and rewrites only the sections whose list
 * changes. A literature note gets the section once something cites it; an unchanged vault writes nothing.
 */
import type { Pause } from '../scheduling/time-slicer';
import { wikilinkMaker, type MakeLink } from '../concepts/link-writer';
import { isHiddenPath } from '../concepts/scope';
import type { NoteLanguage } from '../notes/i18n';
import { readFrontMatterValue } from '../text/front-matter-text';
import { beginMarker } from '../text/managed-region';
import { CITED_IN_SECTION_ID, writeOwnedSection } from '../text/owned-sections';
import { isInFolder } from '../vault/vault-path';
import type { VaultPort } from '../vault/vault-port';
import { citersOf, createCitationState, resetCitationState, setLiterature, setNoteCitations, type CitationState } from './citation-state';
import { renderCitedIn } from './cited-in-section';
import { citationsInNote, NO_CITATIONS } from './note-citations';

export interface CitedInOptions {
  /** Where literature notes are: notes there with a `citekey` in their front matter. */
  notesFolder: string;
  language: NoteLanguage;
  /** How links are written (the plugin: Obsidian's own format); default `[[path|title]]`-style wikilinks. */
  makeLink?: MakeLink;
  /** The library's citekeys, when loaded: a cited key outside it (and without a note) is reported as unknown. */
  libraryKeys?: { has(citekey: string): boolean } | null;
  /** Kept between runs (the plugin); without it every run is a full one. */
  state?: CitationState;
  /** The notes that changed since the last run with `state`; undefined: read every note. */
  changedPaths?: readonly string[];
  /** Notes not to write now (the one being typed in); their sections are written by a later run. */
  skipPaths?: readonly string[];
  /** Awaited after every note (the plugin's time slicer yields to the UI there when its slice is used up). */
  pause?: Pause;
  /** Notes read, then sections written, out of how many (a full run reads the whole vault). */
  onProgress?: (done: number, total: number) => void;
  /** Plan only: `updated` lists the notes that would be written. */
  dryRun?: boolean;
}

export interface CitedInResult {
  /** Literature notes whose "Cited in" section was written (or would be, for a dry run). */
  updated: string[];
  /** Citations found in the vault. */
  citations: number;
  /** Cited keys with no literature note and not in the library; never turned into notes. */
  unknownKeys: string[];
  /** Notes that could not be read or written, and why. */
  failed: { path: string; message: string }[];
  /** Literature notes in `skipPaths` whose section was due: a later run must look at them again. */
  skipped: string[];
}

const SECTION_MARKER = beginMarker(CITED_IN_SECTION_ID);

/** Citekey of a literature note, from its front matter (a number is read as its text). */
function citekeyOf(text: string): string | null {
  const value = readFrontMatterValue(text, 'citekey');
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** Read `paths` into the state; returns the citekeys whose section may change. */
async function readNotes(vault: VaultPort, state: CitationState, paths: readonly string[], options: CitedInOptions): Promise<Set<string>> {
  const affected = new Set<string>();
  const withSection = state.withSection;
  let done = 0;
  for (const path of paths) {
    const text = path.endsWith('.md') && !isHiddenPath(path) ? await vault.read(path) : null;
    for (const key of setNoteCitations(state, path, text === null ? NO_CITATIONS : citationsInNote(path, text))) affected.add(key);
    const citekey = text !== null && isInFolder(path, options.notesFolder) ? citekeyOf(text) : null;
    for (const key of setLiterature(state, path, citekey)) affected.add(key);
    if (citekey !== null) affected.add(citekey); // a note that appeared or changed may need its section
    if (text?.includes(SECTION_MARKER)) withSection.add(path);
    else withSection.delete(path);
    options.onProgress?.(++done, paths.length);
    await options.pause?.();
  }
  return affected;
}

/** Keys cited in a bracketed or `[[@key]]` form somewhere, with no note and outside the library. */
function unknownKeys(state: CitationState, libraryKeys: CitedInOptions['libraryKeys']): string[] {
  const unknown: string[] = [];
  for (const [key, notes] of state.citers) {
    if (state.literature.has(key) || libraryKeys?.has(key)) continue;
    if ([...notes.keys()].some((path) => !state.byNote.get(path)?.inTextOnly.has(key))) unknown.push(key);
  }
  return unknown.sort();
}

export async function updateCitedIn(vault: VaultPort, options: CitedInOptions): Promise<CitedInResult> {
  const state = options.state ?? createCitationState();
  const full = options.changedPaths === undefined || state.notesFolder !== options.notesFolder;
  if (full) resetCitationState(state);
  state.notesFolder = options.notesFolder;
  const withSection = state.withSection;
  const paths = full ? await vault.list('', '.md') : [...new Set(options.changedPaths)];
  const affected = await readNotes(vault, state, paths, options);
  if (full) for (const key of state.literature.keys()) affected.add(key);

  const makeLink = options.makeLink ?? wikilinkMaker();
  const skip = new Set(options.skipPaths ?? []);
  const result: CitedInResult = { updated: [], citations: 0, unknownKeys: unknownKeys(state, options.libraryKeys), failed: [], skipped: [] };
  const unknown = new Set(result.unknownKeys);
  for (const [, cites] of state.byNote) {
    for (const [key, count] of cites.counts) if (state.literature.has(key) || options.libraryKeys?.has(key) || unknown.has(key)) result.citations += count;
  }
  const keys = [...affected].sort();
  let written = 0;
  for (const key of keys) {
    options.onProgress?.(paths.length + written++, paths.length + keys.length);
    const path = state.literature.get(key);
    if (path === undefined) continue;
    const citing = citersOf(state, key, path);
    if (citing.length === 0 && !withSection.has(path)) continue;
    if (skip.has(path)) {
      result.skipped.push(path);
      continue;
    }
    const content = renderCitedIn(citing, path, options.language, makeLink);
    try {
      let changed = false;
      const edit = (text: string) => {
        const written = writeOwnedSection(text, CITED_IN_SECTION_ID, content);
        if ('problem' in written) throw new Error(written.problem);
        changed = written.text !== text;
        return written.text;
      };
      if (options.dryRun) {
        const text = await vault.read(path);
        if (text !== null) edit(text);
      } else await vault.process(path, edit);
      if (changed) {
        result.updated.push(path);
        withSection.add(path);
      }
    } catch (err) {
      result.failed.push({ path, message: err instanceof Error ? err.message : String(err) });
    }
    await options.pause?.();
  }
  if (keys.length > 0) options.onProgress?.(paths.length + keys.length, paths.length + keys.length);
  return result;
}
