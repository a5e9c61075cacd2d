/**
 * `summary CITEKEY... --export FILE [--export FILE…] [--vault DIR] [--language en|zh] [--start N]`: papers as entries of a
 * "前沿文章摘要" list (numbered title with its arXiv link, the tags line, the summary), ready to paste into a note.
 */
import { loadNoteRenderer, resolveNoteLanguage } from '../../core/notes';
import { defaultSettings } from '../../core/settings';
import { CliUsageError, EXIT_FATAL, EXIT_OK, listOption, stringOption, type CliCommand } from '../cli-command';
import { loadVaultSettings, VAULT_SETTINGS_OPTIONS } from '../load-vault-settings';
import { mergedPapers, readExportFiles } from '../read-export-file';

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: 'Print papers as entries of a summary list, in the survey note style',
  usage: 'node dist/cli.js summary CITEKEY... --export FILE [--export FILE…] [--vault DIR] [--language en|zh] [--start N]',
  options: { ...VAULT_SETTINGS_OPTIONS, export: { type: 'string', multiple: true }, language: { type: 'string' }, start: { type: 'string' } },
  async run(args, io) {
    if (args.positionals.length === 0) throw new CliUsageError('missing CITEKEY');
    const settings = stringOption(args, 'vault') === undefined ? defaultSettings() : (await loadVaultSettings(args)).settings;
    const language = stringOption(args, 'language') ?? resolveNoteLanguage(settings.headingsLanguage);
    if (language !== 'en' && language !== 'zh') throw new CliUsageError(`--language must be "en" or "zh", not "${language}"`);
    const start = Number(stringOption(args, 'start') ?? '1');
    if (!Number.isInteger(start) || start < 0) throw new CliUsageError('--start must be a whole number ≥ 0');
    const exportPaths = listOption(args, 'export');
    if (exportPaths.length === 0) throw new CliUsageError('missing --export');
    // A citekey in two exports is taken from the first listed.
    const byKey = new Map(mergedPapers(await readExportFiles(exportPaths)).papers.map((p) => [p.citekey, p]));
    const missing = args.positionals.filter((k) => !byKey.has(k));
    if (missing.length > 0) {
      io.err(`error: not in the export: ${missing.join(', ')}\n`);
      return EXIT_FATAL;
    }
    const papers = args.positionals.map((k) => byKey.get(k)!);
    const { renderSummaryList } = await loadNoteRenderer();
    io.out(renderSummaryList(papers, { language, summarySource: settings.summarySource }, start));
    return EXIT_OK;
  },
};
