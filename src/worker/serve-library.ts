/**
 * What the library worker does: answer parse and papers requests with the core's reader, in the worker's own
 * thread. Takes the worker's global scope, so tests can hand it a stand-in.
 */
import { loadLocalLibraryParser, type LibraryWorkerRequest, type LibraryWorkerResponse } from '../core/library';

/** The slice of a dedicated worker's global scope used here. */
export interface WorkerScope {
  onmessage: ((event: { data: LibraryWorkerRequest }) => void) | null;
  postMessage(message: LibraryWorkerResponse, transfer?: Transferable[]): void;
}

export function serveLibraryRequests(scope: WorkerScope): void {
  const parser = loadLocalLibraryParser();
  const answer = async (request: LibraryWorkerRequest): Promise<void> => {
    const { id } = request;
    try {
      const local = await parser;
      if (request.op === 'parse') {
        const parsed = await local.parse(request.bytes, request.fingerprint, request.name);
        scope.postMessage({ id, ok: true, parsed }, [parsed.packedEntries.buffer]);
      } else {
        const papers = await local.papers(request.fingerprint, request.citekeys);
        scope.postMessage({ id, ok: true, papersJson: papers === null ? null : JSON.stringify(papers) });
      }
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      scope.postMessage({ id, ok: false, name: e.name, message: e.message });
    }
  };
  scope.onmessage = (event) => void answer(event.data);
}
