/** How `sync` and `import` print a sync report: JSON for programs, a short summary with paths for people. */
import { outcomeSummary, type ExportOutcome, type SyncOutcome, type SyncReport } from '../core/sync';
import { EXIT_OK, EXIT_PARTIAL, type CliIO } from './cli-command';

/** What became of each of several exports, as the report lists them. */
const EXPORT_STATUS: Record<ExportOutcome['status'], string> = {
  synced: 'read   ',
  unchanged: 'unchanged (not read)',
  elsewhere: 'synced by another device',
  failed: 'FAILED ',
};

/** Paths listed per group for people before "… and N more". */
const MAX_LISTED = 30;

/**
 * The `--json` shape: `{ created, updated, unchanged, conflicts, errors, flagged }` plus details, and with several
 * exports what became of each (`exports`: name, key, status, format, paperCount, message).
 */
export function reportJson(outcome: SyncOutcome, dryRun: boolean): Record<string, unknown> {
  const perExport = outcome.exports ? { exports: outcome.exports } : {};
  return { ...outcomeSummary(outcome), conflictDetails: outcome.report.conflictDetails, ...perExport, dryRun };
}

/** 0 when everything went through; 1 when some entry failed or a note has a conflict. */
export function exitCodeOf(report: SyncReport): number {
  return report.errors.length > 0 || report.conflicts.length > 0 ? EXIT_PARTIAL : EXIT_OK;
}

function listed(label: string, paths: string[]): string {
  if (paths.length === 0) return '';
  const shown = paths.slice(0, MAX_LISTED).map((p) => `  ${label} ${p}\n`);
  if (paths.length > MAX_LISTED) shown.push(`  … and ${paths.length - MAX_LISTED} more\n`);
  return shown.join('');
}

/** One summary line, then the paths touched (and, for a dry run, those that would be). */
export function printReport(outcome: SyncOutcome, io: CliIO, heading: string, dryRun: boolean): void {
  const r = outcome.report;
  const verb = dryRun ? 'would be ' : '';
  const counts = [
    `${r.created.length} ${verb}created`,
    `${r.updated.length} ${verb}updated`,
    `${r.unchanged} unchanged`,
    `${r.conflicts.length} with conflicts`,
    `${r.flagged.length} ${verb}flagged as removed from Zotero`,
    ...(r.readOnly.length > 0 ? [`${r.readOnly.length} read-only (left alone)`] : []),
    `${r.errors.length} errors`,
  ];
  let out = `${heading}\n${counts.join(', ')}${outcome.skipped ? ' (the export is unchanged since the last sync)' : ''}\n`;
  for (const e of outcome.exports ?? []) out += `  ${EXPORT_STATUS[e.status]} ${e.name}${e.paperCount === null ? '' : `: ${e.paperCount} paper${e.paperCount === 1 ? '' : 's'}`}${e.format ? ` (${e.format})` : ''}\n`;
  out += listed(dryRun ? 'create ' : 'created', r.created);
  out += listed(dryRun ? 'update ' : 'updated', r.updated);
  out += listed(dryRun ? 'flag   ' : 'flagged', r.flagged);
  out += listed('read-only', r.readOnly);
  for (const c of r.conflictDetails.slice(0, MAX_LISTED)) out += `  conflict ${c.path}: ${c.reasons.join('; ')}\n`;
  for (const e of r.errors.slice(0, MAX_LISTED)) out += `  error   ${[e.citekey, e.path].filter(Boolean).join(' ')}${e.citekey || e.path ? ': ' : ''}${e.message}\n`;
  if (r.errors.length > MAX_LISTED) out += `  … and ${r.errors.length - MAX_LISTED} more errors\n`;
  if (dryRun) out += 'Dry run: nothing was written.\n';
  io.out(out);
  if (outcome.warnings.length > 0) io.err(outcome.warnings.map((w) => `warning: ${w}\n`).join(''));
}
