/**
 * Several exports synced as one library (a personal library and a group library, say): how each is named in the
 * sync state, the fingerprint of them all, and which export each citekey is synced from.
 *
 * - **Identity.** A paper is its export and its citekey. An export's key is its file name (`group.json`), the same
 *   whether the plugin names it by a vault path or the CLI by an absolute one, on any device; the whole path when
 *   two exports share a file name. Each note's record in the sync state keeps the key of its export.
 * - **A citekey in two exports** is synced from one of them and the other is reported with both file names, never
 *   merged: from the export its note already came from while that export still holds it (adding an export never
 *   swaps the paper behind an existing note), else from the first export listed.
 * - **Removal** is judged over all the exports: a paper that moved from one export to another is not flagged, and
 *   the notes of an export that was not read this time (unreadable, or left unchanged) are left as they are.
 */
import type { IndexedExport, PaperKey, PaperSource } from '../library/library-index';
import type { Paper } from '../library/paper';
import type { ExportContent } from './export-bytes';
import { hashString } from '../text/fingerprint';
import type { ExportRecord, NoteSyncState, SyncState, SyncStateHead } from './sync-state';

/** One export given to the sync. */
export interface SyncExportSource {
  /** Its path as configured (named in messages); its key is taken from it (see exportKeys). */
  name: string;
  /** Its bytes or text (the CLI); not needed with `hash` and `read`. */
  content?: ExportContent;
  /** Its fingerprint when already taken ('' when the file could not even be read: `read` then says why). */
  hash?: string;
  /** The export read and indexed, asked for only when it must be (the plugin parses in a worker). */
  read?: () => Promise<IndexedExport>;
}

/** The last path segment of a path written with either kind of slash. */
function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/**
 * The key of each export: its file name, or its whole path when another export has the same file name (in any
 * case: the file systems of Macs and Windows do not tell them apart).
 */
export function exportKeys(names: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const name of names) count.set(fileName(name).toLowerCase(), (count.get(fileName(name).toLowerCase()) ?? 0) + 1);
  return names.map((name) => ((count.get(fileName(name).toLowerCase()) ?? 0) > 1 ? name : fileName(name)));
}

/** The fingerprint of several exports together: changes when any of them changes, or the list does. */
export function combinedFingerprint(keys: readonly string[], hashes: readonly string[]): string {
  return hashString(JSON.stringify(keys.map((key, i) => [key, hashes[i]])));
}

/** Each export's record in a state of several exports (null where there is none, or the state is of one export). */
export function exportRecords(state: SyncStateHead | null, keys: readonly string[]): (ExportRecord | null)[] {
  const records = state?.exports ?? [];
  return keys.map((key) => records.find((r) => r.key === key) ?? null);
}

/** Whether another device synced this very export (see syncedByAnotherDevice in unchanged-export.ts). */
export function recordSyncedElsewhere(record: ExportRecord | null, hash: string, device: string | undefined): boolean {
  return !!device && !!record?.device && record.device !== device && hash !== '' && record.exportHash === hash;
}

/** A citekey found in two exports: synced from `kept`, left out of `left`. */
export interface Collision {
  citekey: string;
  kept: string;
  left: string;
}

/** Collisions grouped per pair of exports, each a warning naming both files (and the citekeys, the first ten). */
export function collisionWarnings(collisions: readonly Collision[]): string[] {
  const pairs = new Map<string, Collision[]>();
  for (const c of collisions) {
    const pair = JSON.stringify([c.kept, c.left]);
    pairs.set(pair, [...(pairs.get(pair) ?? []), c]);
  }
  return [...pairs.values()].map((list) => {
    const { kept, left } = list[0];
    const shown = list.slice(0, 10).map((c) => c.citekey).join(', ');
    const more = list.length > 10 ? ` and ${list.length - 10} more` : '';
    const what = list.length === 1 ? `citekey ${shown} is` : `${list.length} citekeys are`;
    const listed = list.length === 1 ? '' : ` (${shown}${more})`;
    return `${what} in both ${kept} and ${left}${listed}: synced from ${kept}; ${list.length === 1 ? 'the entry' : 'the entries'} in ${left} ${list.length === 1 ? 'was' : 'were'} left out. Give ${list.length === 1 ? 'it' : 'them'} another citation key in Better BibTeX to sync both.`;
  });
}

