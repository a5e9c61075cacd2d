/** `import CITEKEY --export FILE --vault DIR [--json]`: create or update the literature note of one paper. */
import { loadSyncEngine } from '../../core/sync';
import { EXIT_FATAL, type CliCommand } from '../cli-command';
import { exitCodeOf, printReport, reportJson } from '../sync-report-output';
import { openSyncRequest, reportFatal, SYNC_REQUEST_OPTIONS } from '../sync-request';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Create or update the literature note of one paper',
  usage: 'node dist/cli.js import CITEKEY --export FILE --vault DIR [--json] [--lock-wait SECONDS] [--notes-folder DIR] [--language en|zh]',
  options: { ...SYNC_REQUEST_OPTIONS },
  async run(args, io) {
    const citekey = args.positionals[0];
    if (citekey === undefined || citekey === '') return usage(io);
    try {
      const request = await openSyncRequest(args, io);
      const { importPaper } = await loadSyncEngine();
      const imported = await importPaper(request, citekey);
      const { outcome } = imported;
      if (imported.notInExport) {
        io.err(`error: citekey "${citekey}" is ${imported.message} (${request.exportPath})\n`);
        return EXIT_FATAL;
      }
      if (args.values.json === true) io.out(JSON.stringify(reportJson(outcome, false), null, 2) + '\n');
      else printReport(outcome, io, `Imported ${citekey} from ${request.exportPath}`, false);
      return exitCodeOf(outcome.report);
    } catch (err) {
      return reportFatal(err, io);
    }
  },
};

function usage(io: Parameters<CliCommand['run']>[1]): number {
  io.err(`error: missing CITEKEY\nusage: ${importCommand.usage}\n`);
  return EXIT_FATAL;
}
