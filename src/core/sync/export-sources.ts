/**
 * The plugin's libraries (see LibraryShelf) as the exports a sync takes: as loaded (an automatic sync, an import),
 * or read now for a sync asked for by hand, each parsed only if the sync needs it. An export that could not be read
 * goes along with its error, for the sync to report with its file name (or to stop on, when it is the only one).
 */
import type { LibraryShelf, ShelfLibrary } from '../library';
import type { SyncExportSource } from './several-exports';

export interface ExportSources {
  /** The fingerprint of them all (one export: its own), for logs and tests. */
  exportHash: string;
  exports: SyncExportSource[];
}

/** The exports of a library loaded already. */
export function loadedExportSources(library: ShelfLibrary): ExportSources {
  const exports = library.parts.map(({ name, library: loaded, error }): SyncExportSource =>
    loaded ? { name, hash: loaded.fingerprint, read: () => Promise.resolve(loaded) } : { name, hash: '', read: () => Promise.reject(error) },
  );
  return { exportHash: library.fingerprint, exports };
}

/**
 * Each export read now and fingerprinted (an export the last sync read is then skipped without parsing); parsed
 * when the sync asks, then `onRead(name)`. Throws `none` when no export is set, and the first error when none can
 * be read.
 */
export async function exportSourcesReadNow(shelf: LibraryShelf, none: () => Error, onRead: (name: string) => void): Promise<ExportSources> {
  const snapshots = await shelf.snapshots();
  if (snapshots.length === 0) throw none();
  const failed = snapshots.flatMap((s) => (s.error ? [s.error] : []));
  if (failed.length === snapshots.length) throw failed[0];
  const exports = snapshots.map(({ name, snapshot, error }): SyncExportSource => {
    if (!snapshot) return { name, hash: '', read: () => Promise.reject(error) };
    const read = async () => {
      const cache = shelf.cache(name);
      if (!cache) throw new Error(`${name} is no longer among the exports of the settings.`);
      const loaded = await cache.reload(snapshot);
      onRead(name);
      return loaded;
    };
    return { name, hash: snapshot.fingerprint, read };
  });
  return { exportHash: exports.length === 1 ? (exports[0].hash ?? '') : exports.map((e) => e.hash).join(':'), exports };
}
