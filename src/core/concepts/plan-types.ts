/** The shapes of a concept-link plan: what planConceptLinks computes and applyConceptPlan writes. */
import type { Pause } from '../scheduling/time-slicer';
import type { Settings } from '../settings/settings';
import type { ConceptLanguage, ConceptProblem } from './types';
import type { ConceptLinkState } from './link-state';
import type { AddedLink } from './link-text';
import type { MakeLink } from './link-writer';
import type { RejectedTerm, TermConflict, TermIndex } from './term-index';
import type { UbiquitousConcept } from './ubiquity';

/** The settings a concept run reads. */
export type ConceptSettings = Pick<Settings, 'notesFolder' | 'conceptsFolder' | 'conceptScopeFolders' | 'linkInHeadings'> &
  /* The concept policy: absent means its default (callers that build settings by hand, tests). */
  Partial<Pick<Settings, 'ubiquitousConceptShare' | 'adoptedConcepts' | 'adoptedConceptSections'>>;

export type { ConceptProblem } from './types';

export interface ConceptLinkOptions {
  /**
   * Folders and heading behaviour (`notesFolder`, `conceptsFolder`, `conceptScopeFolders`, `linkInHeadings`), and the
   * concept policy: the share of notes that makes a concept ubiquitous, the user's notes adopted as concept notes.
   */
  settings: ConceptSettings;
  /** Scope folders replacing notes folder + `conceptScopeFolders` (the concepts folder is always included). */
  scopeFolders?: readonly string[];
  /** Notes that must not be rewritten now (the note open in the editor); they are retried by the next run. */
  skipPaths?: readonly string[];
  /**
   * Incremental run: only these notes (created, modified, deleted or renamed, old and new paths) are re-linked, plus
   * the notes a concept-note change affects. Needs a `state` from an earlier run; without one the run is full.
   */
  changedPaths?: readonly string[];
  /** Plan without touching `state` (a copy is used). */
  dryRun?: boolean;
  /** Kept by the caller between runs; updated by the plan to the state the plan leaves the vault in. */
  state?: ConceptLinkState;
  /** Link writer (default: wikilinks). */
  makeLink?: MakeLink;
  /** Language of the concept section's headings (default English). */
  language?: ConceptLanguage;
  /** Called after each note is planned (awaited: the plugin may yield to the UI here). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Awaited between the other steps of a run (concept sections, link lists): the plugin's time slicer. */
  pause?: Pause;
}

export interface PlannedNoteEdit {
  path: string;
  /** The text the plan was computed from, and the text to write. */
  before: string;
  after: string;
  /** Links added to the note's text. */
  links: AddedLink[];
  /** New content of the concept section, when it changes (concept notes only). */
  section: string | null;
}

export interface SkippedNote {
  path: string;
  /** Links that would have been added, and whether the concept section would have changed. */
  links: number;
  section: boolean;
}

export interface ConceptLinkPlan {
  mode: 'full' | 'incremental';
  /** One entry per note to write, in path order. */
  edits: PlannedNoteEdit[];
  /** Concept notes whose section changes. */
  sections: string[];
  conflicts: readonly TermConflict[];
  rejected: readonly RejectedTerm[];
  /** The refused terms this state has not reported before: what a notice should show (the CLI prints `rejected`). */
  newRejected: RejectedTerm[];
  problems: ConceptProblem[];
  skipped: SkippedNote[];
  /** Concepts mentioned by more than the ubiquity share of the notes: suggested for `zcn-link: false`, never switched off. */
  ubiquitous: UbiquitousConcept[];
  /** Concept notes switched off with `zcn-link: false` (their terms are not linked). */
  switchedOff: string[];
  /** Files in scope that belong to another plugin (never linked, never counted), read in this run. */
  otherPluginFiles: { path: string; plugin: string }[];
  /** Notes read and linked (in an incremental run, only those it had to look at). */
  scanned: number;
  state: ConceptLinkState;
  index: TermIndex;
  /** What applyConceptPlan needs to recompute a note that changed since planning. */
  linkOptions: { makeLink?: MakeLink; linkInHeadings: boolean };
}

export interface ConceptApplyOptions {
  /** Re-checked at apply time: these notes are not written (and stay pending in the state). */
  skipPaths?: readonly string[];
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface ConceptApplyResult {
  /** Notes whose text changed. */
  updated: string[];
  /** Per note, the concepts linked (names), in text order. */
  links: Record<string, string[]>;
  /** Notes that had changed since planning and were recomputed from their current text. */
  recomputed: string[];
  skipped: string[];
  failed: ConceptProblem[];
}
