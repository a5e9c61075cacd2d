// `npm run demo` (after `npm run build`): sync the example library (a BetterBibTeX JSON export with summaries,
// annotations, Zotero notes and collections) into example-vault/ with the CLI, add concept notes, an example survey
// note and a draft that cites papers ("Cited in"), and install the built plugin there, so the folder can be opened
// in Obsidian. Running it again changes
// nothing: every file is written only when its content differs, and the sync of an unchanged export writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vault = join(root, 'example-vault');
const pluginId = 'zotero-concept-notes';
const pluginDir = join(vault, '.obsidian', 'plugins', pluginId);
const exportInVault = 'Zotero/library.json';
const userNotesFolder = 'Notes';
const cli = join(root, 'dist', 'cli.js');
const done = [];

const show = (path) => relative(root, path);

/** Write `content` at `path` unless it already holds exactly that; say what happened. */
function writeIfChanged(path, content, what) {
  const before = existsSync(path) ? readFileSync(path) : null;
  const next = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  if (before && before.equals(next)) {
    done.push(`unchanged ${show(path)} (${what})`);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, next);
  done.push(`${before ? 'updated   ' : 'wrote     '}${show(path)} (${what})`);
}

function readJson(path, fallback) {
  if (!existsSync(path)) return fallback;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return fallback;
  }
}

function runCli(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status ?? 1, out: r.stdout, err: r.stderr };
}

for (const built of ['main.js', 'manifest.json', 'styles.css', 'dist/cli.js']) {
  if (!existsSync(join(root, built))) {
    console.error(`error: ${built} is missing; run "npm run build" first (npm run demo does).`);
    process.exit(1);
  }
}

// 1. The export, copied into the vault (the plugin can then watch it on every platform). example/library.bib holds
//    the same papers as Better BibLaTeX, without the annotations and notes only the JSON export carries.
writeIfChanged(join(vault, exportInVault), readFileSync(join(root, 'example', 'library.json')), 'the example BetterBibTeX JSON export');

// 2. The plugin: its files, its settings pointing at that export, and enabled.
for (const file of ['main.js', 'manifest.json', 'styles.css']) writeIfChanged(join(pluginDir, file), readFileSync(join(root, file)), 'built plugin');
const data = readJson(join(pluginDir, 'data.json'), {});
const scope = [...new Set([...(Array.isArray(data.conceptScopeFolders) ? data.conceptScopeFolders : []), userNotesFolder])];
// The example export first; any other export added in Obsidian (a group library, say) stays after it.
const others = data.version >= 3 && Array.isArray(data.exportPaths) ? data.exportPaths.filter((p) => p !== exportInVault) : [];
writeIfChanged(
  join(pluginDir, 'data.json'),
  JSON.stringify({ ...data, version: 3, exportPaths: [exportInVault, ...others], exportPath: exportInVault, conceptScopeFolders: scope }, null, 2) + '\n',
  'plugin settings',
);

// Survey notes, copied once: after that they are notes of the vault (linked, maybe edited), never overwritten.
// The example one (a "前沿文章摘要" list as "Insert paper summary" writes it, linking the literature notes) is in
// the repository; the user's own, which this plugin was designed from, lives in ../shared/seed when it exists.
const surveyNotes = [
  [join(root, 'example', 'survey-note.md'), join(vault, userNotesFolder, '多模态大模型读书笔记.md'), 'an example survey note'],
  [join(root, '..', 'shared', 'seed', 'survey-note.md'), join(vault, userNotesFolder, '多模态综述.md'), "the user's survey note"],
];
for (const [source, target, what] of surveyNotes) {
  if (existsSync(source) && !existsSync(target)) writeIfChanged(target, readFileSync(source), what);
}
// A draft that cites papers in Pandoc's syntax, so "Cited in" shows in their notes (written once, then the user's).
const draftInVault = join(vault, 'Drafts', 'Survey draft.md');
if (!existsSync(draftInVault)) {
  const draft = [
    '# Multimodal LLMs: a short survey',
    '',
    'Large language models learn from a few examples in the prompt [@brownLanguageModelsAre2020, p. 4], and reason',
    'better when asked to think step by step [see @weiChainofthoughtPromptingElicits2022; @kaplanScalingLawsNeural2020].',
    '@liuVisualInstructionTuning2023 [sec. 3] connect a vision encoder [@radfordLearningTransferableVisual2021] to such a',
    'model; [@yinSurveyMultimodalLarge2024] survey what followed. Type `[@` to cite another paper.',
    '',
    'Export with Pandoc: `pandoc "Survey draft.md" --citeproc --bibliography ../Zotero/library.json -o draft.docx`',
    '',
  ].join('\n');
  writeIfChanged(draftInVault, draft, 'a draft citing papers');
}
const enabled = readJson(join(vault, '.obsidian', 'community-plugins.json'), []);
const plugins = Array.isArray(enabled) ? enabled : [];
if (!plugins.includes(pluginId)) plugins.push(pluginId);
writeIfChanged(join(vault, '.obsidian', 'community-plugins.json'), JSON.stringify(plugins, null, 2) + '\n', 'enabled plugins');

