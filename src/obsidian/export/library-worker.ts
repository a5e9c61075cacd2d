/**
 * Where the plugin parses exports: in a Web Worker made from the worker bundle esbuild puts into main.js, so a
 * 10,000-paper export never blocks Obsidian. Works on desktop and mobile. Where no worker can be made (no bundle, as
 * under jest; a platform refusing blob: workers) or the worker fails, the same reader runs in this thread. The
 * worker is a thin wrapper: the parser itself is the core's (export-reader.ts).
 *
 * Why a worker rather than time slices, measured on an 18 MB, 10,000-entry export (2 shared cores): reading it takes
 * 1.1–2 s, and parts of that cannot be cut into short tasks: `JSON.parse` of the CSL JSON 118–175 ms, the CSL YAML
 * parse 12 s, scanning the .bib 100–123 ms. What crosses the thread boundary was measured too: structured-cloning
 * the export's text cost 277–547 ms and 10,000 papers 344–493 ms, so the bytes go over transferred (no copy) and the
 * compact entries come back packed in one transferred buffer.
 */
import { loadLocalLibraryParser, type LibraryParser, type LibraryWorkerRequest, type LibraryWorkerResponse, type Paper, type ParsedExport } from '../../core/library';
import { libraryWorkerSource } from './library-worker-source';

type Answer = Extract<LibraryWorkerResponse, { ok: true }>;

/** The reader in this thread, imported on first use. */
class InThreadParser implements LibraryParser {
  private readonly parser = loadLocalLibraryParser();

  async parse(bytes: Uint8Array, fingerprint?: string, name?: string): Promise<ParsedExport> {
    return (await this.parser).parse(bytes, fingerprint, name);
  }

  async papers(fingerprint: string, citekeys: readonly string[]): Promise<Paper[] | null> {
    return (await this.parser).papers(fingerprint, citekeys);
  }

  release(): void {
    void this.parser.then((p) => p.release());
  }
}

/** A parser in a Web Worker, started on first use and ended by `release`; in this thread once a worker failed. */
export class WorkerLibraryParser implements LibraryParser {
  private worker: Worker | null = null;
  private url: string | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (answer: Answer) => void; reject: (err: Error) => void }>();
  private fallback: InThreadParser | null = null;

  constructor(private readonly source: string) {}

  async parse(bytes: Uint8Array, fingerprint?: string, name?: string): Promise<ParsedExport> {
    const worker = this.running();
    if (!worker) return this.fallback!.parse(bytes, fingerprint, name);
    // The bytes are handed over without a copy when they fill their buffer.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const answer = await this.send(worker, { id: 0, op: 'parse', bytes, fingerprint, name }, whole ? [bytes.buffer as ArrayBuffer] : []);
    if (!('parsed' in answer)) throw new Error('The library worker answered out of turn.');
    return answer.parsed;
  }

  async papers(fingerprint: string, citekeys: readonly string[]): Promise<Paper[] | null> {
    const worker = this.running();
    if (!worker) return this.fallback!.papers(fingerprint, citekeys);
    const answer = await this.send(worker, { id: 0, op: 'papers', fingerprint, citekeys }, []);
    if (!('papersJson' in answer)) throw new Error('The library worker answered out of turn.');
    return answer.papersJson === null ? null : (JSON.parse(answer.papersJson) as Paper[]);
  }

  /** Start the worker now: it loads the reader while the export settles. */
  warm(): void {
    this.running();
  }

  /** End the worker (its memory is given back); requests still waiting fail with `reason`. */
  release(reason = new Error('The library reader was stopped.')): void {
    this.stop(reason);
    this.fallback?.release();
  }

  /** The worker, started if need be; null once the reading runs in this thread (`fallback`). */
  private running(): Worker | null {
    if (this.fallback) return null;
    try {
      return this.worker ?? this.start();
    } catch {
      this.fallback = new InThreadParser(); // e.g. a platform that refuses blob: workers
      return null;
    }
  }

  private send(worker: Worker, request: LibraryWorkerRequest, transfer: Transferable[]): Promise<Answer> {
    const id = ++this.nextId;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  private start(): Worker {
    this.url = URL.createObjectURL(new Blob([this.source], { type: 'text/javascript' }));
    const worker = new Worker(this.url);
    worker.onmessage = (event: MessageEvent<LibraryWorkerResponse>) => {
      const answer = event.data;
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (!waiting) return;
      if (answer.ok) waiting.resolve(answer);
      else waiting.reject(Object.assign(new Error(answer.message), { name: answer.name }));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      // The parse that failed cannot be sent again (its bytes went to the worker); later ones run in this thread.
      this.fallback = new InThreadParser();
      this.stop(new Error(`The library worker failed: ${event.message}`));
    };
    this.worker = worker;
    return worker;
  }

  private stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
  }
}

/** A worker where one can be made, else the reader in this thread. */
export function createLibraryParser(): LibraryParser {
  const source = libraryWorkerSource();
  const canWork = source !== '' && typeof Worker !== 'undefined' && typeof URL.createObjectURL === 'function';
  return canWork ? new WorkerLibraryParser(source) : new InThreadParser();
}
