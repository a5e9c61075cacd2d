/**
 * Where the sync state lives, over the smallest storage port: the plugin keeps it in its own folder (through the
 * adapter), the CLI in the vault's `.obsidian/plugins/zotero-concept-notes/`, in the same format, so both share it.
 * A sync reads the file once (the head for the unchanged-export check and the whole state come from the same text)
 * and serialises the state once (compared with the text read, written only when it differs).
 */
import { emptySyncState, parseSyncState, parseSyncStateHead, serializeSyncState, type SyncState, type SyncStateHead } from './sync-state';

/** The storage of the state's text: null when there is none yet. */
export interface SyncStateFile {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

/** The state as read in one go: the head parsed from the first line, the whole state parsed when first asked. */
export class StoredSyncState {
  private parsedHead: SyncStateHead | null | undefined;
  private parsedState: SyncState | null | undefined;

  constructor(readonly text: string | null) {}

  /** The head alone (a few hundred bytes of a state that may weigh several MB); null when there is none. */
  head(): SyncStateHead | null {
    if (this.parsedHead === undefined) this.parsedHead = parseSyncStateHead(this.text);
    return this.parsedHead;
  }

  /** The whole state; null when there is none (damaged text gives an empty state). */
  state(): SyncState | null {
    if (this.parsedState === undefined) this.parsedState = parseSyncState(this.text);
    return this.parsedState;
  }
}

const EMPTY_STATE_TEXT = serializeSyncState(emptySyncState());

export class SyncStateStore {
  /** The text the file holds as far as this store knows: the last read or written (undefined: not read yet). */
  private known: string | null | undefined;

  constructor(private readonly file: SyncStateFile) {}

  /** Read the stored state once. */
  async read(): Promise<StoredSyncState> {
    this.known = await this.file.read();
    return new StoredSyncState(this.known);
  }

  async load(): Promise<SyncState | null> {
    return (await this.read()).state();
  }

  async loadHead(): Promise<SyncStateHead | null> {
    return (await this.read()).head();
  }

  /**
   * Store `state`, serialised once; nothing is written when the file holds that very text already (as this store
   * last read or wrote it; no file at all counts as the empty state). Returns whether it wrote.
   */
  async save(state: SyncState): Promise<boolean> {
    const text = serializeSyncState(state);
    if (text === (this.known === null ? EMPTY_STATE_TEXT : this.known)) return false;
    await this.file.write(text);
    this.known = text;
    return true;
  }
}
