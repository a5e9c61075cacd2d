/**
 * What `sync` and `import` share: the vault and its settings, the export text, the note template, the language,
 * the state file, and turning a sync's refusal (half-written export, bad template) into one line and exit code 2.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { loadConceptIndex, noteLinker } from '../core/concepts';
import { expandHome, isAbsoluteExportPath } from '../core/export-path';
import { DateFormatError } from '../core/notes/front-matter';
import { resolveNoteLanguage, type NoteLanguage } from '../core/notes/i18n';
import { loadNoteTemplate } from '../core/notes/load-template';
import { TemplateError } from '../core/notes/template';
import type { Settings } from '../core/settings';
import { SyncAbortedError } from '../core/sync/export-safety';
import { runSync, type RunSyncInput, type SyncOutcome } from '../core/sync/run-sync';
import type { NoteLinker } from '../core/sync/sync-plan';
import type { VaultPort } from '../core/vault/vault-port';
import { VaultSyncStateStore } from '../core/sync/vault-state-store';
import { NodeVault } from '../node/node-vault';
import { CliUsageError, EXIT_FATAL, stringOption, type CliIO, type ParsedArgs } from './cli-command';
import { loadVaultSettings, PLUGIN_FOLDER, VAULT_SETTINGS_OPTIONS } from './load-vault-settings';

/** The sync state file the CLI keeps, vault-relative (beside the plugin's data.json, shared with the plugin). */
export const CLI_SYNC_STATE_PATH = `${PLUGIN_FOLDER}/sync-state.json`;

export const SYNC_SESSION_OPTIONS = {
  ...VAULT_SETTINGS_OPTIONS,
  export: { type: 'string' },
  json: { type: 'boolean' },
  language: { type: 'string' },
} as const;

export interface SyncSession {
  vault: NodeVault;
  settings: Settings;
  exportPath: string;
  exportContent: Uint8Array;
  language: NoteLanguage;
  run(extra: Partial<RunSyncInput>): Promise<SyncOutcome>;
}

/** A failure that ends the command with exit code 2 and one line on stderr. */
export class FatalSyncError extends Error {}

/** The export's bytes: the sync decodes them only when the export changed since the last sync. */
async function readExportBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    throw new FatalSyncError(`cannot read ${file}: ${why}`);
  }
}

/**
 * `--export`, else the settings' export path as the plugin reads it: a path on the computer ("~/" is the home
 * folder), or a path inside the vault.
 */
function exportPathOf(args: ParsedArgs, settings: Settings, vaultDir: string, home: string): string {
  const given = stringOption(args, 'export');
  if (given !== undefined) return path.resolve(expandHome(given, home));
  const setting = settings.exportPath.trim();
  if (setting === '') throw new CliUsageError('missing --export (and the plugin settings name no export file)');
  if (isAbsoluteExportPath(setting)) return path.resolve(expandHome(setting, home));
  return path.join(vaultDir, ...setting.split('/'));
}

function languageOf(args: ParsedArgs, settings: Settings): NoteLanguage {
  const given = stringOption(args, 'language');
  if (given === undefined) return resolveNoteLanguage(settings.headingsLanguage);
  if (given !== 'en' && given !== 'zh') throw new CliUsageError(`--language must be "en" or "zh", not "${given}"`);
  return given;
}

/** New notes get concept links at creation when the vault has concept notes (none: no linker). */
async function conceptLinker(vault: VaultPort, settings: Settings): Promise<NoteLinker | undefined> {
  const { index } = await loadConceptIndex(vault, settings);
  return noteLinker(index, { linkInHeadings: settings.linkInHeadings });
}

/** Open the vault, its settings and the export. Throws CliUsageError or FatalSyncError. */
export async function openSyncSession(args: ParsedArgs, io: CliIO): Promise<SyncSession> {
  const { vaultDir, settings } = await loadVaultSettings(args);
  const exportPath = exportPathOf(args, settings, vaultDir, io.home?.() ?? homedir());
  const exportContent = await readExportBytes(exportPath);
  const vault = new NodeVault(vaultDir);
  const language = languageOf(args, settings);
  const store = new VaultSyncStateStore(vault, CLI_SYNC_STATE_PATH);
  return {
    vault,
    settings,
    exportPath,
    exportContent,
    language,
    async run(extra) {
      const template = await loadNoteTemplate(vault, settings);
      const linker = await conceptLinker(vault, settings);
      return runSync({ exportText: exportContent, exportName: exportPath, vault, store, settings, now: io.now(), language, template, linker, ...extra });
    },
  };
}

/** Print a sync's refusal as one line and give the exit code; rethrow anything else. */
export function reportFatal(err: unknown, io: CliIO): number {
  if (err instanceof SyncAbortedError || err instanceof TemplateError || err instanceof DateFormatError || err instanceof FatalSyncError) {
    io.err(`error: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return EXIT_FATAL;
  }
  throw err;
}
