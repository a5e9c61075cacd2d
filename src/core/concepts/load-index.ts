/** Building the term index straight from the vault: for the sync, which links freshly rendered notes. */
import type { Settings } from '../settings/settings';
import type { VaultPort } from '../vault/vault-port';
import { normalizeVaultPath } from '../vault/vault-path';
import type { ConceptProblem } from './types';
import { isHiddenPath } from './scope';
import { buildTermIndex, parseConceptNote, type ConceptDef, type TermIndex } from './term-index';

/** The definitions (name and aliases) of every concept note in `folder`; unreadable front matter is reported. */
export async function readConceptDefs(vault: VaultPort, folder: string): Promise<{ defs: ConceptDef[]; problems: ConceptProblem[] }> {
  const defs: ConceptDef[] = [];
  const problems: ConceptProblem[] = [];
  for (const path of await vault.list(normalizeVaultPath(folder), '.md')) {
    if (isHiddenPath(path)) continue;
    const text = await vault.read(path);
    if (text === null) continue;
    const { def, problem } = parseConceptNote(path, text);
    if (problem) problems.push({ path, message: problem });
    defs.push(def);
  }
  return { defs, problems };
}

/** Read every concept note of `settings.conceptsFolder` and build the index. */
export async function loadConceptIndex(vault: VaultPort, settings: Pick<Settings, 'conceptsFolder'>): Promise<{ index: TermIndex; problems: ConceptProblem[] }> {
  const { defs, problems } = await readConceptDefs(vault, settings.conceptsFolder);
  return { index: buildTermIndex(defs), problems };
}
