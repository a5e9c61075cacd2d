/**
 * The sync state's text written and read a note at a time, awaiting a pause after each: the same text and state as
 * serializeSyncState and strictParseSyncState (sync-state-text.ts), without a long task for 10,000 notes.
 */
import type { Pause } from '../scheduling/time-slicer';
import { emptySyncState, type SyncState } from './sync-state';
import { noteLine, parseSyncStateHead, readNote, storedText, strictParseSyncState } from './sync-state-text';

/**
 * serializeSyncState awaiting `pause` after every note: the same text, without a long task for 10,000 notes (the
 * lines are joined a few hundred at a time too).
 */
export async function serializeSyncStateSliced(state: SyncState, pause: Pause): Promise<string> {
  const keys = Object.keys(state.notes).sort();
  const blocks: string[] = [];
  let lines: string[] = [];
  for (const k of keys) {
    lines.push(noteLine(k, state.notes[k]));
    if (lines.length === 500) {
      blocks.push(lines.join(',\n'));
      lines = [];
    }
    await pause();
  }
  if (lines.length > 0) blocks.push(lines.join(',\n'));
  return storedText(state, blocks);
}

/**
 * strictParseSyncState, a note line at a time, awaiting `pause` after each: the same state (null when the text is
 * damaged), without a long task for 10,000 notes. Text not in serializeSyncState's layout is parsed whole.
 */
export async function strictParseSyncStateSliced(text: string, pause: Pause): Promise<SyncState | null> {
  const lines = text.split('\n');
  const head = parseSyncStateHead(text);
  const end = lines.length - 3; // the notes end with "  }", "}" and the final newline
  if (!head || lines[1] !== '  "notes": {' || lines[end] !== '  }' || lines[end + 1] !== '}' || lines[end + 2] !== '') return strictParseSyncState(text);
  const state: SyncState = { ...emptySyncState(), ...head };
  for (let i = 2; i < end; i++) {
    const line = i < end - 1 ? lines[i].replace(/,$/, '') : lines[i];
    let entry: unknown;
    try {
      entry = JSON.parse(`{${line}}`);
    } catch {
      return strictParseSyncState(text); // not one note per line after all
    }
    // JSON.parse defines "__proto__" as an own key, so Object.entries sees it like any citekey.
    for (const [citekey, raw] of Object.entries(entry as Record<string, unknown>)) {
      const note = readNote(raw);
      if (note) state.notes[citekey] = note;
    }
    await pause();
  }
  return state;
}

/** parseSyncState with pauses (see strictParseSyncStateSliced): damaged text gives an empty state. */
export async function parseSyncStateSliced(text: string | null, pause: Pause): Promise<SyncState | null> {
  if (text === null) return null;
  return (await strictParseSyncStateSliced(text, pause)) ?? emptySyncState();
}
