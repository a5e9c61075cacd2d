/** Load the note template the settings name: a vault file, or the built-in template when none is set. */
import type { Settings } from '../settings/settings';
import { normalizeVaultPath } from '../vault/vault-path';
import type { VaultPort } from '../vault/vault-port';
import { defaultNoteTemplate } from './default-template';
import { compileTemplate, TemplateError, type CompiledTemplate } from './template';
import { errorMessage } from '../text/error-message';

/**
 * The compiled note template. `noteTemplatePath` is a vault path; like Obsidian's own template settings it may
 * leave out `.md`. Throws TemplateError when the file is missing or does not compile (nothing should be written).
 */
export async function loadNoteTemplate(vault: VaultPort, settings: Pick<Settings, 'noteTemplatePath'>): Promise<CompiledTemplate> {
  const raw = settings.noteTemplatePath.trim();
  if (raw === '') return defaultNoteTemplate();
  let path: string;
  try {
    path = normalizeVaultPath(raw);
  } catch (e) {
    throw new TemplateError(raw, null, errorMessage(e));
  }
  const candidates = /\.[a-z0-9]+$/i.test(path) ? [path] : [`${path}.md`, path];
  for (const candidate of candidates) {
    const text = await vault.read(candidate);
    if (text !== null) return compileTemplate(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), candidate);
  }
  throw new TemplateError(raw, null, 'the note template file was not found in the vault');
}
