/**
 * The sync state as stored: JSON with the head (version, render key, last export) on the first line and one note
 * per line, each note an array of strings (several times faster to parse than nested objects, and a 10,000-paper
 * state is read on every sync). Reading accepts anything and keeps what is valid (see sync-state.ts); the sliced
 * variants (sync-state-sliced.ts) give the same results while pausing between notes. Apart from the state's shape, which the planner, the
 * merge and the store use without caring how it is written.
 */
import { emptySyncState, SYNC_STATE_VERSION, type ExportRecord, type LastExport, type NoteSyncState, type SyncState, type SyncStateHead } from './sync-state';
import type { WrittenHashes } from './types';

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Hashes stored compactly as `name=hash name=hash` (names are key names and region ids: no spaces or `=`). */
function encodeHashes(map: Record<string, string>): string {
  return Object.keys(map)
    .map((k) => `${k}=${map[k]}`)
    .join(' ');
}

function decodeHashes(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof v !== 'string' || v === '') return out;
  for (const pair of v.split(' ')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * Written hashes read from storage, decoded on first use: a sync only looks at the few notes it merges, and
 * decoding all of a 10,000-paper state up front would cost more than the rest of a no-change sync.
 */
class StoredHashes implements WrittenHashes {
  private decodedKeys: Record<string, string> | null = null;
  private decodedRegions: Record<string, string> | null = null;

  constructor(
    readonly rawKeys: string,
    readonly rawRegions: string,
  ) {}

  get keys(): Record<string, string> {
    this.decodedKeys ??= decodeHashes(this.rawKeys);
    return this.decodedKeys;
  }

  get regions(): Record<string, string> {
    this.decodedRegions ??= decodeHashes(this.rawRegions);
    return this.decodedRegions;
  }
}

/**
 * Written hashes given in their stored form (see encodeHashes): a sync that creates 10,000 notes records them
 * without building, and then encoding, two maps per note.
 */
export function encodedHashes(keys: string, regions: string): WrittenHashes {
  return new StoredHashes(keys, regions);
}

/**
 * A note as stored: `[path, paperHash, importedAt, keyHashes, regionHashes, removed, conflict, textHash, fileStat,
 * export]`. An array of strings parses several times faster than nested objects, and a 10,000-paper state is read
 * on every sync. States written before the last items existed simply lack them (and the export is left out when
 * there is none, so such a note is stored as before).
 */
type StoredNote = [string, string, string, string, string, string, 0 | 1, string, string] | [string, string, string, string, string, string, 0 | 1, string, string, string];

function storeNote(n: NoteSyncState): StoredNote {
  const w = n.written;
  const keys = w instanceof StoredHashes ? w.rawKeys : encodeHashes(w.keys);
  const regions = w instanceof StoredHashes ? w.rawRegions : encodeHashes(w.regions);
  const stored: StoredNote = [n.path, n.paperHash, n.importedAt, keys, regions, n.removed ?? '', n.conflict ? 1 : 0, n.textHash ?? '', n.fileStat ?? ''];
  return n.export === undefined || n.export === '' ? stored : [...stored, n.export];
}

export function readNote(v: unknown): NoteSyncState | null {
  if (!Array.isArray(v) || typeof v[0] !== 'string' || v[0] === '' || typeof v[1] !== 'string') return null;
  const note: NoteSyncState = {
    path: v[0],
    paperHash: v[1],
    importedAt: typeof v[2] === 'string' ? v[2] : '',
    written: new StoredHashes(typeof v[3] === 'string' ? v[3] : '', typeof v[4] === 'string' ? v[4] : ''),
  };
  if (typeof v[5] === 'string' && v[5] !== '') note.removed = v[5];
  if (v[6] === 1) note.conflict = true;
  if (typeof v[7] === 'string' && v[7] !== '') note.textHash = v[7];
  if (typeof v[8] === 'string' && v[8] !== '') note.fileStat = v[8];
  if (typeof v[9] === 'string' && v[9] !== '') note.export = v[9];
  return note;
}

function readLastExport(last: unknown): LastExport | null {
  if (!isRecord(last) || typeof last.exportHash !== 'string' || typeof last.paperCount !== 'number' || last.paperCount < 0) return null;
  return {
    exportHash: last.exportHash,
    paperCount: last.paperCount,
    syncedAt: typeof last.syncedAt === 'string' ? last.syncedAt : '',
    clean: last.clean === true,
    notesListing: typeof last.notesListing === 'string' ? last.notesListing : '',
    ...(typeof last.device === 'string' && last.device !== '' ? { device: last.device } : {}),
    ...(typeof last.scope === 'string' && last.scope !== '' ? { scope: last.scope } : {}),
    ...(typeof last.scopePapers === 'number' && last.scopePapers >= 0 ? { scopePapers: last.scopePapers } : {}),
  };
}

function readExportRecords(v: unknown): ExportRecord[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const records: ExportRecord[] = [];
  for (const item of v) {
    const last = readLastExport(item);
    if (!last || !isRecord(item) || typeof item.key !== 'string' || item.key === '' || records.some((r) => r.key === item.key)) continue;
    const device = last.device === undefined ? {} : { device: last.device };
    records.push({ key: item.key, exportHash: last.exportHash, paperCount: last.paperCount, syncedAt: last.syncedAt, clean: last.clean, ...device });
  }
  return records;
}

/** The head's fields read from parsed data (`exports` only when stored: one export's state has none). */
function readHead(data: Record<string, unknown>): SyncStateHead {
  const head: SyncStateHead = { version: SYNC_STATE_VERSION, renderKey: typeof data.renderKey === 'string' ? data.renderKey : '', lastExport: readLastExport(data.lastExport) };
  const records = readExportRecords(data.exports);
  if (records) head.exports = records;
  return head;
}

/**
 * The head of stored state text, read from its first line only (the serializer writes the head there), so the
 * notes are not parsed. Null when there is no usable head.
 */
export function parseSyncStateHead(text: string | null): SyncStateHead | null {
  if (text === null) return null;
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).trimEnd();
  try {
    const data: unknown = JSON.parse(firstLine.endsWith(',') ? `${firstLine.slice(0, -1)}}` : firstLine);
    if (!isRecord(data) || data.version !== SYNC_STATE_VERSION) return null;
    return readHead(data);
  } catch {
    return null;
  }
}

