/**
 * The vault of the responsiveness bench: a 10,000-paper Better BibLaTeX export, the glossary's concept notes and,
 * when `synced`, the 10,000 literature notes and the sync state a first sync left (made by the core, the way the
 * CLI makes them). Building it takes a while, so the synced image is cached in `.bench/`, keyed by the bench bundle
 * (any change to the core rebuilds it).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createGlossaryNotes } from '../src/core/concepts/glossary';
import { defaultSettings } from '../src/core/settings/settings';
import { syncLibrary } from '../src/core/sync/sync-library';
import { VaultSyncStateStore } from '../src/core/sync/vault-state-store';
import { InMemoryVault } from '../src/core/vault/memory-vault';
import * as obsidianMock from '../tests/__mocks__/obsidian';
import { generateBiblatex } from './generate-library';
import { Disk } from './stand-in/disk';

export const PAPERS = 10_000;
export const EXPORT_PATH = 'Zotero/library.bib';
export const STATE_PATH = '.obsidian/plugins/zotero-concept-notes/sync-state.json';

export interface VaultImage {
  /** Vault path → text (config files included). */
  files: Record<string, string>;
}

/** The export, with the title of paper `changed` (an index) revised when given. */
export function exportText(changed?: number): string {
  const text = generateBiblatex(PAPERS);
  if (changed === undefined) return text;
  let seen = 0;
  return text.replace(/\n(\s*)title = \{/g, (m: string, indent: string) => (seen++ === changed ? `\n${indent}title = {Revised: ` : m));
}

/** The citation key of entry `index` of the export. */
export function citekeyAt(text: string, index: number): string {
  const re = /^@\w+\{([^,]+),/gm;
  for (let i = 0, m = re.exec(text); m; i++, m = re.exec(text)) if (i === index) return m[1];
  throw new Error(`no entry ${index}`);
}

async function build(synced: boolean): Promise<VaultImage> {
  const vault = new InMemoryVault();
  const settings = defaultSettings();
  await createGlossaryNotes(vault, settings, { language: 'en' });
  if (synced) {
    const now = new Date(Date.UTC(2025, 9, 1, 9, 30));
    await syncLibrary({ vault, store: new VaultSyncStateStore(vault, STATE_PATH), settings, language: 'en', now, exportContent: exportText() });
  }
  return { files: vault.snapshot() };
}

/** The image, from the cache when the bench bundle has not changed since it was made. */
export async function vaultImage(synced: boolean): Promise<VaultImage> {
  const key = createHash('sha1').update(readFileSync(__filename)).digest('hex').slice(0, 12);
  const file = `.bench/vault-${synced ? 'synced' : 'concepts'}-${key}.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as VaultImage;
  const image = await build(synced);
  mkdirSync('.bench', { recursive: true });
  writeFileSync(file, JSON.stringify(image));
  return image;
}

/**
 * The export's versions on "disk" (bench/stand-in/disk.ts), stored before they are written (BBT's work, not the
 * plugin's): every read returns a fresh copy, read in another thread as real I/O is (the mock would otherwise hand
 * out the one string it keeps, at no cost).
 */
const disk = new Disk();

/** Store a version of the export before the scenario writes it. */
export function prepareExport(text: string): void {
  disk.put(text);
}

/** A mock app holding the image and the export, with the plugin's settings. */
export async function openVault(image: VaultImage, text: string, settings: Record<string, unknown>): Promise<obsidianMock.App> {
  prepareExport(text);
  const app = await obsidianMock.createMockApp({ ...image.files, [EXPORT_PATH]: text });
  app.pluginData.data.set('zotero-concept-notes', JSON.stringify({ exportPath: EXPORT_PATH, ...settings }));
  const vault = app.vault;
  const bytesOf = (file: obsidianMock.TFile) => disk.read(vault.contentOf(file.path) ?? '');
  const read = vault.read.bind(vault);
  vault.read = (file) => (file.path === EXPORT_PATH ? bytesOf(file).then((bytes) => new TextDecoder().decode(bytes)) : read(file));
  const readBinary = vault.readBinary.bind(vault);
  vault.readBinary = (file) => (file.path === EXPORT_PATH ? bytesOf(file).then((bytes) => bytes.buffer as ArrayBuffer) : readBinary(file));
  // The plugin's own files are read from disk too: the answer comes in a task of its own (the mock answers at once).
  const adapterRead = app.vault.adapter.read.bind(app.vault.adapter);
  app.vault.adapter.read = (path) => new Promise<void>((resolve) => setImmediate(resolve)).then(() => adapterRead(path));
  // Obsidian resolves a link's shortest form through its name index; the mock scans every file, which a
  // 10,000-note vault turns into seconds that Obsidian never spends.
  const names = new Map<string, number>();
  for (const file of vault.getFiles()) names.set(file.basename, (names.get(file.basename) ?? 0) + 1);
  app.fileManager.generateMarkdownLink = (file, _source, subpath = '', alias = '') =>
    `[[${(names.get(file.basename) ?? 0) > 1 ? file.path.replace(/\.md$/, '') : file.basename}${subpath}${alias ? `|${alias}` : ''}]]`;
  return app;
}
