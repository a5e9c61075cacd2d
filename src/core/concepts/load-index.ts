/** Building the term index straight from the vault: for the sync, which links freshly rendered notes. */
import type { Settings } from '../settings';
import type { VaultPort } from '../vault/vault-port';
import { normalizeVaultPath } from '../vault/vault-path';
import type { ConceptProblem } from './plan-types';
import { isHiddenPath } from './scope';
import { buildTermIndex, parseConceptNote, type ConceptDef, type TermIndex } from './term-index';

/** Read every concept note of `settings.conceptsFolder` and build the index. Unreadable front matter is reported. */
export async function loadConceptIndex(vault: VaultPort, settings: Pick<Settings, 'conceptsFolder'>): Promise<{ index: TermIndex; problems: ConceptProblem[] }> {
  const defs: ConceptDef[] = [];
  const problems: ConceptProblem[] = [];
  for (const path of await vault.list(normalizeVaultPath(settings.conceptsFolder), '.md')) {
    if (isHiddenPath(path)) continue;
    const text = await vault.read(path);
    if (text === null) continue;
    const { def, problem } = parseConceptNote(path, text);
    if (problem) problems.push({ path, message: problem });
    defs.push(def);
  }
  return { index: buildTermIndex(defs), problems };
}
