/**
 * Small pieces of the plan shared by planning and applying: hashes and state records of notes, the merge options
 * of a paper's note, and which parts of a note the user asked to take Zotero's version of.
 */
import { findFrontMatter } from '../text/front-matter-text';
import { findRegions } from '../text/managed-region';
import type { FreshNote, MergeOptions, WrittenHashes } from './merge-note';
import { REMOVED_FLAG_KEY, SYNC_CREATE_ONLY_KEYS, SYNC_MANAGED_KEYS } from './note-renderer';
import type { NoteSyncState } from './sync-state';

/** The hash of a paper's data: same hash, same note (with the same renderer); the library computes it. */
export { paperHash } from '../library/paper';

/** A note's state; `conflict` only when set, so the stored JSON stays small. */
export function noteState(path: string, paperHash: string, importedAt: string, written: WrittenHashes, conflict: boolean): NoteSyncState {
  const note: NoteSyncState = { path, paperHash, importedAt, written };
  if (conflict) note.conflict = true;
  return note;
}

export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function mergeOptions(recorded: WrittenHashes | null, clearRemoved: boolean, take?: MergeOptions['take']): MergeOptions {
  return {
    recorded,
    managedKeys: SYNC_MANAGED_KEYS,
    createOnlyKeys: SYNC_CREATE_ONLY_KEYS,
    removedFlag: clearRemoved ? { key: REMOVED_FLAG_KEY, value: null } : undefined,
    take,
  };
}

/** The managed regions of a whole note's text (LF), as the merge takes them. */
export function regionsOf(text: string): FreshNote['regions'] {
  const span = findFrontMatter(text);
  return findRegions(text, span ? span.bodyStart : 0).regions.map(({ id, content }) => ({ id, content }));
}

/** "Take Zotero's version" of some parts of one paper's note: every managed part, or the named keys and regions. */
export interface TakeZoteroVersion {
  citekey: string;
  parts: 'all' | readonly string[];
  /** The note to change, when the user pointed at one (another note naming the citekey is left alone). */
  path?: string;
}

/**
 * The merge's `take` for a paper's rendered note, or why a named part is not one the plugin writes. The keys set
 * only when a note is created (`date`, `categories`) are the user's afterwards, so they are not parts to take.
 */
export function partsToTake(take: TakeZoteroVersion, fresh: FreshNote): { take: MergeOptions['take'] } | { error: string } {
  if (take.parts === 'all') return { take: 'all' };
  const known = [...SYNC_MANAGED_KEYS.filter((k) => !SYNC_CREATE_ONLY_KEYS.has(k)), ...fresh.regions.map((r) => r.id)];
  const unknown = take.parts.filter((p) => !known.includes(p));
  if (unknown.length > 0) return { error: `${unknown.map((p) => `"${p}"`).join(', ')}: not a part the plugin writes (its parts: ${known.join(', ')})` };
  return { take: new Set(take.parts) };
}
