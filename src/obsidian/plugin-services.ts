/**
 * What the plugin shell needs from the core (sync, notes, concepts), as one narrow interface. Commands, the sync
 * runner and the watchers only call these; `main.ts` builds the implementation (obsidian-services.ts), which loads
 * the heavy core modules on first use. Types only: importing this file costs nothing at start-up.
 */
import type { LibraryReadResult, Paper } from '../core/library/paper';
import type { NoteLanguage } from '../core/notes/i18n';
import type { Settings } from '../core/settings';

export type { NoteLanguage };

export interface SyncProgress {
  done: number;
  total: number;
}

/** The outcome of a sync, as the notice and the status bar show it (the CLI's `--json` shape, plus `flagged`). */
export interface SyncSummary {
  created: string[];
  updated: string[];
  unchanged: number;
  conflicts: string[];
  errors: { citekey?: string | null; path?: string | null; message: string }[];
  /** Notes of papers that left the export, flagged (never deleted). */
  flagged?: string[];
  /** True when the export was unchanged since the last clean sync and nothing was even parsed. */
  skipped?: boolean;
  /** Worth saying, not failures: unreadable export entries, duplicate citekeys, concept alias conflicts. */
  warnings?: string[];
}

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
  /** For a conflict: what was kept. */
  message?: string;
  warnings?: string[];
}

/** A replacement of `[from, to)` (offsets in the text it was computed from) by `text`. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** Concept links for a text being edited: the minimal edits, and the concepts they link. */
export interface TextLinkResult {
  edits: TextEdit[];
  concepts: string[];
}

export interface ConceptLinkResult {
  /** Concepts known (concept notes in the concepts folder). */
  conceptCount: number;
  /** Notes rewritten. */
  updated: string[];
  /** Links added, per note path. */
  links: Record<string, string[]>;
  /** Terms two concept notes share (not linked), as sentences for the user; only those not reported before. */
  newConflicts: string[];
  /** Notes left alone because the user is typing in them (they are linked by a later run). */
  skipped: string[];
  /** Notes that could not be read or written. */
  failed: { path: string; message: string }[];
}

export interface GlossaryOutcome {
  created: string[];
  /** Glossary entries left out (the note exists, or its term belongs to another concept note). */
  skipped: number;
  links: ConceptLinkResult;
}

/** The core operations behind the commands and watchers. */
export interface PluginServices {
  /** Sync every paper of the export into the notes folder, then update concept links of the notes it wrote. */
  syncLibrary(request: SyncRequest): Promise<SyncSummary>;
  /** Create or update one paper's note; the plugin then opens it. */
  importPaper(request: ImportRequest): Promise<ImportResult>;
  /** Citekeys that have a note (from the sync state), for the import modal's "has a note" mark. Cached. */
  notedCitekeys(): Promise<Set<string>>;
  /** A note was deleted or renamed outside a sync: the cached `notedCitekeys` are stale. */
  notesChanged(): void;
  /** One paper as entry `number` of a list in the survey note's style, for "Insert paper summary". */
  renderPaperSummary(paper: Paper, number: number, context: ServiceContext): Promise<string>;
  /** When the last full sync finished (from the sync state), or null. */
  lastSyncedAt(): Promise<Date | null>;
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
}
