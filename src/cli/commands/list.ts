/** `list --export FILE [--json]`: the papers of a Better BibTeX export, as a table or as JSON. */
import { EXIT_OK, EXIT_PARTIAL, stringOption, type CliCommand, type CliIO } from '../cli-command';
import type { LibraryReadResult } from '../../core/library';
import { readExportFile } from '../read-export-file';
import { formatTable } from '../text-table';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List the papers of a Better BibTeX export',
  usage: 'node dist/cli.js list --export FILE [--json]',
  options: {
    export: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const path = stringOption(args, 'export') ?? args.positionals[0] ?? stringOption(args, 'export', true);
    const { result } = await readExportFile(path);
    if (args.values.json === true) io.out(JSON.stringify(result, null, 2) + '\n');
    else printForPeople(result, io);
    return result.errors.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};

/** The table, a count line and the errors on stdout (one write: large libraries print fast); warnings on stderr. */
function printForPeople(result: LibraryReadResult, io: CliIO): void {
  const rows = result.papers.map((p) => [p.citekey, p.year === null ? '' : String(p.year), p.authors[0] ?? '', p.title, p.arxiv ?? '']);
  let out = rows.length > 0 ? formatTable([['citekey', 'year', 'first author', 'title', 'arxiv'], ...rows], [40, 5, 28, 60, 18]) + '\n\n' : '';
  const counts = [`${result.papers.length} paper${result.papers.length === 1 ? '' : 's'} (${result.format})`];
  if (result.errors.length > 0) counts.push(`${result.errors.length} entr${result.errors.length === 1 ? 'y' : 'ies'} could not be read`);
  out += counts.join(', ') + '\n';
  if (result.errors.length > 0) {
    out += '\nErrors:\n' + result.errors.map((e) => `  line ${e.line ?? '-'}  ${e.citekey ?? '(no key)'}: ${e.message}\n`).join('');
  }
  io.out(out);
  if (result.warnings.length > 0) io.err(result.warnings.map((w) => `warning: ${w}\n`).join(''));
}
