/**
 * What the plugin shell needs from the core (sync, notes, concepts), as one narrow interface. Commands, the sync
 * scheduler and the watchers only call these; `main.ts` builds the implementation (lazy-core-services.ts), which
 * loads the heavy core modules on first use. Types only: importing this file costs nothing at start-up.
 */
import type { App } from 'obsidian';
import type { CitedInResult } from '../../core/citations';
import type { ConceptLinkResult, ConceptSuggestion, GlossaryOutcome, SuggestionPaper, TextLinkResult, VaultSuggestions } from '../../core/concepts';
import type { Paper } from '../../core/library';
import type { CitationRenderer, NoteLanguage } from '../../core/notes';
import type { Settings } from '../../core/settings';
import type { ImportStatus, SyncExportSource, SyncProgress, SyncStateHead, SyncSummary, TakeZoteroVersion } from '../../core/sync';

/** Everything a core operation gets from the plugin at the moment it runs. */
export interface ServiceContext {
  settings: Settings;
  /** Headings language with `auto` already resolved from Obsidian's language. */
  language: NoteLanguage;
  now: Date;
  /**
   * The note open in the active editor, where the user types. Concept runs leave it alone (its links wait for a
   * later run, or for "Link concepts in current note"); a sync updates it, through its editor like any open note.
   */
  activePath: string | null;
  /** This device's id (see DeviceStore), recorded in the sync state with the export it synced. */
  device: string;
}

/**
 * The exports a sync or an import works on, in the order of the settings: each with its path (named in messages),
 * its fingerprint (an export the last sync read is skipped on it alone) and its reader, asked for only when the
 * sync cannot be skipped. `exportHash`: the fingerprint of them all (for logs and tests).
 */
export interface ExportRequest {
  exportHash: string;
  exports: SyncExportSource[];
}

export interface SyncRequest extends ServiceContext, ExportRequest {
  /** The export changed (no one asked): skipped when another device synced this export already. */
  automatic: boolean;
  onProgress(progress: SyncProgress): void;
}

export interface ImportRequest extends ServiceContext, ExportRequest {
  citekey: string;
  /** Take Zotero's version of these parts of the note, over the user's edits. */
  take?: Omit<TakeZoteroVersion, 'citekey'>;
}

export interface ImportResult {
  path: string;
  status: ImportStatus;
  /** For a conflict: what was kept. */
  message?: string;
  warnings: string[];
}

/** The core operations behind the commands and watchers. */
export interface CoreServices {
  /** Sync every paper of the export into the notes folder, then update concept links of the notes it wrote. */
  syncLibrary(request: SyncRequest): Promise<SyncSummary>;
  /** Create or update one paper's note (throws when it cannot); the plugin then opens it. */
  importPaper(request: ImportRequest): Promise<ImportResult>;
  /** Citekeys that have a note (from the sync state), for the import modal's "has a note" mark. Cached. */
  notedCitekeys(): Promise<Set<string>>;
  /** A note was deleted or renamed outside a sync: the cached `notedCitekeys` are stale. */
  notesChanged(): void;
  /** One paper as entry `number` of a list in the survey note's style, for "Insert paper summary". */
  renderPaperSummary(paper: Paper, number: number, context: ServiceContext): Promise<string>;
  /**
   * What the last full sync read (the sync state's head): each export's fingerprint and papers, when; or null.
   */
  syncHead(): Promise<SyncStateHead | null>;
  /** Concept links for `text`, the current content of the note at `path` (applied by the editor, not the vault). */
  linkConceptsInText(text: string, path: string, context: ServiceContext): Promise<TextLinkResult>;
  /** Link concepts in every note of the scope, from scratch. */
  rebuildConceptLinks(context: ServiceContext, onProgress: (progress: SyncProgress) => void): Promise<ConceptLinkResult>;
  /** Create the missing concept notes of the built-in glossary, then rebuild the links. */
  createConceptNotesFromGlossary(context: ServiceContext, onProgress: (progress: SyncProgress) => void): Promise<GlossaryOutcome>;
  /** Notes changed (concept notes, renamed or deleted notes): update the links they affect. Null: nothing to do. */
  updateConceptLinks(changedPaths: readonly string[], context: ServiceContext): Promise<ConceptLinkResult | null>;
  /** A concept note changed and its update is still to come: the sync must not link new notes with the old terms. */
  markConceptsChanged(): void;
  /** Terms defined in the notes in scope and in `papers`, used in at least `minNotes` notes and papers. Writes nothing. */
  suggestConcepts(context: ServiceContext, papers: readonly SuggestionPaper[], minNotes: number): Promise<VaultSuggestions>;
  /** Create the concept notes of the suggestions the user chose (adopting their own notes of those names), then link. */
  acceptConceptSuggestions(chosen: readonly ConceptSuggestion[], context: ServiceContext, onProgress: (progress: SyncProgress) => void): Promise<GlossaryOutcome>;
  /** The citation template of the settings, compiled (cached while the template and language stay); throws for a bad one. */
  citationRenderer(context: ServiceContext): Promise<CitationRenderer>;
  /**
   * Update the "Cited in" sections the changed notes affect (null: every section, reading the whole vault), with the
   * library's citekeys when loaded (a cited key in neither the library nor a note is reported as unknown).
   */
  updateCitedIn(
    changedPaths: readonly string[] | null,
    context: ServiceContext,
    libraryKeys: { has(citekey: string): boolean } | null,
    onProgress?: (progress: SyncProgress) => void,
  ): Promise<CitedInResult>;
  /** Literature notes whose "Cited in" section waits for the user to leave the editor they are typing in. */
  citedInWaitsForEditor(): boolean;
}

/** What the services are built over. */
export interface CoreServiceDeps {
  app: App;
}
