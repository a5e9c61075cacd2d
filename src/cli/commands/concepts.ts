/**
 * `concepts --vault DIR [--scope FOLDER]... [--glossary] [--dry-run] [--json]`: link concepts across the notes in
 * scope and refresh the concept notes' sections; `--glossary` first creates the missing concept notes of the
 * built-in glossary. A dry run plans against an in-memory overlay, so it shows the glossary notes it would create too.
 */
import { loadConceptEngine, type ConceptLanguage, type ConceptLinkPlan, type ConceptProblem } from '../../core/concepts';
import { resolveNoteLanguage } from '../../core/notes';
import type { Settings } from '../../core/settings';
import { normalizeVaultPath, type VaultPort } from '../../core/vault';
import { NodeVault } from '../../node/node-vault';
import { CliUsageError, EXIT_OK, EXIT_PARTIAL, listOption, stringOption, type CliCommand, type CliIO, type ParsedArgs } from '../cli-command';
import { loadVaultSettings, VAULT_SETTINGS_OPTIONS } from '../load-vault-settings';
import { errorMessage } from '../../core/text';

interface ConceptsOutcome {
  dryRun: boolean;
  created: string[];
  updated: string[];
  links: Record<string, string[]>;
  plan: ConceptLinkPlan;
  problems: ConceptProblem[];
}

function languageOf(args: ParsedArgs, settings: Settings): ConceptLanguage {
  const given = stringOption(args, 'language');
  if (given === undefined) return resolveNoteLanguage(settings.headingsLanguage);
  if (given !== 'en' && given !== 'zh') throw new CliUsageError(`--language must be "en" or "zh", not "${given}"`);
  return given;
}

/** `--scope` folders are added to the default scope (notes folder and the settings' extra folders). */
function scopeOf(args: ParsedArgs, settings: Settings): string[] | undefined {
  const extra = listOption(args, 'scope').map((folder) => {
    try {
      return normalizeVaultPath(folder);
    } catch (e) {
      throw new CliUsageError(`--scope: ${errorMessage(e)}`);
    }
  });
  return extra.length === 0 ? undefined : [settings.notesFolder, ...settings.conceptScopeFolders, ...extra];
}

async function runConcepts(args: ParsedArgs): Promise<ConceptsOutcome> {
  const { vaultDir, settings } = await loadVaultSettings(args);
  const dryRun = args.values['dry-run'] === true;
  const language = languageOf(args, settings);
  const scopeFolders = scopeOf(args, settings);
  const { applyConceptPlan, createGlossaryNotes, OverlayVault, planConceptLinks } = await loadConceptEngine();
  const disk = new NodeVault(vaultDir);
  const vault: VaultPort = dryRun ? new OverlayVault(disk) : disk;
  const created = args.values.glossary === true ? (await createGlossaryNotes(vault, settings, { language })).created : [];
  const plan = await planConceptLinks(vault, { settings, scopeFolders, language });
  const problems = [...plan.problems];
  if (dryRun) {
    const links = Object.fromEntries(plan.edits.filter((e) => e.links.length > 0).map((e) => [e.path, e.links.map((l) => l.concept)]));
    return { dryRun, created, updated: plan.edits.map((e) => e.path), links, plan, problems };
  }
  const applied = await applyConceptPlan(vault, plan);
  problems.push(...applied.failed);
  return { dryRun, created, updated: applied.updated, links: applied.links, plan, problems };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function printForPeople(o: ConceptsOutcome, io: CliIO): void {
  const lines: string[] = [];
  const would = o.dryRun ? 'would be ' : '';
  for (const path of o.created) lines.push(`${o.dryRun ? 'would create' : 'created'} ${path}`);
  if (o.dryRun) {
    for (const edit of o.plan.edits) {
      lines.push(edit.path);
      for (const l of edit.links) lines.push(`  line ${l.line}: ${l.concept} ← "${l.surface}"`);
      if (edit.section !== null) lines.push('  concept section updated');
    }
  }
  for (const c of o.plan.conflicts) lines.push(`conflict: "${c.term}" is a term of ${c.concepts.join(' and ')}; it is not linked`);
  for (const r of o.plan.rejected) lines.push(`ignored term "${r.term}" of ${r.concept}: ${r.reason}`);
  for (const s of o.plan.skipped) lines.push(`skipped ${s.path}`);
  for (const p of o.problems) lines.push(`problem: ${p.path}: ${p.message}`);
  const linkCount = Object.values(o.links).reduce((n, list) => n + list.length, 0);
  const summary = [
    `${plural(linkCount, 'link')} ${would}added in ${plural(Object.keys(o.links).length, 'note')}`,
    `${plural(o.plan.sections.length, 'concept section')} ${would}updated`,
    `${plural(o.updated.length, 'note')} ${o.dryRun ? 'would change' : 'changed'}`,
    `${o.plan.index.concepts.length} concepts, ${plural(o.plan.conflicts.length, 'conflict')}`,
  ];
  lines.push(`${o.dryRun ? 'Dry run: ' : ''}${summary.join('; ')}`);
  io.out(lines.join('\n') + '\n');
}

export const conceptsCommand: CliCommand = {
  name: 'concepts',
  summary: 'Link concepts (ICL, CoT, 指令微调…) across notes and update concept notes',
  usage: 'node dist/cli.js concepts --vault DIR [--scope FOLDER]... [--glossary] [--dry-run] [--json] [--language en|zh] [--notes-folder DIR] [--concepts-folder DIR]',
  options: {
    ...VAULT_SETTINGS_OPTIONS,
    scope: { type: 'string', multiple: true },
    glossary: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    language: { type: 'string' },
  },
  async run(args, io) {
    const outcome = await runConcepts(args);
    if (args.values.json === true) {
      const json = {
        updated: outcome.updated,
        links: outcome.links,
        conflicts: outcome.plan.conflicts,
        created: outcome.created,
        dryRun: outcome.dryRun,
        problems: outcome.problems,
      };
      io.out(JSON.stringify(json, null, 2) + '\n');
    } else printForPeople(outcome, io);
    return outcome.problems.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};