// 3. Concept notes from the built-in glossary first, so that the sync links new literature notes as it creates them;
//    then the literature notes, through the CLI like any user would; then the concept notes' "mentioned in" lists.
const conceptLines = [];
function concepts(args, what) {
  const r = runCli(['concepts', '--vault', vault, ...args, '--json']);
  if (r.code === 2) return conceptLines.push(`concepts (${what}): failed: ${r.err.trim()}`);
  const out = JSON.parse(r.out);
  conceptLines.push(`concepts (${what}): ${out.updated.length} notes updated${out.conflicts?.length ? `, ${out.conflicts.length} conflicts` : ''}`);
}
concepts(['--glossary'], 'glossary notes');

const sync = runCli(['sync', '--export', join(vault, exportInVault), '--vault', vault, '--json']);
if (sync.code === 2) {
  console.error(sync.err.trim());
  process.exit(2);
}
const report = JSON.parse(sync.out);
const syncLine =
  `sync: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged, ` +
  `${report.conflicts.length} conflicts, ${report.errors.length} errors${report.skipped ? ' (export unchanged since the last sync)' : ''}`;
concepts([], 'links and backlinks');
// 4. "Cited in": each cited paper's note lists the notes that cite it (the plugin then keeps it current).
const cited = runCli(['citations', '--vault', vault, '--export', join(vault, exportInVault), '--json']);
const citedOut = cited.code === 2 ? null : JSON.parse(cited.out);
const citedLine = citedOut
  ? `citations: ${citedOut.citations} citations, ${citedOut.updated.length} "Cited in" sections updated${citedOut.unknownKeys.length ? `, unknown keys: ${citedOut.unknownKeys.join(', ')}` : ''}`
  : `citations: failed: ${cited.err.trim()}`;

console.log(`Zotero Concept Notes demo vault: ${show(vault)}/\n`);
for (const line of done) console.log(`  ${line}`);
console.log(`  ${syncLine}`);
for (const path of report.created) console.log(`    created ${path}`);
for (const path of report.updated) console.log(`    updated ${path}`);
for (const c of report.conflictDetails ?? []) console.log(`    conflict ${c.path}: ${c.reasons.join('; ')}`);
for (const e of report.errors) console.log(`    error ${e.citekey ?? ''} ${e.message}`);
for (const line of conceptLines) console.log(`  ${line}`);
console.log(`\n  What to look at: ${show(vault)}/Literature/weiChainofthoughtPromptingElicits2022.md (summary, annotations in`);
console.log('  colour callouts with page links into Zotero, linked concepts), Literature/yinSurveyMultimodalLarge2024.md (Zotero');
console.log(`  notes with Pandoc citations), Notes/多模态大模型读书笔记.md (a survey note) and Concepts/ (who mentions what).`);
console.log(`  ${citedLine}`);
console.log(`\nOpen ${show(vault)}/ as a vault in Obsidian ("Open folder as vault"); the plugin is installed and enabled.`);
process.exitCode = sync.code;
