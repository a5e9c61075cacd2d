/**
 * The export's file on "disk", read in a thread of its own as real I/O is: `read` hands back a fresh copy of the
 * bytes in a transferred buffer, so reading costs the main thread what it costs in Obsidian (receiving the buffer),
 * not the copy. Versions are stored ahead of time, outside the measured phases (BBT's work, not the plugin's).
 */
import { Worker } from 'node:worker_threads';

const DISK_THREAD = `
const { parentPort } = require('node:worker_threads');
const files = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'put') return void files.set(m.key, m.bytes);
  const copy = files.get(m.key).slice();
  parentPort.postMessage({ id: m.id, bytes: copy }, [copy.buffer]);
});
`;

export class Disk {
  private readonly thread = new Worker(DISK_THREAD, { eval: true });
  private readonly keys = new Map<string, number>();
  private readonly waiting = new Map<number, (bytes: Uint8Array) => void>();
  private next = 0;

  constructor() {
    this.thread.on('message', (m: { id: number; bytes: Uint8Array }) => {
      this.waiting.get(m.id)?.(m.bytes);
      this.waiting.delete(m.id);
    });
    this.thread.unref();
  }

  /** Store a version of the file (its text is the key). */
  put(text: string): void {
    if (this.keys.has(text)) return;
    const key = this.keys.size;
    this.keys.set(text, key);
    this.thread.postMessage({ op: 'put', key, bytes: new TextEncoder().encode(text) });
  }

  has(text: string): boolean {
    return this.keys.has(text);
  }

  /** A fresh copy of the bytes of that version, read in the disk's thread. */
  read(text: string): Promise<Uint8Array> {
    const key = this.keys.get(text);
    if (key === undefined) return Promise.reject(new Error('bench: export version not stored'));
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.thread.postMessage({ op: 'read', key, id });
    });
  }
}
