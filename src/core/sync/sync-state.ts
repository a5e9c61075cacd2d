/**
 * The sync state: what the last syncs wrote, so the next one can skip unchanged papers without rendering and tell a
 * hand edit from the plugin's own text. JSON-serialisable and versioned; the loader accepts anything and keeps what
 * is valid (a lost or damaged state only costs caution: conflicts instead of overwrites, never lost text). Its
 * stored text, and how it is read back, are in sync-state-text.ts.
 */
import { hashString } from '../text/fingerprint';
import type { WrittenHashes } from './types';

export const SYNC_STATE_VERSION = 1;

/** What the sync knows about one paper's note. */
export interface NoteSyncState {
  /** Vault path of the note when it was last seen. */
  path: string;
  /** Hash of the paper's data when its note was last rendered. */
  paperHash: string;
  /** When the note was created (ISO); the import `date` of later renders. */
  importedAt: string;
  /** Hashes of what the plugin last wrote. */
  written: WrittenHashes;
  /** Set (the date written into the note) while the paper is missing from the export. */
  removed?: string;
  /** Set while a managed part edited by hand is kept: the note is merged (and reported) on every sync until resolved. */
  conflict?: true;
  /**
   * Hash of the note's whole text when the sync last wrote or read it, and the file's size and modification time
   * then (see fileStatKey). A paper whose data did not change is skipped only while the note still has that text:
   * the stat is compared first (cheap), the text's hash when the stat differs. Absent: unknown, so the note is read.
   */
  textHash?: string;
  fileStat?: string;
  /**
   * The export the paper was last synced from (see exportKeys in several-exports.ts): a paper is identified by its
   * export and its citekey. Absent in states written before, and for an export given without a name.
   */
  export?: string;
}

/** The last full sync of an export. */
export interface LastExport {
  /** Fingerprint of the export (see export-bytes.ts). */
  exportHash: string;
  paperCount: number;
  /** When that export was synced (ISO). */
  syncedAt: string;
  /** No conflicts or errors were left: an unchanged export may then be skipped without parsing. */
  clean: boolean;
  /**
   * Fingerprint of the notes folder's listing after that sync; '' when unknown or when a note lies outside the
   * folder. Equal listing, equal export: the sync can be skipped without even reading the notes' state.
   */
  notesListing: string;
  /**
   * The device that synced it: the id the plugin keeps in each device's local storage; absent for the CLI and for
   * states written before. Another device seeing this export does not sync it again automatically.
   */
  device?: string;
  /**
   * The collections that sync was limited to (see sync-scope.ts, scopeKey); absent for the whole library. The same
   * export under another scope is not skipped as unchanged.
   */
  scope?: string;
  /** With `scope`: the papers in it (what a skipped sync reports as unchanged). */
  scopePapers?: number;
}

/**
 * One export's part of the last full sync of several exports (see several-exports.ts). With several exports,
 * `SyncState.lastExport` is the sync of them all (its fingerprint taken over theirs, its papers their sum).
 */
export interface ExportRecord extends Omit<LastExport, 'notesListing'> {
  /** The export's key (see exportKeys). */
  key: string;
}

export interface SyncState {
  version: number;
  /** Fingerprint of everything besides the paper that shapes a note (settings, template, language). */
  renderKey: string;
  lastExport: LastExport | null;
  /** Per export, when several were synced; absent for one export (whose record is `lastExport`). */
  exports?: ExportRecord[];
  /** By citekey. */
  notes: Record<string, NoteSyncState>;
}

/** The small part of the state that decides whether a sync can be skipped. */
export type SyncStateHead = Pick<SyncState, 'version' | 'renderKey' | 'lastExport' | 'exports'>;

/** A file's size and modification time as recorded in the state ("" when the backend cannot tell). */
export function fileStatKey(stat: { size: number; mtime: number } | null | undefined): string {
  return stat ? `${stat.size}:${stat.mtime}` : '';
}

/** The fingerprint of a folder listing (sorted vault paths). */
export function listingFingerprint(paths: readonly string[]): string {
  return hashString(paths.join('\n'));
}

/**
 * A notes map without a prototype, copied from `from`: citekeys are data, and "__proto__" or "constructor" must be
 * keys like any other (on a plain object they would read inherited members or set the prototype).
 */
export function noteMap(from?: Record<string, NoteSyncState>): Record<string, NoteSyncState> {
  return Object.assign(Object.create(null) as Record<string, NoteSyncState>, from);
}

export function emptySyncState(): SyncState {
  return { version: SYNC_STATE_VERSION, renderKey: '', lastExport: null, notes: noteMap() };
}
