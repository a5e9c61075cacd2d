/**
 * Creating or updating one paper's note, as "Import paper" does and as "Insert link to literature note" does for a
 * paper without a note: the import use case over the loaded library, and one notice with what the user should know
 * (an edit of theirs that was kept, warnings).
 */
import { joinWarnings } from '../../core/sync';
import type { ImportResult } from '../plugin/core-services';
import { NOTICE_MS } from '../plugin/notices';
import type { PluginController } from '../plugin/plugin-controller';

export async function importPaperNote(controller: PluginController, citekey: string): Promise<ImportResult> {
  const library = await controller.loadLibrary();
  const result = await controller.services.importPaper({ ...controller.context(), ...controller.exportOf(library), citekey });
  const said = [...(result.status === 'conflict' ? [result.message ?? `Your edits in ${result.path} were kept.`] : []), ...result.warnings];
  if (said.length > 0) controller.notices.show('Import paper', joinWarnings(said), NOTICE_MS.result);
  return result;
}
