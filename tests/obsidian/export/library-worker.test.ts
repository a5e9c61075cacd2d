/**
 * The library worker and its client. Jest has no Web Worker, so a fake one serves requests as the real worker does
 * (src/worker/serve-library.ts) in this process, passing every message through structuredClone with its transfer
 * list, as a worker boundary does (a transferred buffer is detached on the sender's side).
 */
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { unpackEntries, type LibraryWorkerRequest, type LibraryWorkerResponse } from '../../../src/core/library';
import { LocalLibraryParser } from '../../../src/core/library/export-reader';
import { createLibraryParser, WorkerLibraryParser } from '../../../src/obsidian/export/library-worker';
import { serveLibraryRequests, type WorkerScope } from '../../../src/worker/serve-library';

const LIBRARY = readFileSync(nodePath.resolve(__dirname, '../../../example/library.bib'), 'utf8');
const JSON_LIBRARY = readFileSync(nodePath.resolve(__dirname, '../../../example/library.json'));
const bytes = () => new TextEncoder().encode(LIBRARY);
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A dedicated worker serving requests as the real one does, in this process. */
class FakeWorker {
  static made: FakeWorker[] = [];
  static failOnStart = false;
  onmessage: ((event: { data: LibraryWorkerResponse }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  terminated = false;
  readonly received: string[] = [];
  private readonly scope: WorkerScope;

  constructor(readonly url: string) {
    if (FakeWorker.failOnStart) throw new Error('blob: workers are not allowed here');
    FakeWorker.made.push(this);
    this.scope = {
      onmessage: null,
      postMessage: (message, transfer) => {
        const data = structuredClone(message, { transfer });
        void tick().then(() => !this.terminated && this.onmessage?.({ data }));
      },
    };
    serveLibraryRequests(this.scope);
  }

  postMessage(message: LibraryWorkerRequest, transfer: Transferable[]): void {
    const data = structuredClone(message, { transfer });
    this.received.push(data.op);
    void tick().then(() => this.scope.onmessage?.({ data }));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker's script failed. */
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined });
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  FakeWorker.failOnStart = false;
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => delete (globalThis as { Worker?: unknown }).Worker);

describe('WorkerLibraryParser', () => {
  it('parses in the worker: the bytes go over without a copy, the entries come back as the reader makes them', async () => {
    const parser = new WorkerLibraryParser('/* worker code */');
    const sent = bytes();
    const parsed = await parser.parse(sent);
    expect(sent.byteLength).toBe(0); // transferred: detached here
    const inThread = new LocalLibraryParser();
    const local = await inThread.parse(bytes());
    expect({ ...parsed, packedEntries: null }).toEqual({ ...local, packedEntries: null });
    expect(await unpackEntries(parsed.packedEntries)).toEqual(await unpackEntries(local.packedEntries));
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0].url).toMatch(/^blob:/);

    const papers = await parser.papers(parsed.fingerprint, ['brownLanguageModelsAre2020']);
    expect(papers).toEqual(await inThread.papers(local.fingerprint, ['brownLanguageModelsAre2020']));
    expect(papers?.[0]).toMatchObject({ citekey: 'brownLanguageModelsAre2020', title: 'Language Models Are Few-Shot Learners' });
    expect(await parser.papers('another export', ['brownLanguageModelsAre2020'])).toBeNull();
    expect(FakeWorker.made[0].received).toEqual(['parse', 'papers', 'papers']);
  });

  it('hands out whole papers with everything the model has: annotations, notes, attachment links, collections', async () => {
    const parser = new WorkerLibraryParser('code');
    const parsed = await parser.parse(new Uint8Array(JSON_LIBRARY));
    const wei = 'weiChainofthoughtPromptingElicits2022';
    const [paper] = (await parser.papers(parsed.fingerprint, [wei]))!;
    const inThread = new LocalLibraryParser();
    const local = await inThread.parse(new Uint8Array(JSON_LIBRARY));
    expect(paper).toEqual((await inThread.papers(local.fingerprint, [wei]))![0]);
    expect(paper.annotations.length).toBeGreaterThan(0);
    expect(paper.annotations.find((a) => a.key === 'R4KD8WNE')).toMatchObject({ type: 'highlight', text: 'chain-of-thought reasoning is an emergent ability of model scale' });
    expect(Object.values(paper.attachmentLinks)).toEqual(['zotero://open-pdf/library/items/QGFT63BU']);
    expect(paper.collections.length).toBeGreaterThan(0);
    // The compact entry keeps the item-key link "Open in Zotero" needs on a phone.
    expect((await unpackEntries(parsed.packedEntries)).find((e) => e.citekey === wei)?.zoteroUri).toMatch(/^zotero:\/\/select\/library\/items\/[A-Z0-9]{8}$/);
  });

  it('decodes an export that is not UTF-8 in the worker, naming the file in the warning', async () => {
    // "Müller" in Windows-1252 (ü is the single byte 0xFC), as an export saved in another character set holds it.
    const latin1 = () => Uint8Array.from([...'@article{mueller2020,\n  title = {M'].map((c) => c.charCodeAt(0)).concat([0xfc], [...'ller}\n}\n'].map((c) => c.charCodeAt(0))));
    const parsed = await new WorkerLibraryParser('code').parse(latin1(), undefined, 'Zotero/library.bib');
    expect(parsed.warnings).toEqual([expect.stringMatching(/^Zotero\/library\.bib is not valid UTF-8; it was read as Windows-1252/)]);
    const parser = new WorkerLibraryParser('code');
    const again = await parser.parse(latin1(), undefined, 'Zotero/library.bib');
    expect((await parser.papers(again.fingerprint, ['mueller2020']))?.[0].title).toBe('Müller');
  });

  it('ends the worker when released, failing what still waits with the reason given; the next call starts a new one', async () => {
    const parser = new WorkerLibraryParser('code');
    const waiting = parser.parse(bytes());
    const cancelled = Object.assign(new Error('The plugin was unloaded; the run stopped.'), { name: 'PluginUnloadedError' });
    parser.release(cancelled);
    await expect(waiting).rejects.toBe(cancelled);
    expect(FakeWorker.made[0].terminated).toBe(true);
    expect((await parser.parse(bytes())).count).toBe(15);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('reads in this thread when the worker fails, or cannot be made at all', async () => {
    const parser = new WorkerLibraryParser('code');
    const waiting = parser.parse(bytes());
    FakeWorker.made[0].fail('SyntaxError in the bundle');
    await expect(waiting).rejects.toThrow('The library worker failed: SyntaxError in the bundle');
    expect((await parser.parse(bytes())).count).toBe(15);
    expect(FakeWorker.made).toHaveLength(1);

    FakeWorker.failOnStart = true;
    const refused = new WorkerLibraryParser('code');
    expect((await refused.parse(bytes())).count).toBe(15);
  });

  it('is not used without the worker bundle (as under jest): the reader runs in this thread', async () => {
    const parser = createLibraryParser();
    expect(parser).not.toBeInstanceOf(WorkerLibraryParser);
    expect((await parser.parse(bytes())).count).toBe(15);
    expect(FakeWorker.made).toHaveLength(0);
  });
});
