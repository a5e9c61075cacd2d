/**
 * Links as the user's Obsidian writes them. The concept engine asks a `MakeLink` for every link it adds (in notes
 * and in concept sections); this one uses `FileManager.generateMarkdownLink`, which follows the "Use [[Wikilinks]]"
 * and "New link format" settings, always with the surface text as the display text so the note reads as before.
 */
import type { App } from 'obsidian';
import { wikilinkMaker, type MakeLink } from '../core/concepts/link-writer';

export function obsidianMakeLink(app: App): MakeLink {
  // A note not (yet) in Obsidian's index cannot be passed to generateMarkdownLink: a plain wikilink still resolves.
  const fallback = wikilinkMaker();
  return (target, surface, sourcePath) => {
    const file = app.vault.getFileByPath(target);
    if (!file) return fallback(target, surface, sourcePath);
    const link = app.fileManager.generateMarkdownLink(file, sourcePath, undefined, surface);
    return link === `[[${surface}|${surface}]]` ? `[[${surface}]]` : link;
  };
}
