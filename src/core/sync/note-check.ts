/**
 * Whether a note is still what the sync last left in it, so that a paper whose data did not change can be skipped
 * without rendering. The state alone is not trusted: another run, a second device or a restored backup may have
 * changed the note since. The file's size and modification time are compared first (free in Obsidian, one `stat`
 * on disk); only when they differ is the note read and its text's hash compared.
 */
import { hashString } from '../text/fingerprint';
import type { FileStat, VaultPort } from '../vault/vault-port';
import { fileStatKey, type NoteSyncState } from './sync-state';

/**
 * The note's record when the note is unchanged since it was recorded (with its stat refreshed when only that
 * moved, e.g. a file sync touched it); null when it changed, is gone, or nothing was recorded to compare with.
 */
export async function unchangedNoteRecord(vault: VaultPort, known: NoteSyncState): Promise<NoteSyncState | null> {
  if (!known.textHash) return null;
  const stat = vault.stat ? await vault.stat(known.path) : undefined;
  if (stat === null) return null;
  const statKey = fileStatKey(stat);
  if (statKey !== '' && statKey === known.fileStat) return known;
  const text = await vault.read(known.path);
  if (text === null || hashString(text) !== known.textHash) return null;
  return statKey === (known.fileStat ?? '') ? known : { ...known, fileStat: statKey };
}

/** The note's record with the text now in the file and the file's stat (taken before that text was read). */
export function withNoteText(note: NoteSyncState, text: string, stat: FileStat | null | undefined): NoteSyncState {
  const record: NoteSyncState = { ...note, textHash: hashString(text) };
  const statKey = fileStatKey(stat);
  if (statKey !== '') record.fileStat = statKey;
  else delete record.fileStat;
  return record;
}

/** The file's stat, when the backend can tell (undefined when it cannot). */
export async function statOf(vault: VaultPort, path: string): Promise<FileStat | null | undefined> {
  return vault.stat ? vault.stat(path) : undefined;
}
