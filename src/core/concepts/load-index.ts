/** Building the term index straight from the vault: for the sync, which links freshly rendered notes. */
import type { Settings } from '../settings/settings';
import type { VaultPort } from '../vault/vault-port';
import { isInFolder, normalizeVaultPath } from '../vault/vault-path';
import type { ConceptProblem } from './types';
import { isHiddenPath } from './scope';
import { buildTermIndex, parseConceptNote, type ConceptDef, type TermIndex } from './term-index';

/** Where concept notes live: the concepts folder, plus the user's own notes adopted as concept notes. */
export type ConceptSourceSettings = Pick<Settings, 'conceptsFolder' | 'adoptedConcepts'>;

/** The adopted notes' paths, normalised (those inside the concepts folder are concept notes anyway). */
export function adoptedPaths(settings: ConceptSourceSettings): string[] {
  const folder = normalizeVaultPath(settings.conceptsFolder);
  const out: string[] = [];
  for (const raw of settings.adoptedConcepts ?? []) {
    try {
      const path = normalizeVaultPath(raw);
      if (path.toLowerCase().endsWith('.md') && !isInFolder(path, folder) && !out.includes(path)) out.push(path);
    } catch {
      // Not a vault path: ignored, like a note that is gone (readConceptDefs reports it).
    }
  }
  return out.sort();
}

/** The definitions (name and aliases) of every concept note; unreadable front matter and missing notes are reported. */
export async function readConceptDefs(vault: VaultPort, settings: ConceptSourceSettings): Promise<{ defs: ConceptDef[]; problems: ConceptProblem[] }> {
  const defs: ConceptDef[] = [];
  const problems: ConceptProblem[] = [];
  const paths = (await vault.list(normalizeVaultPath(settings.conceptsFolder), '.md')).filter((p) => !isHiddenPath(p));
  const adopted = adoptedPaths(settings);
  for (const path of [...paths, ...adopted]) {
    const text = await vault.read(path);
    if (text === null) {
      if (adopted.includes(path)) problems.push({ path, message: 'this adopted concept note is gone (renamed or deleted); its concept is not linked' });
      continue;
    }
    const { def, problem } = parseConceptNote(path, text);
    if (problem) problems.push({ path, message: problem });
    defs.push(def);
  }
  return { defs, problems };
}

/** Read every concept note (concepts folder and adopted notes) and build the index. */
export async function loadConceptIndex(vault: VaultPort, settings: ConceptSourceSettings): Promise<{ index: TermIndex; problems: ConceptProblem[] }> {
  const { defs, problems } = await readConceptDefs(vault, settings);
  return { index: buildTermIndex(defs), problems };
}
