/**
 * How a link is written. The engine calls a `MakeLink` for every link it adds, so the plugin can pass Obsidian's
 * `fileManager.generateMarkdownLink` (which follows the user's link settings); the CLI and tests use wikilinks.
 */
import { vaultBasename } from '../vault/vault-path';

/**
 * Write a link to the note at vault path `target` (e.g. "Concepts/ICL.md") showing `surface`, for a link placed in
 * the note at `sourcePath`. Must return text whose only visible text is `surface`.
 */
export type MakeLink = (target: string, surface: string, sourcePath: string) => string;

/** The link text of a note path: its file name without ".md". */
export function linkName(path: string): string {
  return vaultBasename(path).replace(/\.md$/i, '');
}

/**
 * Wikilinks: `[[ICL]]` when the surface is the file name, else `[[ICL|in-context learning]]`. File names listed in
 * `ambiguous` (lower case: several notes share them) are written as a path, `[[Concepts/ICL|…]]`, so they resolve.
 */
export function wikilinkMaker(ambiguous: ReadonlySet<string> = new Set()): MakeLink {
  // Per target, its link target and the last link made: a full rebuild writes the same link to a note (its title
  // as surface) in each of the concept sections listing it, and the same surface of a concept in many notes.
  const targets = new Map<string, { linkTarget: string; surface: string; link: string }>();
  return (target, surface) => {
    let cached = targets.get(target);
    if (cached === undefined) {
      const name = linkName(target);
      const linkTarget = ambiguous.has(name.toLowerCase()) ? target.replace(/\.md$/i, '') : name;
      cached = { linkTarget, surface: '', link: '' };
      targets.set(target, cached);
    }
    if (cached.link === '' || cached.surface !== surface) {
      const linkTarget = cached.linkTarget;
      cached.surface = surface;
      // Joined: a flat string, copied as a block into each section listing the note (a concatenation is a rope).
      cached.link = (surface === linkTarget ? ['[[', linkTarget, ']]'] : ['[[', linkTarget, '|', surface, ']]']).join('');
    }
    return cached.link;
  };
}

/** The default link writer: plain wikilinks. */
export const defaultMakeLink: MakeLink = wikilinkMaker();

/** Inside a table row an unescaped "|" would end the cell: escape it as "\|" (Obsidian reads `[[a\|b]]`). */
export function escapeTablePipes(link: string): string {
  let out = '';
  for (let i = 0; i < link.length; i++) {
    const ch = link[i];
    if (ch === '|' && link[i - 1] !== '\\') out += '\\|';
    else out += ch;
  }
  return out;
}

/** A title made safe as the visible part of a wikilink: no brackets, pipes or line breaks. */
export function safeLinkText(title: string): string {
  return title.replace(/[[\]]/g, (b) => (b === '[' ? '(' : ')')).replace(/\|/g, '/').replace(/\s+/g, ' ').trim();
}
