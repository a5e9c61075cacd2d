/** The plan a sync computes before touching the vault, and the report of applying it. */
import type { FreshNote, MergeOptions } from './merge-note';
import type { NoteSyncState, SyncState } from './sync-state';

/** Turns a rendered note's text into the text to write (the concept linker), given the note's vault path. */
export type NoteLinker = (text: string, path: string) => string;

interface ActionBase {
  citekey: string;
  /** Vault path of the note (the new note's path for a create); null when none could be decided. */
  path: string | null;
  /** Why: conflicts, errors, what changed. */
  reasons: string[];
}

export interface CreateAction extends ActionBase {
  kind: 'create';
  path: string;
  /** The whole note to write. */
  text: string;
  note: NoteSyncState;
  /** A leftover of an interrupted create is at the path, with this text: it is replaced (only if still that text). */
  replaces?: string;
}

/** `update`: the merge changes the note; `conflict`: some managed part was edited by hand and is kept. */
export interface MergeAction extends ActionBase {
  kind: 'update' | 'conflict';
  path: string;
  fresh: FreshNote;
  merge: MergeOptions;
  /** The note's state as planned; the apply records the hashes of the merge it really did. */
  note: NoteSyncState;
}

export interface UnchangedAction extends ActionBase {
  kind: 'unchanged';
  path: string;
}

export interface ErrorAction extends ActionBase {
  kind: 'error';
}

export type SyncAction = CreateAction | MergeAction | UnchangedAction | ErrorAction;

/** A paper that left the export: its note gets the removed flag (never deleted). */
export interface FlagAction {
  citekey: string;
  path: string;
  /** The flag's value (the date the paper was found missing). */
  date: string;
  note: NoteSyncState;
}

export interface SyncPlan {
  /** One action per paper synced, in export order. */
  actions: SyncAction[];
  flagged: FlagAction[];
  /** Things worth saying that are not failures (a citekey found in two notes, a linker failure). */
  warnings: string[];
  /** The state loaded before planning (null: none). */
  previousState: SyncState | null;
  /** The state to store once the plan is applied (refined by the apply). */
  nextState: SyncState;
  /** The notes folder the plan was made for. */
  notesFolder: string;
  /** A sync of the whole export (not an import of some citekeys). */
  full: boolean;
}

export interface SyncErrorEntry {
  citekey: string | null;
  path: string | null;
  message: string;
  /** Set when a whole export (one of several) could not be synced: its name (the message names it too). */
  export?: string;
}

/** What a sync did (or, for a dry run, would do). Paths are vault paths. */
export interface SyncReport {
  created: string[];
  updated: string[];
  unchanged: number;
  conflicts: string[];
  errors: SyncErrorEntry[];
  flagged: string[];
  /** Notes whose permissions forbid writing: left alone (the user's way of saying "don't touch"). */
  readOnly: string[];
  /** Per conflicting note, what was kept. */
  conflictDetails: { path: string; reasons: string[] }[];
}

export function emptyReport(): SyncReport {
  return { created: [], updated: [], unchanged: 0, conflicts: [], errors: [], flagged: [], readOnly: [], conflictDetails: [] };
}

/** The report a plan would give if applied as planned (the dry run). */
export function reportOfPlan(plan: SyncPlan): SyncReport {
  const report = emptyReport();
  for (const a of plan.actions) {
    if (a.kind === 'create') report.created.push(a.path);
    else if (a.kind === 'update') report.updated.push(a.path);
    else if (a.kind === 'unchanged') report.unchanged++;
    else if (a.kind === 'conflict') {
      report.conflicts.push(a.path);
      report.conflictDetails.push({ path: a.path, reasons: a.reasons });
    } else report.errors.push({ citekey: a.citekey, path: a.path, message: a.reasons.join('; ') });
  }
  report.flagged = plan.flagged.map((f) => f.path);
  return report;
}
