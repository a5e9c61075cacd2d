/**
 * Where the sync state lives, over the smallest storage port: the plugin keeps it in its own folder (through the
 * adapter), the CLI in the vault's `.obsidian/plugins/zotero-concept-notes/`, in the same format, so both share it.
 * A sync reads the file once (the head for the unchanged-export check and the whole state come from the same text)
 * and serialises the state once (compared with the text read, written only when it differs).
 *
 * A damaged state (cut by a file sync or another program, or not valid JSON) is noticed, never silently taken for
 * "no state": the good copy kept beside the file is used instead when there is one, and the damage is reported (see
 * `StoredSyncState.damage`). That copy is written, complete, before the state itself at every save, so it always
 * holds the last state written: no false conflicts for the notes the last sync wrote.
 */
import type { Pause } from '../scheduling/time-slicer';
import { emptySyncState, type SyncState, type SyncStateHead } from './sync-state';
import { parseSyncStateHead, serializeSyncState, strictParseSyncState } from './sync-state-text';
import { serializeSyncStateSliced, strictParseSyncStateSliced } from './sync-state-sliced';

/** The storage of the state's text: null when there is none yet. */
export interface SyncStateFile {
  read(): Promise<string | null>;
  /** Replace the whole text, atomically where the storage can: a crash leaves the old text or the new one. */
  write(text: string): Promise<void>;
  /** The good copy kept beside the file (null: none yet). Optional, like `writeBackup`. */
  readBackup?(): Promise<string | null>;
  writeBackup?(text: string): Promise<void>;
}

/** What was wrong with the stored state: it did not parse; `usedBackup` when its previous good copy was used. */
export interface StateDamage {
  usedBackup: boolean;
}

/**
 * Whether stored text ends as a whole JSON object does (`}` alone on the last line, as the serializer writes it):
 * a state cut anywhere before its end does not, so its head (first line) is not trusted alone.
 */
function looksWhole(text: string): boolean {
  return text.trimEnd().endsWith('\n}');
}

/** The state as read in one go: the head parsed from the first line, the whole state parsed when first asked. */
export class StoredSyncState {
  private parsedHead: SyncStateHead | null | undefined;
  private parsedState: Promise<SyncState | null> | undefined;
  /** Set once `state()` found the stored text damaged; null while it is fine (or not parsed yet). */
  damage: StateDamage | null = null;

  constructor(
    readonly text: string | null,
    private readonly readBackup: () => Promise<string | null> = () => Promise.resolve(null),
    /** Awaited between notes while the state is parsed (the plugin's time slicer); none: parsed in one go. */
    private readonly pause?: Pause,
  ) {}

  /** The head alone (a few hundred bytes of a state that may weigh several MB); null when there is none. */
  head(): SyncStateHead | null {
    if (this.parsedHead === undefined) this.parsedHead = this.text !== null && looksWhole(this.text) ? parseSyncStateHead(this.text) : null;
    return this.parsedHead;
  }

  /** The whole state; null when there is none. Damaged text gives the backup's state, else an empty one. */
  state(): Promise<SyncState | null> {
    this.parsedState ??= this.parse();
    return this.parsedState;
  }

  private async parse(): Promise<SyncState | null> {
    if (this.text === null) return null;
    const state = await this.strictParse(this.text);
    if (state) return state;
    const backupText = await this.readBackup().catch(() => null);
    const backup = backupText === null ? null : await this.strictParse(backupText);
    this.damage = { usedBackup: backup !== null };
    return backup ?? emptySyncState();
  }

  /** Parsed a note at a time with pauses when the store has them (see SyncStateStore); null when damaged. */
  private strictParse(text: string): Promise<SyncState | null> {
    return this.pause ? strictParseSyncStateSliced(text, this.pause) : Promise.resolve(strictParseSyncState(text));
  }
}

const EMPTY_STATE_TEXT = serializeSyncState(emptySyncState());

export class SyncStateStore {
  /** The text the file holds as far as this store knows: the last read or written (undefined: not read yet). */
  private known: string | null | undefined;

  /** `pause`: awaited between notes when the state is parsed or serialised (the plugin yields to the UI there). */
  constructor(
    private readonly file: SyncStateFile,
    private readonly pause?: Pause,
  ) {}

  /** Read the stored state once. */
  async read(): Promise<StoredSyncState> {
    this.known = await this.file.read();
    return new StoredSyncState(this.known, () => this.file.readBackup?.() ?? Promise.resolve(null), this.pause);
  }

  async load(): Promise<SyncState | null> {
    return (await this.read()).state();
  }

  async loadHead(): Promise<SyncStateHead | null> {
    return (await this.read()).head();
  }

  /**
   * Store `state`, serialised once; nothing is written when the file holds that very text already (as this store
   * last read or wrote it; no file at all counts as the empty state). The good copy is written first: a crash in
   * between leaves it ahead of the state, never behind. Returns whether it wrote.
   */
  async save(state: SyncState): Promise<boolean> {
    const text = this.pause ? await serializeSyncStateSliced(state, this.pause) : serializeSyncState(state);
    if (text === (this.known === null ? EMPTY_STATE_TEXT : this.known)) return false;
    await this.file.writeBackup?.(text);
    await this.file.write(text);
    this.known = text;
    return true;
  }
}
