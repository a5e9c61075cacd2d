/**
 * `sync --export FILE [--export FILE…] --vault DIR [--collection NAME]… [--dry-run] [--json]`: create and update the
 * literature notes of every paper of one export or several (a personal and a group library), of the collections to
 * sync (see collection-options.ts).
 */
import * as path from 'node:path';
import { COLLECTION_OPTIONS, collectionsOf } from '../collection-options';
import { CliUsageError, stringOption, type CliCommand, type ParsedArgs } from '../cli-command';
import { exitCodeOf, printReport, reportJson } from '../sync-report-output';
import { loadSyncEngine, scopeText, type SyncOutcome } from '../../core/sync';
import { openSyncRequest, reportFatal, SYNC_REQUEST_OPTIONS } from '../sync-request';

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Create and update a literature note for every paper of the export',
  usage:
    'node dist/cli.js sync --export FILE [--export FILE…] --vault DIR [--collection NAME]... [--whole-library] [--dry-run] [--force] [--json] [--min-export-ratio R] [--lock-wait SECONDS] [--notes-folder DIR] [--concepts-folder DIR] [--language en|zh]',
  options: {
    ...SYNC_REQUEST_OPTIONS,
    ...COLLECTION_OPTIONS,
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    'min-export-ratio': { type: 'string' },
  },
  async run(args, io) {
    const dryRun = args.values['dry-run'] === true;
    try {
      const ratio = minExportRatio(args);
      const request = await openSyncRequest(args, io);
      if (ratio !== undefined) request.settings.minExportRatio = ratio;
      request.settings.syncCollections = collectionsOf(args, request.settings.syncCollections);
      const { syncLibrary } = await loadSyncEngine();
      const { outcome } = await syncLibrary({ ...request, dryRun, force: args.values.force === true });
      if (args.values.json === true) io.out(JSON.stringify(reportJson(outcome, dryRun), null, 2) + '\n');
      else {
        const what = papersSynced(outcome, request.exportPaths.length);
        const where = `from ${request.exportPaths.join(', ')} into ${path.join(request.vault.root, request.settings.notesFolder)}`;
        printReport(outcome, io, `${dryRun ? 'Dry run: would sync' : 'Synced'} ${what} ${where}`, dryRun);
      }
      return exitCodeOf(outcome.report);
    } catch (err) {
      return reportFatal(err, io);
    }
  },
};

/**
 * "242 papers (bbt-json)", "58 of 242 papers, in "Methodology" (bbt-json)" for a sync limited to collections, or
 * "376 papers (2 exports)".
 */
function papersSynced(outcome: SyncOutcome, exports: number): string {
  const n = outcome.library?.paperCount;
  if (n === undefined) return exports > 1 ? 'the exports' : 'the export';
  const formats = exports > 1 ? `${exports} exports` : outcome.library?.format;
  return `${outcome.scope ? scopeText(outcome.scope) : `${n} paper${n === 1 ? '' : 's'}`} (${formats})`;
}

/**
 * `--min-export-ratio R`: the settings tab's "Stop when the export shrinks", as a share (0.5) or a percentage
 * (50%); 0 turns the check off.
 */
function minExportRatio(args: ParsedArgs): number | undefined {
  const given = stringOption(args, 'min-export-ratio');
  if (given === undefined) return undefined;
  const percent = given.trim().endsWith('%');
  const value = Number(percent ? given.trim().slice(0, -1) : given) / (percent ? 100 : 1);
  if (given.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new CliUsageError(`--min-export-ratio must be a share from 0 to 1 (or 0% to 100%), not "${given}"`);
  }
  return value;
}
