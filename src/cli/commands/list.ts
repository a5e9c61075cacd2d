/**
 * `list --export FILE [--export FILE…] [--json]`: the papers of a Better BibTeX export, as a table or as JSON. With
 * several exports, one table per export (`--json`: `{ "exports": [{ "path", …the result }] }`), and a warning for
 * each citekey in two of them.
 */
import { CliUsageError, EXIT_OK, EXIT_PARTIAL, listOption, type CliCommand, type CliIO } from '../cli-command';
import type { LibraryReadResult } from '../../core/library';
import { mergedPapers, readExportFiles } from '../read-export-file';
import { formatTable } from '../text-table';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List the papers of a Better BibTeX export',
  usage: 'node dist/cli.js list --export FILE [--export FILE…] [--json]',
  options: {
    export: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const paths = [...listOption(args, 'export'), ...args.positionals].filter((p) => p !== '');
    if (paths.length === 0) throw new CliUsageError('missing --export');
    const files = await readExportFiles(paths);
    const json = args.values.json === true;
    if (files.length === 1 && json) io.out(JSON.stringify(files[0].result, null, 2) + '\n');
    else if (json) io.out(JSON.stringify({ exports: files.map((f) => ({ path: f.path, ...f.result })) }, null, 2) + '\n');
    else files.forEach((f, i) => printForPeople(f.result, io, files.length === 1 ? '' : `${i === 0 ? '' : '\n'}${f.path}\n`));
    const collisions = mergedPapers(files).warnings;
    if (collisions.length > 0) io.err(collisions.map((w) => `warning: ${w}\n`).join(''));
    return files.some((f) => f.result.errors.length > 0) ? EXIT_PARTIAL : EXIT_OK;
  },
};

/** The table, a count line and the errors on stdout (one write: large libraries print fast); warnings on stderr. */
function printForPeople(result: LibraryReadResult, io: CliIO, heading: string): void {
  const rows = result.papers.map((p) => [p.citekey, p.year === null ? '' : String(p.year), p.authors[0] ?? '', p.title, p.arxiv ?? '']);
  let out = heading + (rows.length > 0 ? formatTable([['citekey', 'year', 'first author', 'title', 'arxiv'], ...rows], [40, 5, 28, 60, 18]) + '\n\n' : '');
  const counts = [`${result.papers.length} paper${result.papers.length === 1 ? '' : 's'} (${result.format})`];
  if (result.errors.length > 0) counts.push(`${result.errors.length} entr${result.errors.length === 1 ? 'y' : 'ies'} could not be read`);
  out += counts.join(', ') + '\n';
  if (result.errors.length > 0) {
    out += '\nErrors:\n' + result.errors.map((e) => `  line ${e.line ?? '-'}  ${e.citekey ?? '(no key)'}: ${e.message}\n`).join('');
  }
  io.out(out);
  if (result.warnings.length > 0) io.err(result.warnings.map((w) => `warning: ${w}\n`).join(''));
}
