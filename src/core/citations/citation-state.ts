/**
 * What the citation engine knows about the vault between runs: the citations of every note that cites something,
 * and the literature notes by citekey. Kept in memory by the plugin (one changed note then costs one read), built
 * afresh by the CLI.
 */
import type { NoteCitations } from './note-citations';

export interface CitationState {
  /** Citations of every note that cites something, by path. */
  byNote: Map<string, NoteCitations>;
  /** The same, inverted: citekey → (citing note path → count). */
  citers: Map<string, Map<string, number>>;
  /** Literature notes (their front matter's `citekey`, in the notes folder): citekey → path. */
  literature: Map<string, string>;
  /** The reverse: literature note path → citekey. */
  keyOfNote: Map<string, string>;
  /** Literature notes that have a "Cited in" section already (it is kept up to date even when nothing cites them). */
  withSection: Set<string>;
  /** The notes folder the literature notes were found in (a different folder invalidates the state). */
  notesFolder: string | null;
}

export function createCitationState(): CitationState {
  return { byNote: new Map(), citers: new Map(), literature: new Map(), keyOfNote: new Map(), withSection: new Set(), notesFolder: null };
}

/** Forget everything (before a full run). */
export function resetCitationState(state: CitationState): void {
  Object.assign(state, createCitationState());
}

/** The notes citing `citekey`, with their counts (the paper's own note left out). */
export function citersOf(state: CitationState, citekey: string, ownPath: string): { path: string; count: number }[] {
  const citing: { path: string; count: number }[] = [];
  for (const [path, count] of state.citers.get(citekey) ?? []) if (path !== ownPath) citing.push({ path, count });
  return citing;
}

/** Record the citations `path` makes now (NO_CITATIONS or a deleted note: none); returns the keys whose citers changed. */
export function setNoteCitations(state: CitationState, path: string, cites: NoteCitations): string[] {
  const before = state.byNote.get(path)?.counts ?? new Map<string, number>();
  const affected: string[] = [];
  for (const [key, count] of before) {
    if (cites.counts.get(key) === count) continue;
    affected.push(key);
    state.citers.get(key)?.delete(path);
    if (state.citers.get(key)?.size === 0) state.citers.delete(key);
  }
  for (const [key, count] of cites.counts) {
    if (before.get(key) === count) continue;
    if (!before.has(key)) affected.push(key);
    let notes = state.citers.get(key);
    if (!notes) state.citers.set(key, (notes = new Map<string, number>()));
    notes.set(path, count);
  }
  if (cites.counts.size === 0) state.byNote.delete(path);
  else state.byNote.set(path, cites);
  return affected;
}

/** Record `path` as the literature note of `citekey` (null: not a literature note); returns the keys affected. */
export function setLiterature(state: CitationState, path: string, citekey: string | null): string[] {
  const previous = state.keyOfNote.get(path) ?? null;
  if (previous === citekey) return [];
  if (previous !== null) {
    state.keyOfNote.delete(path);
    if (state.literature.get(previous) === path) state.literature.delete(previous);
  }
  if (citekey !== null && !state.literature.has(citekey)) {
    // Two notes with one citekey: the first found keeps the section (the sync warns about such pairs).
    state.literature.set(citekey, path);
    state.keyOfNote.set(path, citekey);
  }
  return [previous, citekey].filter((k): k is string => k !== null);
}
