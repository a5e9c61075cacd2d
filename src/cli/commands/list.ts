/**
 * `list --export FILE [--collection NAME]… [--vault DIR] [--json]`: the papers of a Better BibTeX export, as a table
 * or as JSON; with collections (or the vault's "Collections to sync"), the papers a sync would take, to preview it.
 */
import { EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, stringOption, type CliCommand, type CliIO } from '../cli-command';
import type { LibraryReadResult } from '../../core/library';
import { describeScope, resolveSyncScope, scopeText, type ScopeSummary } from '../../core/sync';
import { COLLECTION_OPTIONS, collectionsOf } from '../collection-options';
import { loadVaultSettings } from '../load-vault-settings';
import { readExportFile } from '../read-export-file';
import { formatTable } from '../text-table';

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List the papers of a Better BibTeX export (or of some of its collections)',
  usage: 'node dist/cli.js list --export FILE [--collection NAME]... [--whole-library] [--vault DIR] [--json]',
  options: {
    export: { type: 'string' },
    json: { type: 'boolean' },
    vault: { type: 'string' },
    ...COLLECTION_OPTIONS,
  },
  async run(args, io) {
    const path = stringOption(args, 'export') ?? args.positionals[0] ?? stringOption(args, 'export', true);
    const names = collectionsOf(args, args.values.vault === undefined ? [] : (await loadVaultSettings(args)).settings.syncCollections);
    const { result } = await readExportFile(path);
    const byCollection = { collections: result.collections ?? [], entries: result.papers };
    const check = describeScope(byCollection, names, path);
    if (check.kind === 'error') {
      io.err(`error: ${check.text}\n`); // no name matches: a sync would refuse too
      return EXIT_FATAL;
    }
    const { scope, warnings } = resolveSyncScope(byCollection, names, path);
    const scoped = { papers: scope ? result.papers.filter((p) => scope.includes(p)) : result.papers, scope: scope?.summary ?? null, warnings };
    const shown = { ...result, papers: scoped.papers, warnings: [...result.warnings, ...scoped.warnings] };
    if (args.values.json === true) io.out(JSON.stringify(scoped.scope ? { ...shown, scope: scoped.scope } : shown, null, 2) + '\n');
    else printForPeople(shown, scoped.scope, io);
    return result.errors.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};

/** The table, a count line and the errors on stdout (one write: large libraries print fast); warnings on stderr. */
function printForPeople(result: LibraryReadResult, scope: ScopeSummary | null, io: CliIO): void {
  const rows = result.papers.map((p) => [p.citekey, p.year === null ? '' : String(p.year), p.authors[0] ?? '', p.title, p.arxiv ?? '']);
  let out = rows.length > 0 ? formatTable([['citekey', 'year', 'first author', 'title', 'arxiv'], ...rows], [40, 5, 28, 60, 18]) + '\n\n' : '';
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