/** An export read for this sync, by its place in the list. */
export interface ReadExport {
  index: number;
  key: string;
  name: string;
  library: IndexedExport;
}

/** The exports read, merged into the one source the planner takes. */
export interface MergedExports {
  source: PaperSource;
  /** The export key each planned citekey is synced from. */
  exportOf: (citekey: string) => string | undefined;
  /** Citekeys that are in some export but not planned from it, or whose notes must stay as they are: never flagged. */
  present: string[];
  collisions: Collision[];
}

/**
 * Merge the exports that were read. `held`: the keys of the exports that were not read (unreadable, or left
 * unchanged): the notes recorded as theirs are neither planned nor flagged, and neither are notes without a recorded
 * export while any export is held (they may be its).
 */
export function mergeExports(read: readonly ReadExport[], state: SyncState | null, held: ReadonlySet<string>): MergedExports {
  const notes: Record<string, NoteSyncState> = state?.notes ?? {};
  const byKey = new Map(read.map((r) => [r.key, r]));
  const owner = new Map<string, ReadExport | null>(); // null: the note's export was not read; leave it be
  const collisions: Collision[] = [];
  const present = new Set<string>();
  for (const r of read) {
    for (const { citekey } of r.library.entries) {
      present.add(citekey);
      if (owner.has(citekey)) continue;
      const known = Object.prototype.hasOwnProperty.call(notes, citekey) ? notes[citekey] : undefined;
      const recorded = known?.export;
      const mine = recorded === undefined ? undefined : byKey.get(recorded);
      // A note whose export is not read this time, or not known (a state from before) while one is not read: as it is.
      if (recorded !== undefined ? held.has(recorded) : known !== undefined && held.size > 0) owner.set(citekey, null);
      else if (mine?.library.entry(citekey)) owner.set(citekey, mine);
      else owner.set(citekey, r);
    }
  }
  const reported = new Set<string>();
  for (const r of read) {
    for (const e of r.library.entries) {
      const o = owner.get(e.citekey);
      const id = `${r.index}\n${e.citekey}`;
      if (!o || o === r || reported.has(id)) continue;
      reported.add(id);
      collisions.push({ citekey: e.citekey, kept: o.name, left: r.name });
    }
    for (const error of r.library.errors) if (error.citekey !== null) present.add(error.citekey);
  }
  for (const [citekey, note] of Object.entries(notes)) {
    if (note.export === undefined ? held.size > 0 : held.has(note.export)) present.add(citekey);
  }
  const entries: PaperKey[] = [];
  for (const r of read) for (const e of r.library.entries) if (owner.get(e.citekey) === r) entries.push(e);
  const papers = async (citekeys: readonly string[]): Promise<Paper[]> => {
    const wanted = new Map<ReadExport, string[]>();
    for (const k of citekeys) {
      const o = owner.get(k);
      if (o) wanted.set(o, [...(wanted.get(o) ?? []), k]);
    }
    const found = new Map<string, Paper>();
    for (const [o, keys] of wanted) for (const p of await o.library.papers(keys)) found.set(p.citekey, p);
    return citekeys.flatMap((k) => found.get(k) ?? []);
  };
  const planned = new Set(entries.map((e) => e.citekey));
  return {
    source: { entries, papers },
    exportOf: (citekey) => owner.get(citekey)?.key,
    present: [...present].filter((k) => !planned.has(k)),
    collisions,
  };
}

/**
 * What the state says of each export at the plugin's start-up (its fingerprint and papers at its last sync), in the
 * order of `names`; null for an export it does not know (those are read).
 */
export function knownExports(head: SyncStateHead | null, names: readonly string[]): (Pick<ExportRecord, 'exportHash' | 'paperCount'> | null)[] {
  if (head?.exports) return exportRecords(head, exportKeys(names));
  return names.map(() => (names.length === 1 ? (head?.lastExport ?? null) : null));
}
