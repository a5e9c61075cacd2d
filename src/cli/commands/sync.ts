/** `sync --export FILE --vault DIR [--dry-run] [--json]`: create and update the literature notes of every paper. */
import * as path from 'node:path';
import type { CliCommand } from '../cli-command';
import { exitCodeOf, printReport, reportJson } from '../sync-report-output';
import { loadSyncEngine } from '../../core/sync';
import { openSyncRequest, reportFatal, SYNC_REQUEST_OPTIONS } from '../sync-request';

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Create and update a literature note for every paper of the export',
  usage: 'node dist/cli.js sync --export FILE --vault DIR [--dry-run] [--force] [--json] [--notes-folder DIR] [--concepts-folder DIR] [--language en|zh]',
  options: {
    ...SYNC_REQUEST_OPTIONS,
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  async run(args, io) {
    const dryRun = args.values['dry-run'] === true;
    try {
      const request = await openSyncRequest(args, io);
      const { syncLibrary } = await loadSyncEngine();
      const { outcome } = await syncLibrary({ ...request, dryRun, force: args.values.force === true });
      if (args.values.json === true) io.out(JSON.stringify(reportJson(outcome, dryRun), null, 2) + '\n');
      else {
        const n = outcome.library?.paperCount;
        const what = n === undefined ? 'the export' : `${n} paper${n === 1 ? '' : 's'} (${outcome.library?.format})`;
        const where = `from ${request.exportPath} into ${path.join(request.vault.root, request.settings.notesFolder)}`;
        printReport(outcome, io, `${dryRun ? 'Dry run: would sync' : 'Synced'} ${what} ${where}`, dryRun);
      }
      return exitCodeOf(outcome.report);
    } catch (err) {
      return reportFatal(err, io);
    }
  },
};
