/**
 * What the plugin needs from the core (sync, notes, concepts), as one narrow interface. The plugin shell only
 * calls these; `main.ts` decides which implementation it gets. Until a core feature is wired, its method rejects
 * with FeatureUnavailableError and the command tells the user so.
 */
import type { LibraryReadResult, Paper } from '../core/library/paper';
import type { Settings } from '../core/settings';
import type { VaultPort } from '../core/vault/vault-port';

/** Headings language with `auto` already resolved from Obsidian's language. */
export type NoteLanguage = 'en' | 'zh';

export interface SyncProgress {
  done: number;
  total: number;
}

/** The outcome of a sync, as the notice and the status bar show it (the CLI's `--json` shape). */
export interface SyncSummary {
  created: string[];
  updated: string[];
  unchanged: number;
  conflicts: string[];
  errors: { citekey?: string | null; path?: string | null; message: string }[];
  /** True when the export was unchanged since the last clean sync and nothing was even parsed. */
  skipped?: boolean;
}

/** Everything a core operation gets from the plugin. */
export interface ServiceContext {
  /** The vault (ObsidianVault in the plugin). */
  vault: VaultPort;
  settings: Settings;
  language: NoteLanguage;
  now: Date;
  /** Let Obsidian paint between batches, so a 10,000-paper sync does not freeze the window. */
  yieldToUi(): Promise<void>;
}

export interface SyncRequest extends ServiceContext {
  /** The settled export text, exactly as read. */
  exportText: string;
  /** That text already parsed by the library cache, when it is (saves a second parse). */
  library: LibraryReadResult | null;
  onProgress(progress: SyncProgress): void;
}

export interface ImportRequest extends ServiceContext {
  exportText: string;
  library: LibraryReadResult;
  citekey: string;
}

export interface ImportResult {
  path: string;
  status: 'created' | 'updated' | 'unchanged' | 'conflict';
  message?: string;
}

export interface ConceptLinkResult {
  /** Notes rewritten. */
  updated: string[];
  /** Links added, per note path. */
  links: Record<string, string[]>;
  conflicts: string[];
}

/** The core operations behind the commands. Each may be missing in a build (FeatureUnavailableError). */
export interface PluginServices {
  /** Sync every paper of the export into the notes folder. */
  syncLibrary(request: SyncRequest): Promise<SyncSummary>;
  /** Create or update one paper's note; the plugin then opens it. */
  importPaper(request: ImportRequest): Promise<ImportResult>;
  /** Citekeys that already have a note (for the import modal's "has a note" mark). */
  notedCitekeys(context: ServiceContext): Promise<Set<string>>;
  /** One paper as a list entry in the survey note's style, for "Insert paper summary". */
  renderPaperSummary(paper: Paper, context: ServiceContext): string;
  /** When the last sync finished (from the sync state), or null. */
  lastSyncedAt(context: ServiceContext): Promise<Date | null>;
  /** Link concepts in one note. */
  linkConceptsInNote(context: ServiceContext & { path: string }): Promise<ConceptLinkResult>;
  /** Link concepts in every note of the scope. */
  rebuildConceptLinks(context: ServiceContext & { onProgress(progress: SyncProgress): void }): Promise<ConceptLinkResult>;
  /** Create concept notes from the built-in glossary; returns the paths created. */
  createConceptNotesFromGlossary(context: ServiceContext): Promise<string[]>;
}

/** A core feature this build does not have yet. */
export class FeatureUnavailableError extends Error {
  constructor(readonly feature: string) {
    super(`${feature} is not available in this build yet.`);
    this.name = 'FeatureUnavailableError';
  }
}

function unavailable(feature: string): () => Promise<never> {
  return () => Promise.reject(new FeatureUnavailableError(feature));
}

/**
 * Placeholders for the core operations that are not wired yet. Each rejects (or throws) with
 * FeatureUnavailableError, which the commands turn into a notice. The lead replaces these one by one.
 */
export function unavailableServices(): PluginServices {
  return {
    syncLibrary: unavailable('Sync library'),
    importPaper: unavailable('Import paper'),
    notedCitekeys: () => Promise.resolve(new Set<string>()),
    renderPaperSummary: () => {
      throw new FeatureUnavailableError('Insert paper summary');
    },
    lastSyncedAt: () => Promise.resolve(null),
    linkConceptsInNote: unavailable('Link concepts in current note'),
    rebuildConceptLinks: unavailable('Rebuild concept links'),
    createConceptNotesFromGlossary: unavailable('Create concept notes from glossary'),
  };
}
