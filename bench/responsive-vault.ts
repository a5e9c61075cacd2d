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
 * A mock app holding the image and the export, with the plugin's settings. The export is read from "disk": every
 * read returns a fresh copy, as Obsidian's does (the mock would otherwise hand out the one string it keeps).
 */
export async function openVault(image: VaultImage, text: string, settings: Record<string, unknown>): Promise<obsidianMock.App> {
  const app = await obsidianMock.createMockApp({ ...image.files, [EXPORT_PATH]: text });
  app.pluginData.data.set('zotero-concept-notes', JSON.stringify({ exportPath: EXPORT_PATH, ...settings }));
  const vault = app.vault as obsidianMock.Vault & { readBinary?: (file: obsidianMock.TFile) => Promise<ArrayBuffer> };
  const read = vault.read.bind(vault);
  vault.read = async (file) => {
    const data = await read(file);
    return file.path === EXPORT_PATH ? Buffer.from(data, 'utf8').toString('utf8') : data;
  };
  if (vault.readBinary) {
    const readBinary = vault.readBinary.bind(vault);
    vault.readBinary = async (file) => (await readBinary(file)).slice(0);
  }
  return app;
}
