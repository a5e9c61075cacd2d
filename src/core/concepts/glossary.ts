/**
 * Concept notes from the built-in glossary: rendering one, and creating the missing ones in the concepts folder
 * without ever overwriting a note or adding a term another concept note already claims.
 */
import { stringify } from 'yaml';
import { wrapRegion } from '../text/managed-region';
import { FileExistsError, type VaultPort } from '../vault/vault-port';
import { joinVaultPath } from '../vault/vault-path';
import { GLOSSARY, type GlossaryEntry } from './glossary-data';
import { CONCEPT_SECTION_ID } from './markdown-zones';
import { readConceptDefs, type ConceptSourceSettings } from './load-index';
import { OwnNotes } from './own-notes';
import { foldKey, rejectTerm } from './term-rules';
import type { ConceptLanguage } from './types';

export type { ConceptLanguage } from './types';

/**
 * The text of a new concept note: front matter (`aliases`, `tags: [concept]`, serialised by the yaml library), the
 * definition in `language` followed by the other language, and an empty concept section for the linker to fill.
 */
export function renderConceptNote(entry: GlossaryEntry, language: ConceptLanguage = 'en'): string {
  const frontMatter = stringify({ aliases: entry.aliases, tags: ['concept'] });
  const [first, second] = language === 'zh' ? [entry.zh, entry.en] : [entry.en, entry.zh];
  const definitions = [first, second].filter((d) => d.trim() !== '').map((d) => `${d}\n\n`).join('');
  return `---\n${frontMatter}---\n\n${definitions}${wrapRegion(CONCEPT_SECTION_ID, '')}\n`;
}

export interface GlossaryResult {
  /** Paths of the notes written. */
  created: string[];
  /** Entries left out: the note exists, or another concept note already uses one of its terms. */
  skipped: { name: string; reason: string }[];
  /**
   * The user's own notes adopted as concept notes instead of creating a second note of that name: the caller adds
   * their paths to `settings.adoptedConcepts` (see withAdopted). `matched` is the name or alias the note is named
   * after; `aliases` are the glossary's other terms, which the user may add to the note's `aliases`.
   */
  adopted: AdoptedNote[];
}

export interface AdoptedNote {
  name: string;
  path: string;
  matched: string;
  aliases: string[];
}

export interface GlossaryOptions {
  language?: ConceptLanguage;
  /** The entries to create (default: the whole built-in glossary). */
  entries?: readonly GlossaryEntry[];
}

function termKeys(terms: readonly string[]): string[] {
  return terms.filter((t) => rejectTerm(t) === null).map((t) => foldKey(t.trim()));
}

/** The adopted-note list with `adopted` added (settings are the caller's to save). */
export function withAdopted(current: readonly string[] | undefined, adopted: readonly AdoptedNote[]): string[] {
  return [...new Set([...(current ?? []), ...adopted.map((a) => a.path)])].sort();
}

/**
 * Create the glossary's concept notes that are missing from `settings.conceptsFolder`. A note that exists (same
 * name, any case) is never touched, and an entry whose name or alias an existing concept note already uses is
 * skipped, so the glossary never creates a conflict with the user's own concepts. A note of the user's elsewhere in
 * the vault that is named like the entry or one of its aliases (their own `Transformer.md`) is adopted as the
 * concept note instead: a second note of that name would make their existing links ambiguous.
 */
export async function createGlossaryNotes(vault: VaultPort, settings: ConceptSourceSettings, options: GlossaryOptions = {}): Promise<GlossaryResult> {
  const folder = settings.conceptsFolder;
  const existing = await vault.list(folder, '.md');
  const existingPaths = new Set(existing.map((p) => p.toLowerCase()));
  const claimed = new Map<string, string>();
  for (const def of (await readConceptDefs(vault, settings)).defs) {
    for (const key of termKeys([def.name, ...def.aliases])) if (!claimed.has(key)) claimed.set(key, def.path);
  }
  const ownNotes = await OwnNotes.read(vault, folder);
  const result: GlossaryResult = { created: [], skipped: [], adopted: [] };
  for (const entry of options.entries ?? GLOSSARY) {
    const path = joinVaultPath(folder, `${entry.name}.md`);
    if (existingPaths.has(path.toLowerCase()) || (await vault.exists(path))) {
      result.skipped.push({ name: entry.name, reason: `${path} exists` });
      continue;
    }
    const keys = termKeys([entry.name, ...entry.aliases]);
    const taken = keys.find((k) => claimed.has(k));
    if (taken !== undefined) {
      result.skipped.push({ name: entry.name, reason: `"${taken}" is already a term of ${claimed.get(taken)}` });
      continue;
    }
    const own = await ownNotes.forEntry(entry);
    if (own.kind === 'adopt') {
      result.adopted.push({ name: entry.name, path: own.path, matched: own.matched, aliases: [entry.name, ...entry.aliases].filter((t) => t !== own.matched) });
      for (const k of keys) claimed.set(k, own.path);
      continue;
    }
    if (own.kind === 'skip') {
      result.skipped.push({ name: entry.name, reason: own.reason });
      continue;
    }
    try {
      await vault.create(path, renderConceptNote(entry, options.language));
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
      result.skipped.push({ name: entry.name, reason: `${path} exists` });
      continue;
    }
    existingPaths.add(path.toLowerCase());
    for (const k of keys) claimed.set(k, path);
    result.created.push(path);
  }
  return result;
}
