/**
 * Links as the user's Obsidian writes them. The concept engine asks a `MakeLink` for every link it adds (in notes
 * and in concept sections); this one uses `FileManager.generateMarkdownLink`, which follows the "Use [[Wikilinks]]"
 * and "New link format" settings, always with the surface text as the display text so the note reads as before.
 */
import type { App } from 'obsidian';
import type { MakeLink } from '../../core/concepts';

/** `fallback` makes the link of a note not (yet) in Obsidian's index, which generateMarkdownLink cannot take. */
export function obsidianMakeLink(app: App, fallback: MakeLink): MakeLink {
  return (target, surface, sourcePath) => {
    const file = app.vault.getFileByPath(target);
    if (!file) return fallback(target, surface, sourcePath);
    const link = app.fileManager.generateMarkdownLink(file, sourcePath, undefined, surface);
    return link === `[[${surface}|${surface}]]` ? `[[${surface}]]` : link;
  };
}
