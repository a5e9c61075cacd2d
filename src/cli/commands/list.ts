/**
 * `list --export FILE [--export FILE…] [--collection NAME]… [--vault DIR] [--json]`: the papers of Better BibTeX
 * exports, as a table or as JSON; with collections (or the vault's "Collections to sync"), the papers a sync would
 * take, to preview it. Several exports: one table each (`--json`: `{ "exports": [{ "path", …the result }] }`), and a
 * warning for each citekey in two of them.
 */
import { CliUsageError, EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, listOption, type CliCommand, type CliIO } from '../cli-command';
import type { LibraryReadResult } from '../../core/library';
import { describeScope, resolveSyncScope, scopeText, type ScopeSummary } from '../../core/sync';
import { COLLECTION_OPTIONS, collectionsOf } from '../collection-options';
import { loadVaultSettings } from '../load-vault-settings';
import { mergedPapers, readExportFiles, type ExportFile } from '../read-export-file';
import { formatTable } from '../text-table';

interface ScopedFile {
  path: string;
  result: LibraryReadResult;
  scope: ScopeSummary | null;
}

/** An export's papers in the scope of `names` (all of them without names); null when no name is a collection of it. */
function scoped(file: ExportFile, names: readonly string[]): ScopedFile | { error: string } {
  const { result } = file;
  const byCollection = { collections: result.collections ?? [], entries: result.papers };
  const check = describeScope(byCollection, names, file.path);
  if (check.kind === 'error') return { error: check.text };
  const { scope, warnings } = resolveSyncScope(byCollection, names, file.path);
  const papers = scope ? result.papers.filter((p) => scope.includes(p)) : result.papers;
  return { path: file.path, result: { ...result, papers, warnings: [...result.warnings, ...warnings] }, scope: scope?.summary ?? null };
}

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List the papers of Better BibTeX exports (or of some of their collections)',
  usage: 'node dist/cli.js list --export FILE [--export FILE…] [--collection NAME]... [--whole-library] [--vault DIR] [--json]',
  options: {
    export: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    vault: { type: 'string' },
    ...COLLECTION_OPTIONS,
  },
  async run(args, io) {
    const paths = [...listOption(args, 'export'), ...args.positionals].filter((p) => p !== '');
    if (paths.length === 0) throw new CliUsageError('missing --export');
    const names = collectionsOf(args, args.values.vault === undefined ? [] : (await loadVaultSettings(args)).settings.syncCollections);
    const files = await readExportFiles(paths);
    const found = files.map((f) => scoped(f, names));
    const shown = found.filter((f): f is ScopedFile => !('error' in f));
    const refused = found.flatMap((f) => ('error' in f ? [f.error] : []));
    if (shown.length === 0) {
      io.err(refused.map((e) => `error: ${e}\n`).join('')); // no name matches: a sync would refuse too
      return EXIT_FATAL;
    }
    const json = args.values.json === true;
    const withScope = (f: ScopedFile) => (f.scope ? { ...f.result, scope: f.scope } : f.result);
    if (files.length === 1 && json) io.out(JSON.stringify(withScope(shown[0]), null, 2) + '\n');
    else if (json) io.out(JSON.stringify({ exports: shown.map((f) => ({ path: f.path, ...withScope(f) })) }, null, 2) + '\n');
    else shown.forEach((f, i) => printForPeople(f.result, f.scope, io, files.length === 1 ? '' : `${i === 0 ? '' : '\n'}${f.path}\n`));
    const collisions = mergedPapers(files).warnings;
    const notes = [...refused.map((e) => `${e}; its papers are not listed`), ...collisions];
    if (notes.length > 0) io.err(notes.map((w) => `warning: ${w}\n`).join(''));
    return files.some((f) => f.result.errors.length > 0) ? EXIT_PARTIAL : EXIT_OK;
  },
};

/** The table, a count line and the errors on stdout (one write: large libraries print fast); warnings on stderr. */
function printForPeople(result: LibraryReadResult, scope: ScopeSummary | null, io: CliIO, heading: string): void {
  const rows = result.papers.map((p) => [p.citekey, p.year === null ? '' : String(p.year), p.authors[0] ?? '', p.title, p.arxiv ?? '']);
  let out = heading + (rows.length > 0 ? formatTable([['citekey', 'year', 'first author', 'title', 'arxiv'], ...rows], [40, 5, 28, 60, 18]) + '\n\n' : '');
  const n = result.papers.length;
  const counts = [`${scope ? scopeText(scope) : `${n} paper${n === 1 ? '' : 's'}`} (${result.format})`];
  if (result.errors.length > 0) counts.push(`${result.errors.length} entr${result.errors.length === 1 ? 'y' : 'ies'} could not be read`);
  out += counts.join(', ') + '\n';
  if (result.errors.length > 0) {
    out += '\nErrors:\n' + result.errors.map((e) => `  line ${e.line ?? '-'}  ${e.citekey ?? '(no key)'}: ${e.message}\n`).join('');
  }
  io.out(out);
  if (result.warnings.length > 0) io.err(result.warnings.map((w) => `warning: ${w}\n`).join(''));
}
