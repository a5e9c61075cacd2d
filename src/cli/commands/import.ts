/** `import CITEKEY --export FILE --vault DIR [--json]`: create or update the literature note of one paper. */
import { NOT_IN_EXPORT } from '../../core/sync/run-sync';
import { EXIT_FATAL, type CliCommand } from '../cli-command';
import { exitCodeOf, printReport, reportJson } from '../sync-report-output';
import { openSyncSession, reportFatal, SYNC_SESSION_OPTIONS } from '../sync-session';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Create or update the literature note of one paper',
  usage: 'node dist/cli.js import CITEKEY --export FILE --vault DIR [--json] [--notes-folder DIR] [--language en|zh]',
  options: { ...SYNC_SESSION_OPTIONS },
  async run(args, io) {
    const citekey = args.positionals[0];
    if (citekey === undefined || citekey === '') return usage(io);
    try {
      const session = await openSyncSession(args, io);
      const outcome = await session.run({ only: [citekey] });
      const missing = outcome.report.errors.find((e) => e.citekey === citekey && e.message.startsWith(NOT_IN_EXPORT));
      if (missing) {
        io.err(`error: citekey "${citekey}" is ${missing.message} (${session.exportPath})\n`);
        return EXIT_FATAL;
      }
      if (args.values.json === true) io.out(JSON.stringify(reportJson(outcome, false), null, 2) + '\n');
      else printReport(outcome, io, `Imported ${citekey} from ${session.exportPath}`, false);
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
