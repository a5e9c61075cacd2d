/**
 * "Take Zotero's version of this note's managed parts": the way back from a conflict. On the active literature
 * note, every part the plugin writes (its front-matter keys, a conflicted one too, and its regions) gets Zotero's
 * version again, over the user's edits there; the rest of the note is untouched. The note is open in an editor, so
 * the change goes through it and one undo brings the user's version back.
 */
import type { Plugin, TFile } from 'obsidian';
import { attempt, COMMAND_IDS } from '../plugin/attempt';
import { NOTICE_MS } from '../plugin/notices';
import type { PluginController } from '../plugin/plugin-controller';

/** The citekey in a note's front matter (as Obsidian's metadata cache read it), or null. */
function citekeyOf(plugin: Plugin, file: TFile): string | null {
  const frontmatter: unknown = plugin.app.metadataCache.getFileCache(file)?.frontmatter;
  const citekey = frontmatter !== null && typeof frontmatter === 'object' ? (frontmatter as Record<string, unknown>).citekey : undefined;
  if (typeof citekey === 'number') return String(citekey);
  return typeof citekey === 'string' && citekey !== '' ? citekey : null;
}

/** The notice kind of this command's outcome. */
const TAKE_ZOTERO = "Take Zotero's version";

export function registerTakeZoteroCommand(plugin: Plugin, controller: PluginController): void {
  plugin.addCommand({
    id: COMMAND_IDS.takeZoteroVersion,
    name: "Take Zotero's version of this note's managed parts",
    checkCallback: (checking) => {
      const file = plugin.app.workspace.getActiveFile();
      const citekey = file?.extension === 'md' ? citekeyOf(plugin, file) : null;
      if (!file || citekey === null) return false;
      if (!checking) void takeZoteroVersion(controller, file.path, citekey);
      return true;
    },
  });
}

async function takeZoteroVersion(controller: PluginController, path: string, citekey: string): Promise<void> {
  await attempt(controller.notices, "Taking Zotero's version", async () => {
    const library = await controller.loadLibrary();
    const request = { ...controller.context(), ...controller.exportOf(library), citekey, take: { parts: 'all' as const, path } };
    const result = await controller.services.importPaper(request);
    const said =
      result.status === 'unchanged'
        ? `${result.path} already has Zotero's version of its managed parts.`
        : result.status === 'conflict'
          ? (result.message ?? `Some parts of ${result.path} could not be taken back.`)
          : `Zotero's version of the managed parts of ${result.path} is back. Undo in the editor to get yours again.`;
    controller.notices.show(TAKE_ZOTERO, said, NOTICE_MS.result);
  });
}
