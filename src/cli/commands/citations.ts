/**
 * `citations --vault DIR [--notes-folder DIR] [--export FILE…] [--dry-run] [--json]`: rebuild every literature note's
 * "Cited in" section from the Pandoc citations (`[@key]`, `@key [p. 3]`, `[[@key]]`…) in the vault's notes. A cited
 * key with no note (and, with `--export`, in none of the exports either) is reported, never turned into a note.
 */
import * as path from 'node:path';
import { loadCitationEngine } from '../../core/citations';
import { resolveNoteLanguage } from '../../core/notes';
import { NodeVault } from '../../node/node-vault';
import { EXIT_OK, EXIT_PARTIAL, listOption, type CliCommand } from '../cli-command';
import { loadVaultSettings, VAULT_SETTINGS_OPTIONS } from '../load-vault-settings';
import { cliVaultLock, reportFatal } from '../sync-request';
import { readExportFiles } from '../read-export-file';

export const citationsCommand: CliCommand = {
  name: 'citations',
  summary: 'List in each literature note the notes that cite its paper ("Cited in")',
  usage: 'node dist/cli.js citations --vault DIR [--notes-folder DIR] [--export FILE…] [--dry-run] [--json] [--lock-wait SECONDS]',
  options: { ...VAULT_SETTINGS_OPTIONS, export: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, 'lock-wait': { type: 'string' } },
  async run(args, io) {
    const { vaultDir, settings } = await loadVaultSettings(args);
    const exportPaths = listOption(args, 'export').map((p) => path.resolve(p));
    const files = exportPaths.length === 0 ? null : await readExportFiles(exportPaths);
    const library = files && { papers: files.flatMap((f) => f.result.papers) };
    const { updateCitedIn } = await loadCitationEngine();
    const dryRun = args.values['dry-run'] === true;
    const vault = new NodeVault(vaultDir);
    const update = () =>
      updateCitedIn(vault, {
        notesFolder: settings.notesFolder,
        language: resolveNoteLanguage(settings.headingsLanguage),
        libraryKeys: library ? new Set(library.papers.map((p) => p.citekey)) : null,
        dryRun,
      });
    let result: Awaited<ReturnType<typeof update>>;
    try {
      result = dryRun ? await update() : await (await cliVaultLock(vault, args)).hold(update);
    } catch (err) {
      return reportFatal(err, io);
    }
    if (args.values.json === true) {
      io.out(JSON.stringify({ updated: result.updated, citations: result.citations, unknownKeys: result.unknownKeys, failed: result.failed, dryRun }, null, 2) + '\n');
    } else {
      const lines = result.updated.map((p) => `${dryRun ? 'would update' : 'updated'} ${p}`);
      for (const key of result.unknownKeys) lines.push(`unknown citekey @${key}: no literature note${library ? ' and not in the export' : ''}`);
      for (const f of result.failed) lines.push(`problem: ${f.path}: ${f.message}`);
      lines.push(`${result.citations} citation${result.citations === 1 ? '' : 's'}; ${result.updated.length} "Cited in" section${result.updated.length === 1 ? '' : 's'} ${dryRun ? 'would change' : 'changed'}`);
      io.out(lines.join('\n') + '\n');
    }
    return result.failed.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};
