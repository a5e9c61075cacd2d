/**
 * `concepts --vault DIR [--scope FOLDER]... [--glossary] [--dry-run] [--json]`: link concepts across the notes in
 * scope and refresh the concept notes' sections; `--glossary` first creates the missing concept notes of the
 * built-in glossary (adopting the user's own notes of those names). A dry run plans against an in-memory overlay, so
 * it shows the glossary notes it would create too. `concepts suggest` is in concepts-suggest.ts.
 */
import { loadConceptEngine, type AdoptedNote, type ConceptLanguage, type ConceptLinkPlan, type ConceptProblem } from '../../core/concepts';
import { resolveNoteLanguage } from '../../core/notes';
import type { Settings } from '../../core/settings';
import { normalizeVaultPath, type VaultPort } from '../../core/vault';
import { NodeVault } from '../../node/node-vault';
import { CliUsageError, EXIT_OK, EXIT_PARTIAL, listOption, stringOption, type CliCommand, type CliIO, type ParsedArgs } from '../cli-command';
import { loadVaultSettings, saveVaultSettingsKeys, VAULT_SETTINGS_OPTIONS } from '../load-vault-settings';
import { runConceptSuggest, SUGGEST_OPTIONS } from './concepts-suggest';
import { cliVaultLock, reportFatal } from '../sync-request';
import { errorMessage } from '../../core/text';

interface ConceptsOutcome {
  dryRun: boolean;
  created: string[];
  adopted: AdoptedNote[];
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
  if (dryRun) return linkConcepts(args, vaultDir, settings, true);
  const lock = await cliVaultLock(new NodeVault(vaultDir), args);
  return lock.hold(() => linkConcepts(args, vaultDir, settings, false));
}

/** The run itself (the caller holds the vault's lock unless it is a dry run, which writes nothing). */
async function linkConcepts(args: ParsedArgs, vaultDir: string, settings: Settings, dryRun: boolean): Promise<ConceptsOutcome> {
  const language = languageOf(args, settings);
  const scopeFolders = scopeOf(args, settings);
  const { applyConceptPlan, createGlossaryNotes, OverlayVault, planConceptLinks, withAdopted } = await loadConceptEngine();
  const disk = new NodeVault(vaultDir);
  const vault: VaultPort = dryRun ? new OverlayVault(disk) : disk;
  const glossary = args.values.glossary === true ? await createGlossaryNotes(vault, settings, { language }) : null;
  const created = glossary?.created ?? [];
  const adopted = glossary?.adopted ?? [];
  if (adopted.length > 0) {
    // The user's own notes adopted as concept notes are remembered in the plugin's settings, shared with the plugin.
    settings.adoptedConcepts = withAdopted(settings.adoptedConcepts, adopted);
    if (!dryRun) await saveVaultSettingsKeys(vaultDir, { adoptedConcepts: settings.adoptedConcepts });
  }
  const plan = await planConceptLinks(vault, { settings, scopeFolders, language });
  const problems = [...plan.problems];
  if (dryRun) {
    const links = Object.fromEntries(plan.edits.filter((e) => e.links.length > 0).map((e) => [e.path, e.links.map((l) => l.concept)]));
    return { dryRun, created, adopted, updated: plan.edits.map((e) => e.path), links, plan, problems };
  }
  const applied = await applyConceptPlan(vault, plan);
  problems.push(...applied.failed);
  return { dryRun, created, adopted, updated: applied.updated, links: applied.links, plan, problems };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function printForPeople(o: ConceptsOutcome, io: CliIO): void {
  const lines: string[] = [];
  const would = o.dryRun ? 'would be ' : '';
  for (const path of o.created) lines.push(`${o.dryRun ? 'would create' : 'created'} ${path}`);
  for (const a of o.adopted) {
    lines.push(`${o.dryRun ? 'would adopt' : 'adopted'} your note ${a.path} as the concept ${a.name} (named "${a.matched}"; no second note made)`);
  }
  if (o.dryRun) {
    for (const edit of o.plan.edits) {
      lines.push(edit.path);
      for (const l of edit.links) lines.push(`  line ${l.line}: ${l.concept} ← "${l.surface}"`);
      if (edit.section !== null) lines.push('  concept section updated');
    }
  }
  for (const c of o.plan.conflicts) lines.push(`conflict: "${c.term}" is a term of ${c.concepts.join(' and ')}; it is not linked`);
  for (const r of o.plan.rejected) lines.push(`ignored term "${r.term}" of ${r.concept}: ${r.reason}`);
  for (const u of o.plan.ubiquitous) {
    const percent = Math.round(u.share * 100);
    lines.push(`"${u.concept}" is mentioned by ${u.notes} of ${u.total} notes (${percent} %): consider "zcn-link: false" in ${u.path}`);
  }
  for (const f of o.plan.otherPluginFiles) lines.push(`left alone ${f.path} (a ${f.plugin} file)`);
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
  usage:
    'node dist/cli.js concepts --vault DIR [--scope FOLDER]... [--glossary] [--dry-run] [--json] [--language en|zh] [--lock-wait SECONDS] [--notes-folder DIR] [--concepts-folder DIR]\n' +
    '  node dist/cli.js concepts suggest --vault DIR [--export FILE…] [--min-notes N] [--json]',
  options: {
    ...VAULT_SETTINGS_OPTIONS,
    scope: { type: 'string', multiple: true },
    glossary: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    language: { type: 'string' },
    'lock-wait': { type: 'string' },
    ...SUGGEST_OPTIONS,
  },
  async run(args, io) {
    const [sub, ...extra] = args.positionals;
    if (sub === 'suggest' && extra.length === 0) return runConceptSuggest(args, io);
    if (sub !== undefined) throw new CliUsageError(`unknown argument "${args.positionals.join(' ')}" (did you mean "concepts suggest"?)`);
    let outcome: ConceptsOutcome;
    try {
      outcome = await runConcepts(args);
    } catch (err) {
      return reportFatal(err, io);
    }
    if (args.values.json === true) {
      const plan = outcome.plan;
      const json = {
        updated: outcome.updated,
        links: outcome.links,
        conflicts: plan.conflicts,
        created: outcome.created,
        adopted: outcome.adopted.map((a) => ({ concept: a.name, path: a.path, matched: a.matched })),
        ubiquitous: plan.ubiquitous.map((u) => ({ concept: u.concept, path: u.path, notes: u.notes, share: Number(u.share.toFixed(3)) })),
        switchedOff: plan.switchedOff,
        rejected: plan.rejected,
        otherPluginFiles: plan.otherPluginFiles,
        dryRun: outcome.dryRun,
        problems: outcome.problems,
      };
      io.out(JSON.stringify(json, null, 2) + '\n');
    } else printForPeople(outcome, io);
    return outcome.problems.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};
