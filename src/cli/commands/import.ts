/**
 * `import CITEKEY --export FILE [--export FILE…] --vault DIR [--json] [--take-zotero PARTS]`: create or update the literature note of
 * one paper; `--take-zotero all` (or a list of keys and regions, `title,summary`) puts Zotero's version of those parts
 * back, over the user's edits: the way back from a conflict.
 */
import { loadSyncEngine, type TakeZoteroVersion } from '../../core/sync';
import { CliUsageError, EXIT_FATAL, stringOption, type CliCommand, type ParsedArgs } from '../cli-command';
import { exitCodeOf, printReport, reportJson } from '../sync-report-output';
import { openSyncRequest, reportFatal, SYNC_REQUEST_OPTIONS } from '../sync-request';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Create or update the literature note of one paper',
  usage:
    'node dist/cli.js import CITEKEY --export FILE [--export FILE…] --vault DIR [--json] [--take-zotero all|PART,...] [--lock-wait SECONDS] [--notes-folder DIR] [--language en|zh]',
  options: { ...SYNC_REQUEST_OPTIONS, 'take-zotero': { type: 'string' } },
  async run(args, io) {
    const citekey = args.positionals[0];
    if (citekey === undefined || citekey === '') return usage(io);
    try {
      const take = takeOption(args);
      const request = await openSyncRequest(args, io);
      const { importPaper } = await loadSyncEngine();
      const imported = await importPaper(request, citekey, take);
      const { outcome } = imported;
      if (imported.notInExport) {
        io.err(`error: citekey "${citekey}" is ${imported.message} (${request.exportPaths.join(', ')})\n`);
        return EXIT_FATAL;
      }
      if (args.values.json === true) io.out(JSON.stringify(reportJson(outcome, false), null, 2) + '\n');
      else printReport(outcome, io, `Imported ${citekey} from ${request.exportPaths.join(', ')}`, false);
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

/** `--take-zotero all`, or the keys and regions to take, separated by commas. */
function takeOption(args: ParsedArgs): Omit<TakeZoteroVersion, 'citekey'> | undefined {
  const given = stringOption(args, 'take-zotero');
  if (given === undefined) return undefined;
  const parts = given.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new CliUsageError('--take-zotero needs "all" or the parts to take, e.g. title,summary');
  return { parts: parts.includes('all') ? 'all' : parts };
}
