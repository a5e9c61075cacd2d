/**
 * The settings a CLI command uses for a vault: the plugin's own `data.json` when the plugin is installed there
 * (so the CLI and the plugin agree on folders and templates), else the defaults; `--notes-folder` and
 * `--concepts-folder` override. Shared by the commands that take `--vault DIR`.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { hiddenFolderProblem, normalizeSettings, type Settings } from '../core/settings';
import { normalizeVaultPath } from '../core/vault';
import { CliUsageError, stringOption, type ParsedArgs } from './cli-command';
import { errorMessage } from '../core/text';

/** The plugin folder inside a vault, as the CLI assumes it (Obsidian's default config folder). */
export const PLUGIN_FOLDER = '.obsidian/plugins/zotero-concept-notes';
/** The plugin's settings file, vault-relative. */
export const PLUGIN_DATA_PATH = `${PLUGIN_FOLDER}/data.json`;

export interface VaultSettings {
  /** Absolute path of the vault folder. */
  vaultDir: string;
  settings: Settings;
  /** Absolute path of the data.json the settings came from, or null (defaults). */
  source: string | null;
}

/** The options every vault command accepts besides `--vault`. */
export const VAULT_SETTINGS_OPTIONS = {
  vault: { type: 'string' },
  'notes-folder': { type: 'string' },
  'concepts-folder': { type: 'string' },
} as const;

function folderOption(args: ParsedArgs, name: string): string | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  try {
    const folder = normalizeVaultPath(value);
    if (folder === '') throw new CliUsageError(`--${name} must name a folder inside the vault`);
    return folder;
  } catch (e) {
    if (e instanceof CliUsageError) throw e;
    throw new CliUsageError(`--${name}: ${errorMessage(e)}`);
  }
}

/**
 * Read `--vault DIR` and its settings. Throws CliUsageError (exit 2) for a missing `--vault`, a vault folder that
 * does not exist, a data.json that is not valid JSON (syncing with the wrong folders would duplicate notes), or a
 * notes or concepts folder Obsidian hides (`.obsidian/…`, any name starting with a dot).
 */
export async function loadVaultSettings(args: ParsedArgs): Promise<VaultSettings> {
  const vaultDir = path.resolve(stringOption(args, 'vault', true));
  const info = await stat(vaultDir).catch(() => null);
  if (!info?.isDirectory()) throw new CliUsageError(`vault folder not found: ${vaultDir}`);
  const dataPath = path.join(vaultDir, ...PLUGIN_DATA_PATH.split('/'));
  let raw: unknown = null;
  let source: string | null = null;
  const text = await readFile(dataPath, 'utf8').catch(() => null);
  if (text !== null) {
    try {
      raw = JSON.parse(text) as unknown;
      source = dataPath;
    } catch (e) {
      throw new CliUsageError(`the plugin settings are not valid JSON (${dataPath}): ${errorMessage(e)}`);
    }
  }
  const settings = normalizeSettings(raw);
  const notesFolder = folderOption(args, 'notes-folder');
  const conceptsFolder = folderOption(args, 'concepts-folder');
  if (notesFolder !== undefined) settings.notesFolder = notesFolder;
  if (conceptsFolder !== undefined) settings.conceptsFolder = conceptsFolder;
  for (const folder of [settings.notesFolder, settings.conceptsFolder]) {
    const hidden = hiddenFolderProblem(folder, PLUGIN_FOLDER.slice(0, PLUGIN_FOLDER.indexOf('/')));
    if (hidden !== null) throw new CliUsageError(hidden);
  }
  return { vaultDir, settings, source };
}

/**
 * Set some keys of the vault's plugin settings (data.json), keeping every other key as it is; the file is created
 * when the plugin has none yet. Written to a temporary file and renamed, so the plugin never reads half a file.
 */
export async function saveVaultSettingsKeys(vaultDir: string, keys: Record<string, unknown>): Promise<void> {
  const dataPath = path.join(vaultDir, ...PLUGIN_DATA_PATH.split('/'));
  const text = await readFile(dataPath, 'utf8').catch(() => null);
  const current: unknown = text === null ? {} : JSON.parse(text);
  const base = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  await mkdir(path.dirname(dataPath), { recursive: true });
  const temp = `${dataPath}.zcn-tmp`;
  await writeFile(temp, JSON.stringify({ ...base, ...keys }, null, 2));
  await rename(temp, dataPath);
}
