/**
 * The library reader, loaded on first use. The dynamic import keeps the reader (and citation-js, tens of
 * milliseconds to evaluate) out of `onload`: esbuild bundles it in main.js but only evaluates it when called.
 */
import type { LibraryReadResult } from '../core/library/paper';

export type ReadLibrary = (text: string) => LibraryReadResult;

let loading: Promise<ReadLibrary> | null = null;

/** The reader's `readLibrary`, importing its module the first time. */
export function loadLibraryReader(): Promise<ReadLibrary> {
  loading ??= import('../core/library/read-library').then(
    (m) => m.readLibrary,
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
