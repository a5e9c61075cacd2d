/**
 * The library worker: the core's export reader in a thread of its own, so parsing a 10,000-paper export never blocks
 * Obsidian. esbuild bundles this file into a string inside main.js (see esbuild.config.mjs), which the plugin runs
 * from a Blob URL (src/obsidian/export/library-worker.ts). It answers two requests: parse an export's bytes (the
 * compact entries come back in a transferred buffer) and hand out whole papers of a parse it keeps.
 */
import { loadLocalLibraryParser, type LibraryWorkerRequest, type LibraryWorkerResponse } from '../core/library';

/** The slice of a dedicated worker's global scope used here. */
interface WorkerScope {
  onmessage: ((event: { data: LibraryWorkerRequest }) => void) | null;
  postMessage(message: LibraryWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const parser = loadLocalLibraryParser();

async function answer(request: LibraryWorkerRequest): Promise<void> {
  const { id } = request;
  try {
    const local = await parser;
    if (request.op === 'parse') {
      const parsed = await local.parse(request.bytes, request.fingerprint);
      scope.postMessage({ id, ok: true, parsed }, [parsed.packedEntries.buffer]);
    } else {
      const papers = await local.papers(request.fingerprint, request.citekeys);
      scope.postMessage({ id, ok: true, papersJson: papers === null ? null : JSON.stringify(papers) });
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    scope.postMessage({ id, ok: false, name: e.name, message: e.message });
  }
}

scope.onmessage = (event) => void answer(event.data);
