/**
 * The Web `Worker` global over Node's worker_threads, for driving main.js in the bench as Obsidian runs it: a worker
 * made from a Blob URL (`URL.createObjectURL(new Blob([code]))`), `postMessage` with a transfer list, `onmessage`,
 * `onerror`, `terminate`. Only what a plugin's inline worker uses.
 */
import { resolveObjectURL } from 'node:buffer';
import { Worker as NodeWorker } from 'node:worker_threads';

/** Makes `self`, `postMessage` and `onmessage` inside the thread behave as in a dedicated Web Worker. */
const PRELUDE = `
const { parentPort } = require('node:worker_threads');
globalThis.self = globalThis;
globalThis.postMessage = (data, transfer) => parentPort.postMessage(data, transfer);
parentPort.on('message', (data) => { if (typeof globalThis.onmessage === 'function') globalThis.onmessage({ data }); });
`;

class WebWorkerShim {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  private worker: NodeWorker | null = null;
  private readonly queued: [unknown, Transferable[] | undefined][] = [];
  private terminated = false;

  constructor(url: string | URL) {
    const blob = resolveObjectURL(String(url));
    if (!blob) throw new Error(`Worker shim: no Blob behind ${String(url)}`);
    void blob.text().then((code) => {
      if (this.terminated) return;
      const worker = new NodeWorker(PRELUDE + code, { eval: true });
      worker.on('message', (data: unknown) => this.onmessage?.({ data }));
      worker.on('error', (err: Error) => this.onerror?.({ message: err.message }));
      this.worker = worker;
      for (const [data, transfer] of this.queued.splice(0)) this.send(data, transfer);
    });
  }

  postMessage(data: unknown, transfer?: Transferable[]): void {
    if (this.worker) this.send(data, transfer);
    else this.queued.push([data, transfer]);
  }

  terminate(): void {
    this.terminated = true;
    void this.worker?.terminate();
  }

  private send(data: unknown, transfer?: Transferable[]): void {
    this.worker!.postMessage(data, transfer as never);
  }
}

/** Install the shim as the global `Worker`. */
export function installWebWorker(): void {
  (globalThis as unknown as { Worker: unknown }).Worker = WebWorkerShim;
}
