/**
 * What `sync` and `import` share: the vault and its settings, the exports' bytes (one `--export` or several, else
 * the plugin settings' list), the language and the state file, gathered into the core's LibrarySyncRequest; and
 * turning a refused sync (half-written export, bad template) into one line and exit code 2.
 */
import { homedir } from 'node:os';
import * as path from 'node:path';
import { expandHome, isAbsoluteExportPath } from '../core/export';
import { resolveNoteLanguage, type NoteLanguage } from '../core/notes';
import type { Settings } from '../core/settings';
import { isSyncRefusal, loadSyncEngine, SYNC_LOCK_FILE, SYNC_STATE_BACKUP_FILE, SYNC_STATE_FILE, type LibrarySyncRequest, type SyncExportSource, type SyncLock } from '../core/sync';
import { cliLockOptions } from '../node/lock-file';
import { NodeVault } from '../node/node-vault';
import { CliUsageError, EXIT_FATAL, listOption, stringOption, type CliIO, type ParsedArgs } from './cli-command';
import { loadVaultSettings, PLUGIN_FOLDER, VAULT_SETTINGS_OPTIONS } from './load-vault-settings';
import { ExportFileError, readExportBytes } from './read-export-file';

/** The sync state file the CLI keeps, vault-relative (beside the plugin's data.json, shared with the plugin). */
export const CLI_SYNC_STATE_PATH = `${PLUGIN_FOLDER}/${SYNC_STATE_FILE}`;
/** Its previous good copy, read when the state is damaged. */
export const CLI_SYNC_STATE_BACKUP_PATH = `${PLUGIN_FOLDER}/${SYNC_STATE_BACKUP_FILE}`;

/** The lock held for the duration of a run, in the plugin's folder (shared with the plugin). */
export const CLI_LOCK_PATH = `${PLUGIN_FOLDER}/${SYNC_LOCK_FILE}`;
/** How long a run waits for another one to finish before refusing, by default. */
const DEFAULT_LOCK_WAIT_SECONDS = 10;

export const SYNC_REQUEST_OPTIONS = {
  ...VAULT_SETTINGS_OPTIONS,
  export: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  language: { type: 'string' },
  'lock-wait': { type: 'string' },
} as const;

/** The core's request, plus where things are for the messages. */
export interface CliSyncRequest extends LibrarySyncRequest {
  vault: NodeVault;
  /** The exports' absolute paths, in order. */
  exportPaths: string[];
}

/**
 * Each `--export` (repeated for several libraries), else the settings' export paths as the plugin reads them: a
 * path on the computer ("~/" is the home folder), or a path inside the vault.
 */
function exportPathsOf(args: ParsedArgs, settings: Settings, vaultDir: string, home: string): string[] {
  const given = listOption(args, 'export').filter((p) => p.trim() !== '');
  if (given.length > 0) return [...new Set(given.map((p) => path.resolve(expandHome(p, home))))];
  if (settings.exportPaths.length === 0) throw new CliUsageError('missing --export (and the plugin settings name no export file)');
  return settings.exportPaths.map((setting) => (isAbsoluteExportPath(setting) ? path.resolve(expandHome(setting, home)) : path.join(vaultDir, ...setting.split('/'))));
}

/**
 * The exports as the sync takes them. One that cannot be read is fatal when it is the only one; among several it
 * is that export's failure (reported, its notes left alone), and the others still sync.
 */
async function exportSources(paths: readonly string[]): Promise<SyncExportSource[]> {
  if (paths.length === 1) return [{ name: paths[0], content: await readExportBytes(paths[0]) }];
  const sources: SyncExportSource[] = [];
  for (const name of paths) {
    try {
      sources.push({ name, content: await readExportBytes(name) });
    } catch (err) {
      if (!(err instanceof ExportFileError)) throw err;
      sources.push({ name, hash: '', read: () => Promise.reject(err) });
    }
  }
  return sources;
}

function languageOf(args: ParsedArgs, settings: Settings): NoteLanguage {
  const given = stringOption(args, 'language');
  if (given === undefined) return resolveNoteLanguage(settings.headingsLanguage);
  if (given !== 'en' && given !== 'zh') throw new CliUsageError(`--language must be "en" or "zh", not "${given}"`);
  return given;
}

/** `--lock-wait SECONDS`: how long to wait for another run holding the lock (default 10). */
export function lockWaitMs(args: ParsedArgs): number {
  const given = stringOption(args, 'lock-wait');
  if (given === undefined) return DEFAULT_LOCK_WAIT_SECONDS * 1000;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) throw new CliUsageError(`--lock-wait must be a number of seconds from 0 to 3600, not "${given}"`);
  return Math.round(seconds * 1000);
}

/**
 * The vault's sync lock, as the CLI holds it: every command that writes notes (sync, import, concepts, citations)
 * holds it for its run, so two of them, or one and the plugin, never write the same notes at once.
 */
export async function cliVaultLock(vault: NodeVault, args: ParsedArgs): Promise<SyncLock> {
  const { SyncLock } = await loadSyncEngine();
  return new SyncLock(cliLockOptions(vault.absolutePath(CLI_LOCK_PATH), lockWaitMs(args)));
}

/** Open the vault, its settings and the export. Throws CliUsageError or ExportFileError. */
export async function openSyncRequest(args: ParsedArgs, io: CliIO): Promise<CliSyncRequest> {
  const { vaultDir, settings } = await loadVaultSettings(args);
  const exportPaths = exportPathsOf(args, settings, vaultDir, io.home?.() ?? homedir());
  const sources = await exportSources(exportPaths);
  const vault = new NodeVault(vaultDir);
  const { VaultSyncStateStore } = await loadSyncEngine();
  return {
    vault,
    store: new VaultSyncStateStore(vault, CLI_SYNC_STATE_PATH, CLI_SYNC_STATE_BACKUP_PATH),
    lock: await cliVaultLock(vault, args),
    removeLeftovers: () => vault.removeStrayTempFiles([PLUGIN_FOLDER]),
    settings,
    language: languageOf(args, settings),
    now: io.now(),
    exports: sources,
    exportPaths,
  };
}

/** Print a sync's refusal as one line and give the exit code; rethrow anything else. */
export function reportFatal(err: unknown, io: CliIO): number {
  if (isSyncRefusal(err) || err instanceof ExportFileError) {
    io.err(`error: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return EXIT_FATAL;
  }
  throw err;
}
