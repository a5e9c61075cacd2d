/**
 * `concepts suggest --vault DIR [--export FILE…] [--min-notes N] [--json]`: concepts defined in the user's own notes
 * (and, with `--export`, in the papers' titles and abstracts), with the notes and papers that use them. Writes nothing:
 * `concepts` (or the plugin's modal) creates the chosen ones.
 */
import * as path from 'node:path';
import { loadConceptEngine, type ConceptSuggestion } from '../../core/concepts';
import { NodeVault } from '../../node/node-vault';
import { CliUsageError, EXIT_OK, listOption, stringOption, type CliIO, type ParsedArgs } from '../cli-command';
import { loadVaultSettings } from '../load-vault-settings';
import { mergedPapers, readExportFiles } from '../read-export-file';
import { formatTable } from '../text-table';

export const SUGGEST_OPTIONS = {
  export: { type: 'string', multiple: true },
  'min-notes': { type: 'string' },
} as const;

function minNotesOf(args: ParsedArgs, fallback: number): number {
  const raw = stringOption(args, 'min-notes');
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new CliUsageError(`--min-notes must be a whole number of at least 1, not "${raw}"`);
  return n;
}

function printForPeople(suggestions: ConceptSuggestion[], read: { notes: number; papers: number; minNotes: number }, io: CliIO): void {
  const rows = suggestions.map((s) => [s.term, String(s.notes), String(s.papers), s.existing ?? '', s.aliases.join('; ')]);
  let out = rows.length > 0 ? formatTable([['term', 'notes', 'papers', 'existing', 'aliases'], ...rows], [24, 5, 6, 32, 80]) + '\n\n' : '';
  const source = `${read.notes} note${read.notes === 1 ? '' : 's'}${read.papers > 0 ? ` and ${read.papers} paper${read.papers === 1 ? '' : 's'}` : ''}`;
  out += `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} from ${source} (defined or used in at least ${read.minNotes}; --min-notes 1 shows all)\n`;
  io.out(out);
}

export async function runConceptSuggest(args: ParsedArgs, io: CliIO): Promise<number> {
  const { vaultDir, settings } = await loadVaultSettings(args);
  const { DEFAULT_MIN_NOTES, suggestConceptsFromVault } = await loadConceptEngine();
  const minNotes = minNotesOf(args, DEFAULT_MIN_NOTES);
  const exportPaths = listOption(args, 'export').map((p) => path.resolve(p));
  const { papers } = mergedPapers(await readExportFiles(exportPaths));
  const found = await suggestConceptsFromVault(new NodeVault(vaultDir), settings, { papers, minNotes });
  if (args.values.json === true) {
    const suggestions = found.suggestions.map((s) => ({ term: s.term, aliases: s.aliases, notes: s.notes, papers: s.papers, existing: s.existing }));
    io.out(JSON.stringify({ suggestions }, null, 2) + '\n');
  } else printForPeople(found.suggestions, { notes: found.notesRead, papers: found.papersRead, minNotes }, io);
  return EXIT_OK;
}
