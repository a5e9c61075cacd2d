import { exportFingerprint, exportText } from '../../../src/core/sync/export-bytes';
import fc from 'fast-check';
import { hashBytes, hashBytesSliced, hashString } from '../../../src/core/text/fingerprint';
import { emptySyncState, listingFingerprint, noteMap, type SyncState } from '../../../src/core/sync/sync-state';
import { normalizeSyncState, parseSyncState, parseSyncStateHead, serializeSyncState } from '../../../src/core/sync/sync-state-text';
import { parseSyncStateSliced, serializeSyncStateSliced } from '../../../src/core/sync/sync-state-sliced';

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

  it('is parsed and written a note at a time with pauses, to exactly what the whole-text functions give', async () => {
    let pauses = 0;
    const pause = () => void pauses++;
    const state = sample();
    state.notes = noteMap(state.notes); // citekeys are data: "__proto__" is a key like any other
    const keys: string[] = ['__proto__', 'constructor', '中文,键'];
    for (const key of keys) state.notes[key] = key === 'constructor' ? state.notes.b : state.notes.a;
    const text = serializeSyncState(state);
    expect(await serializeSyncStateSliced(state, pause)).toBe(text);
    expect(pauses).toBe(5);
    const back = (await parseSyncStateSliced(text, pause))!;
    expect(serializeSyncState(back)).toBe(text);
    expect(Object.keys(back.notes).sort()).toEqual(['__proto__', 'a', 'b', 'constructor', '中文,键']);
    expect(Object.getPrototypeOf(back.notes)).toBeNull();
    expect(pauses).toBe(10);
    expect(await parseSyncStateSliced(serializeSyncState(emptySyncState()), pause)).toEqual(emptySyncState());
    expect(await parseSyncStateSliced(null, pause)).toBeNull();
  });

  it('falls back to the whole-text parse for text in another layout or damaged', async () => {
    const pause = () => undefined;
    const pretty = JSON.stringify(JSON.parse(serializeSyncState(sample())), null, 1); // valid JSON, one line per value
    expect(serializeSyncState((await parseSyncStateSliced(pretty, pause))!)).toBe(serializeSyncState(sample()));
    const text = serializeSyncState(sample());
    expect(await parseSyncStateSliced(text.slice(0, -5), pause)).toEqual(emptySyncState());
    const badLine = text.replace('"a": [', '"a": {');
    expect(await parseSyncStateSliced(badLine, pause)).toEqual(parseSyncState(badLine));
  });

  it('property: the sliced parse of any stored state equals the whole parse', async () => {
    const note = fc.record({ path: fc.string({ minLength: 1 }), paperHash: fc.string(), importedAt: fc.string(), removed: fc.option(fc.string({ minLength: 1 }), { nil: undefined }) });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), note), async (notes) => {
        const state = emptySyncState();
        for (const [k, n] of Object.entries(notes)) state.notes[k] = { ...n, written: { keys: {}, regions: {} }, ...(n.removed === undefined ? { removed: undefined } : {}) };
        for (const n of Object.values(state.notes)) if (n.removed === undefined) delete n.removed;
        const text = serializeSyncState(state);
        expect(serializeSyncState((await parseSyncStateSliced(text, () => undefined))!)).toBe(serializeSyncState(parseSyncState(text)!));
      }),
    );
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

  it('is the same when taken 256 KB at a time with pauses, at any length and offset', async () => {
    const big = new Uint8Array((1 << 18) * 2 + 7).map((_, i) => (i * 31) & 255);
    let pauses = 0;
    const pause = () => void pauses++;
    for (const length of [0, 1, 3, 4, 5, 1 << 18, (1 << 18) + 1, big.length]) expect(await hashBytesSliced(big.subarray(0, length), pause)).toBe(hashBytes(big.subarray(0, length)));
    expect(await hashBytesSliced(big.subarray(1), pause)).toBe(hashBytes(big.subarray(1)));
    pauses = 0;
    await hashBytesSliced(big, pause);
    expect(pauses).toBe(3); // one per 256 KB begun
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