/**
 * Turn whatever was stored (parsed JSON, or null) into a valid state. Unknown or newer versions, and malformed
 * parts, are dropped rather than trusted.
 */
export function normalizeSyncState(data: unknown): SyncState {
  const state = emptySyncState();
  if (!isRecord(data) || data.version !== SYNC_STATE_VERSION) return state;
  Object.assign(state, readHead(data));
  if (isRecord(data.notes)) {
    // JSON.parse defines "__proto__" as an own key, so Object.entries sees it like any citekey.
    for (const [citekey, raw] of Object.entries(data.notes)) {
      const note = readNote(raw);
      if (note) state.notes[citekey] = note;
    }
  }
  return state;
}

/** Parse stored JSON text; damaged text gives an empty state. */
export function parseSyncState(text: string | null): SyncState | null {
  if (text === null) return null;
  return strictParseSyncState(text) ?? emptySyncState();
}

/** Parse stored JSON text; null when it is damaged (cut, or not a JSON object). */
export function strictParseSyncState(text: string): SyncState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return isRecord(data) ? normalizeSyncState(data) : null;
}

/** The line of one note in the stored text. */
export function noteLine(key: string, note: NoteSyncState): string {
  return `    ${JSON.stringify(key)}: ${JSON.stringify(storeNote(note))}`;
}

/** The stored text from its note lines: the head on the first line, one note per line. */
export function storedText(state: SyncState, notes: readonly string[]): string {
  const records = state.exports ? { exports: state.exports } : {};
  const head = JSON.stringify({ version: state.version, renderKey: state.renderKey, lastExport: state.lastExport, ...records });
  return `${head.slice(0, -1)},\n  "notes": {\n${notes.join(',\n')}${notes.length ? '\n' : ''}  }\n}\n`;
}

/** Stable JSON text of a state (one note per line keeps diffs and partial reads readable). */
export function serializeSyncState(state: SyncState): string {
  return storedText(state, Object.keys(state.notes).sort().map((k) => noteLine(k, state.notes[k])));
}
