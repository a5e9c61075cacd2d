/**
 * The user's own notes outside the concepts folder, by file name, for the glossary: a note named like a glossary
 * entry (or one of its aliases) is adopted as that concept's note rather than shadowed by a second note of the same
 * name (a second `Transformer.md` made 27 of a user's existing links ambiguous, issue 11).
 */
import type { VaultPort } from '../vault/vault-port';
import { isInFolder, normalizeVaultPath } from '../vault/vault-path';
import { readFrontMatterFields } from './front-matter';
import type { GlossaryEntry } from './glossary-data';
import { linkName } from './link-writer';
import { pluginFileOwner } from './plugin-files';
import { isHiddenPath } from './scope';
import { shapeTerm } from './term-rules';

export type OwnNoteDecision =
  | { kind: 'none' }
  | { kind: 'adopt'; path: string; matched: string }
  | { kind: 'skip'; reason: string };

export class OwnNotes {
  private constructor(
    private readonly vault: VaultPort,
    /** Lower-case file name (without .md) → the notes of that name. */
    private readonly byName: Map<string, string[]>,
  ) {}

  /** Index every Markdown note of the vault outside `conceptsFolder` (hidden folders excluded) by file name. */
  static async read(vault: VaultPort, conceptsFolder: string): Promise<OwnNotes> {
    const folder = normalizeVaultPath(conceptsFolder);
    const byName = new Map<string, string[]>();
    for (const path of await vault.list('', '.md')) {
      if (isHiddenPath(path) || isInFolder(path, folder)) continue;
      const name = linkName(path).toLowerCase();
      const list = byName.get(name);
      if (list) list.push(path);
      else byName.set(name, [path]);
    }
    return new OwnNotes(vault, byName);
  }

  /**
   * What to do for a glossary entry: adopt the one note named like it (its name first, then an alias), skip the entry
   * when that name is shared by several notes or belongs to a literature note or another plugin's file, or create it.
   */
  async forEntry(entry: GlossaryEntry): Promise<OwnNoteDecision> {
    for (const term of [entry.name, ...entry.aliases]) {
      const notes = this.byName.get(term.toLowerCase()) ?? [];
      if (notes.length === 0) continue;
      const isName = term === entry.name;
      if (notes.length > 1) {
        return isName ? { kind: 'skip', reason: `${notes.length} notes are already named "${term}" (${notes.join(', ')})` } : { kind: 'none' };
      }
      // An acronym is its letter case: "moe.md" may be about something else than MoE (萌え), so it is not adopted; nor
      // is a second MoE.md made beside it, which would make [[moe]] links ambiguous on case-insensitive disks.
      if (shapeTerm(term).caseMask !== null && linkName(notes[0]) !== term) {
        if (isName) return { kind: 'skip', reason: `your note ${notes[0]} has this name in another letter case; rename it to ${term}.md to make it this concept's note` };
        continue;
      }
      const text = (await this.vault.read(notes[0])) ?? '';
      const literature = readFrontMatterFields(text, ['citekey']).values.get('citekey');
      if (pluginFileOwner(notes[0], text) !== null || (literature !== undefined && literature !== null)) {
        if (isName) return { kind: 'skip', reason: `${notes[0]} already has this name and is not a note to adopt` };
        continue;
      }
      return { kind: 'adopt', path: notes[0], matched: term };
    }
    return { kind: 'none' };
  }
}
