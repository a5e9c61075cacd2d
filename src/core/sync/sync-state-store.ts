/**
 * Where the sync state lives, over the smallest storage port: the plugin keeps it in its own folder (through the
 * adapter), the CLI in the vault's `.obsidian/plugins/zotero-concept-notes/`, in the same format, so both share it.
 * A sync reads the file once (the head for the unchanged-export check and the whole state come from the same text)
 * and serialises the state once (compared with the text read, written only when it differs).
 */
import type { Pause } from '../scheduling/time-slicer';
import { emptySyncState, parseSyncState, parseSyncStateHead, parseSyncStateSliced, serializeSyncState, serializeSyncStateSliced, type SyncState, type SyncStateHead } from './sync-state';

/** The storage of the state's text: null when there is none yet. */
export interface SyncStateFile {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

/** The state as read in one go: the head parsed from the first line, the whole state parsed when first asked. */
export class StoredSyncState {
  private parsedHead: SyncStateHead | null | undefined;
  private parsedState: SyncState | null | undefined;

  constructor(
    readonly text: string | null,
    private readonly pause?: Pause,
  ) {}

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

  /** The whole state, parsed a note at a time with pauses when the store has them (see SyncStateStore). */
  async loadState(): Promise<SyncState | null> {
    if (this.parsedState === undefined) this.parsedState = this.pause ? await parseSyncStateSliced(this.text, this.pause) : parseSyncState(this.text);
    return this.parsedState;
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
    return new StoredSyncState(this.known, this.pause);
  }

  async load(): Promise<SyncState | null> {
    return (await this.read()).loadState();
  }

  async loadHead(): Promise<SyncStateHead | null> {
    return (await this.read()).head();
  }

  /**
   * Store `state`, serialised once; nothing is written when the file holds that very text already (as this store
   * last read or wrote it; no file at all counts as the empty state). Returns whether it wrote.
   */
  async save(state: SyncState): Promise<boolean> {
    const text = this.pause ? await serializeSyncStateSliced(state, this.pause) : serializeSyncState(state);
    if (text === (this.known === null ? EMPTY_STATE_TEXT : this.known)) return false;
    await this.file.write(text);
    this.known = text;
    return true;
  }
}
