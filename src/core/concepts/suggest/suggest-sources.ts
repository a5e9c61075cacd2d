/**
 * Where suggestions come from: the notes in scope (their visible text: link text kept, code, URLs and front matter
 * dropped) and, when given, the papers of the library (title and abstract). Concept notes and other plugins' files
 * are left out: the first already are concepts, the second are not prose.
 */
import type { Pause } from '../../scheduling/time-slicer';
import type { VaultPort } from '../../vault/vault-port';
import { adoptedPaths, loadConceptIndex } from '../load-index';
import { scanZones } from '../markdown-zones';
import type { ConceptSettings } from '../plan-types';
import { pluginFileOwner } from '../plugin-files';
import { listScopeNotes, resolveScope } from '../scope';
import { isInFolder, normalizeVaultPath } from '../../vault/vault-path';
import { suggestConcepts, type ConceptSuggestion, type SuggestionSource, type SuggestOptions } from './suggest-concepts';

/** The visible text of a link written as a hard zone, or null for any other zone. */
function linkText(zone: string): string | null {
  const wiki = /^\[\[([^\]|]*)(?:\\?\|([^\]]*))?\]\]$/.exec(zone);
  if (wiki) return wiki[2] ?? wiki[1];
  const md = /^\[([^\]]*)\]\(/.exec(zone);
  return md ? md[1] : null;
}

/** A note's prose as plain text: protected zones become spaces (links their visible text), emphasis marks go. */
export function noteText(text: string): string {
  const { hard } = scanZones(text);
  let out = '';
  let last = 0;
  for (let h = 0; h < hard.length; h += 2) {
    out += text.slice(last, hard[h]);
    const zone = text.slice(hard[h], hard[h + 1]);
    out += linkText(zone) ?? (zone.includes('\n') ? '\n' : ' ');
    last = hard[h + 1];
  }
  out += text.slice(last);
  return out.replace(/\*+|__|==|~~/g, '');
}

/** A paper of the library, as much of it as suggestions need. */
export interface SuggestionPaper {
  citekey: string;
  title: string;
  abstract: string | null;
}

export function paperSource(paper: SuggestionPaper): SuggestionSource {
  return { id: paper.citekey, kind: 'paper', text: `${paper.title}.\n${paper.abstract ?? ''}` };
}

/** The notes in scope (concept notes and other plugins' files excluded) as suggestion sources. */
export async function noteSources(vault: VaultPort, settings: ConceptSettings, pause?: Pause): Promise<SuggestionSource[]> {
  const concepts = normalizeVaultPath(settings.conceptsFolder);
  const adopted = new Set(adoptedPaths(settings));
  const out: SuggestionSource[] = [];
  for (const path of await listScopeNotes(vault, resolveScope(settings))) {
    if (isInFolder(path, concepts) || adopted.has(path)) continue;
    const paused = pause?.();
    if (paused) await paused;
    const text = await vault.read(path);
    if (text === null || pluginFileOwner(path, text) !== null) continue;
    out.push({ id: path, kind: 'note', text: noteText(text) });
  }
  return out;
}

export interface VaultSuggestions {
  suggestions: ConceptSuggestion[];
  /** How many notes and papers were read. */
  notesRead: number;
  papersRead: number;
}

/**
 * The use case behind `concepts suggest` and the plugin's "Suggest concepts from library" modal: suggestions from
 * the notes in scope and the given papers, each marked with the concept note that already has it.
 */
export async function suggestConceptsFromVault(
  vault: VaultPort,
  settings: ConceptSettings,
  options: SuggestOptions & { papers?: readonly SuggestionPaper[] } = {},
): Promise<VaultSuggestions> {
  const notes = await noteSources(vault, settings, options.pause);
  const papers = (options.papers ?? []).map(paperSource);
  const { index } = await loadConceptIndex(vault, settings);
  const suggestions = await suggestConcepts([...notes, ...papers], index, { minNotes: options.minNotes, pause: options.pause });
  return { suggestions, notesRead: notes.length, papersRead: papers.length };
}
