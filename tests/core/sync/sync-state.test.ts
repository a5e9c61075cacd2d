import { exportFingerprint, exportText } from '../../../src/core/sync/export-bytes';
import { hashBytes, hashString } from '../../../src/core/text/fingerprint';
import { emptySyncState, listingFingerprint, normalizeSyncState, parseSyncState, parseSyncStateHead, serializeSyncState, type SyncState } from '../../../src/core/sync/sync-state';

function sample(): SyncState {
  return {
    version: 1,
    renderKey: 'r1',
    lastExport: { exportHash: 'e1', paperCount: 2, syncedAt: '2025-10-01T00:00:00.000Z', clean: true, notesListing: 'l1' },
    notes: {
      b: { path: 'Literature/b.md', paperHash: 'p2', importedAt: '2025-10-01T00:00:00.000Z', written: { keys: { title: 'h1', tags: 'h2' }, regions: { summary: 'h3' } }, removed: '2025-10-02', conflict: true },
      a: { path: 'Literature/a.md', paperHash: 'p1', importedAt: '2025-10-01T00:00:00.000Z', written: { keys: {}, regions: {} } },
    },
  };
}

describe('sync state', () => {
  it('round-trips through its stored text, sorted by citekey', () => {
    const text = serializeSyncState(sample());
    const back = parseSyncState(text)!;
    expect(Object.keys(back.notes)).toEqual(['a', 'b']);
    expect(back.notes.b).toMatchObject({ path: 'Literature/b.md', paperHash: 'p2', removed: '2025-10-02', conflict: true });
    expect(back.notes.b.written.keys).toEqual({ title: 'h1', tags: 'h2' });
    expect(back.notes.b.written.regions).toEqual({ summary: 'h3' });
    expect(back.notes.a.removed).toBeUndefined();
    expect(back.lastExport).toEqual(sample().lastExport);
    expect(serializeSyncState(back)).toBe(text);
    expect(JSON.parse(text)).toMatchObject({ version: 1, renderKey: 'r1' });
  });

  it('reads the head from the first line only', () => {
    const text = serializeSyncState(sample());
    expect(parseSyncStateHead(text)).toEqual({ version: 1, renderKey: 'r1', lastExport: sample().lastExport });
    // The notes part may be damaged: the head is still read (the full load then starts over).
    expect(parseSyncStateHead(text.slice(0, text.indexOf('\n') + 5))).toEqual({ version: 1, renderKey: 'r1', lastExport: sample().lastExport });
    expect(parseSyncStateHead('{"version":2}')).toBeNull();
    expect(parseSyncStateHead('not json')).toBeNull();
    expect(parseSyncStateHead(null)).toBeNull();
  });

  it('is tolerant: damaged text, other versions and bad entries give an empty or partial state', () => {
    expect(parseSyncState(null)).toBeNull();
    expect(parseSyncState('{ truncated')).toEqual(emptySyncState());
    expect(normalizeSyncState({ version: 99, notes: { a: ['x.md', 'p'] } })).toEqual(emptySyncState());
    const partial = normalizeSyncState({
      version: 1,
      renderKey: 7,
      lastExport: { exportHash: 'e', paperCount: -1 },
      notes: { ok: ['a.md', 'p', 'when', 'title=h1 tags=h2', 'summary=h3', '', 0], noPath: ['', 'p'], notArray: { path: 'x.md' }, noHash: ['b.md'] },
    });
    expect(partial.renderKey).toBe('');
    expect(partial.lastExport).toBeNull();
    expect(Object.keys(partial.notes)).toEqual(['ok']);
    expect(partial.notes.ok.written.keys).toEqual({ title: 'h1', tags: 'h2' });
  });

  it('fingerprints listings by their exact paths', () => {
    expect(listingFingerprint(['a.md', 'b.md'])).toBe(listingFingerprint(['a.md', 'b.md']));
    expect(listingFingerprint(['a.md', 'b.md'])).not.toBe(listingFingerprint(['a.md', 'c.md']));
    expect(listingFingerprint(['a.md', 'b.md'])).not.toBe(listingFingerprint(['a.md']));
  });
});

describe('export fingerprint', () => {
  const text = '\uFEFF@article{中文2024,\n  title = {多模态 – Ünïcode 😀},\n}\n';
  const bytes = new TextEncoder().encode(text);

  it('is the same for the text and for its UTF-8 bytes, wherever the bytes start', () => {
    expect(exportFingerprint(text)).toBe(exportFingerprint(bytes));
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(hashBytes(padded.subarray(3))).toBe(hashBytes(bytes));
    expect(exportFingerprint(text)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with any byte, and decodes bytes to the same text', () => {
    const other = bytes.slice();
    other[other.length - 2] ^= 1;
    expect(hashBytes(other)).not.toBe(hashBytes(bytes));
    expect(hashBytes(bytes.subarray(0, bytes.length - 1))).not.toBe(hashBytes(bytes));
    expect(exportText(bytes).text).toBe(text.slice(1));
    expect(exportText(text).text).toBe(text);
  });

  it('hashes strings of odd and even length, sensitive to every character', () => {
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashString('ab')).not.toBe(hashString('abc'));
    expect(hashString('')).not.toBe(hashString('\u0000'));
  });
});
