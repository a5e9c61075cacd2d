/**
 * What a sync plan is made from (see plan-sync.ts). In a module of its own because both the run over the export
 * (plan-sync.ts) and the planner of each note (note-planner.ts) take it, and the one imports the other.
 */
import type { Paper } from '../library/paper';
import type { PaperKey, PaperSource } from '../library/library-index';
import type { NoteLanguage } from '../notes/i18n';
import type { Pause } from '../scheduling/time-slicer';
import type { Settings } from '../settings/settings';
import type { VaultPort } from '../vault/vault-port';
import type { TemplateInput } from './note-renderer';
import type { TakeZoteroVersion } from './plan-parts';
import type { NoteLinker } from './sync-plan';
import type { SyncState } from './sync-state';

export interface PlanSyncInput {
  /** The export's papers: keys and hashes at once, whole papers when they must be rendered. */
  source?: PaperSource;
  /** Or the papers themselves (tests, small libraries). */
  papers?: readonly Paper[];
  vault: VaultPort;
  settings: Settings;
  /** The loaded state, or null when there is none yet. */
  state: SyncState | null;
  now: Date;
  /** Headings language of the default template (the `auto` setting already resolved). */
  language: NoteLanguage;
  /** A custom note template (its source and a name for errors); omitted: the built-in one. */
  template?: TemplateInput;
  /** Applied to the text of each note rendered (new notes, and notes whose paper or renderer changed). */
  linker?: NoteLinker;
  /** Sync only these citekeys (an import): no paper is flagged as removed and the export's figures are kept. */
  only?: readonly string[];
  /**
   * Sync only the papers of some collections (sync-scope.ts): the others are left alone, neither planned nor flagged
   * as removed, and the scope's key is recorded with the export.
   */
  scope?: { key: string; includes(paper: PaperKey): boolean };
  /** Hash of the export text, recorded for the unchanged-export fast path (see sync-export.ts). */
  exportHash?: string;
  /** False when some entries of the export could not be read (the unchanged-export fast path then stays off). */
  exportClean?: boolean;
  /** Citekeys of export entries that could not be read: still in Zotero, so their notes are not flagged as removed. */
  unreadable?: readonly string[];
  /** Citekeys in another export, or whose export was not read this time (several exports): not flagged either. */
  present?: readonly string[];
  /** The key of the export each paper is synced from, recorded with its note (see several-exports.ts). */
  exportOf?: (citekey: string) => string | undefined;
  /** The shrink check was done by the caller, per export (several exports) or against a better baseline. */
  shrinkChecked?: boolean;
  /** The device syncing (see LastExport.device); recorded with the export of a full sync. */
  device?: string;
  /** Plan every paper from its note, trusting nothing recorded about the note (`--force`). */
  force?: boolean;
  /** Take Zotero's version of these parts of this paper's note, whatever the user changed there. */
  take?: TakeZoteroVersion;
  /** Reads in flight at once. */
  concurrency?: number;
  /** Awaited after every paper (the plugin's time slicer yields to the event loop there when its slice is used up). */
  pause?: Pause;
}
