/**
 * A sync limited to some collections ("Collections to sync" in the settings, `--collection` on the command line).
 * Papers outside the scope are left alone: no note is created, updated or flagged for them, and their records in the
 * sync state stay as they were (a note one already has is merged as usual once its paper is in scope). Importing one paper ("Import paper") is not limited: the user
 * asked for that paper.
 *
 * A requested name no collection of the export has is a warning naming the export; when no requested name matches,
 * the sync is refused: syncing nothing, or everything, would not be what was asked. The requested names are folded
 * into the sync state's record of the export (`LastExport.scope`), so a changed scope re-plans an unchanged export.
 */
import { collectionScope } from '../library/collections';
import type { LibraryCollection } from '../library/paper';
import { listSome, plural } from '../text/counts';
import { SyncAbortedError } from './export-safety';

/** What the scope needs of an export: its collections, and the collections of each paper. */
export interface ScopedExport {
  collections: readonly LibraryCollection[];
  entries: readonly { readonly collections: readonly string[] }[];
}

/** The scope a sync ran with, for its report. */
export interface ScopeSummary {
  /** The names asked for, as given. */
  requested: string[];
  /** The collections they matched (paths); their subcollections are in scope too. */
  matched: string[];
  /** Names that matched no collection of the export. */
  unknown: string[];
  /** Papers of the export in scope, and in the export. */
  papers: number;
  total: number;
}

/** The scope of a sync: what the planner asks of each paper, and the key the sync state records. */
export interface SyncScope {
  key: string;
  includes(paper: { readonly collections: readonly string[] }): boolean;
  summary: ScopeSummary;
}

/** The requested names that count: trimmed, blank ones dropped, each once. */
export function requestedCollections(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
}

/**
 * The requested names as the sync state records them: '' for the whole library, else the names (Unicode NFC, in a
 * stable order) as JSON. Compared before the export is read: the same export with another scope is planned again.
 */
export function scopeKey(names: readonly string[]): string {
  const list = requestedCollections(names).map((n) => n.normalize('NFC'));
  return list.length === 0 ? '' : JSON.stringify([...new Set(list)].sort());
}

/** The export's file name, for messages (its whole path is in the settings); several exports are named together. */
function fileName(exportName: string | readonly string[] | undefined): string {
  const names = (typeof exportName === 'string' ? [exportName] : (exportName ?? [])).flatMap((n) => n.split(/[\\/]/).pop() || []);
  return names.length === 0 ? 'the export' : names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function quoted(names: readonly string[]): string {
  return listSome(names.map((n) => `"${n}"`), 5);
}

/** What the export's collections are, to help with a name that matched none. */
function available(read: ScopedExport, file: string): string {
  const top = read.collections.filter((c) => c.parent === null).map((c) => c.path[0]);
  if (top.length === 0) {
    return `${file} has no collections: export the library as BetterBibTeX JSON, or as a .bib with JabRef groups, to sync by collection`;
  }
  return `its collections include ${listSome(top, 6)}`;
}

/** The names matched no collection: what is wrong, and where to look. */
function noneMatch(requested: readonly string[], read: ScopedExport, file: string): string {
  const what = requested.length === 1 ? `The collection to sync, ${quoted(requested)}, is not` : `None of the collections to sync (${quoted(requested)}) is`;
  return `${what} in ${file} (${available(read, file)}). Check "Collections to sync" in the settings, or --collection`;
}

/**
 * The scope of `names` over a read export, with the warnings to give; null scope (and no warning) for none. Throws
 * SyncAbortedError ('unknown-collections') when no name matches a collection of the export.
 */
export function resolveSyncScope(read: ScopedExport, names: readonly string[], exportName?: string | readonly string[]): { scope: SyncScope | null; warnings: string[] } {
  const requested = requestedCollections(names);
  if (requested.length === 0) return { scope: null, warnings: [] };
  const scope = collectionScope(read.collections, requested);
  const file = fileName(exportName);
  if (scope.matched.length === 0) {
    throw new SyncAbortedError('unknown-collections', `${noneMatch(requested, read, file)}; the sync stopped rather than sync nothing or the whole library. Nothing was changed.`);
  }
  const papers = read.entries.reduce((n, e) => (scope.includes(e) ? n + 1 : n), 0);
  const warnings: string[] = [];
  if (scope.unknown.length > 0) {
    const which = scope.unknown.length === 1 ? 'is not a collection' : 'are not collections';
    warnings.push(`${quoted(scope.unknown)} ${which} of ${file}, so only ${quoted(scope.matched)} ${scope.matched.length === 1 ? 'is' : 'are'} synced (${available(read, file)})`);
  }
  if (papers === 0) warnings.push(`The collections to sync (${quoted(scope.matched)}) hold no papers in ${file}.`);
  const summary: ScopeSummary = { requested, matched: scope.matched, unknown: scope.unknown, papers, total: read.entries.length };
  return { scope: { key: scopeKey(requested), includes: (paper) => scope.includes(paper), summary }, warnings };
}

/** "42 of 242 papers, in "Methodology", "SE"": the scope of a report. */
export function scopeText(summary: ScopeSummary): string {
  return `${summary.papers.toLocaleString('en-US')} of ${plural(summary.total, 'paper')}, in ${quoted(summary.matched)}`;
}

/**
 * The settings tab's check of "Collections to sync" against the library: how many papers are in scope, and the
 * names that are no collection of it.
 */
export function describeScope(read: ScopedExport, names: readonly string[], exportName?: string | readonly string[]): { kind: 'ok' | 'warning' | 'error'; text: string } {
  if (requestedCollections(names).length === 0) return { kind: 'ok', text: `The whole library: ${plural(read.entries.length, 'paper')}.` };
  const requested = requestedCollections(names);
  if (collectionScope(read.collections, requested).matched.length === 0) {
    return { kind: 'error', text: `${noneMatch(requested, read, fileName(exportName))}: syncing stops until one is.` };
  }
  const { scope, warnings } = resolveSyncScope(read, names, exportName);
  const text = scope ? `In scope: ${scopeText(scope.summary)}.` : '';
  return { kind: warnings.length > 0 ? 'warning' : 'ok', text: [text, ...warnings].join(' ') };
}
