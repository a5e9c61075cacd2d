/**
 * What a merge takes (the fresh render, the options) and gives (the merged text, its conflicts and hashes), shared by
 * its two halves: the front matter (merge-note.ts) and the body's regions (merge-regions.ts). In a module of its own
 * so that neither half imports the other for them (they formed an import cycle).
 */
import type { WrittenHashes } from './types';

/** One managed front-matter key of a rendered note. */
export interface ManagedEntry {
  key: string;
  value: unknown;
  /** The key's whole YAML block as the renderer serialises it (`key: value` or `key:\n  - a`), LF line ends. */
  yaml: string;
}

/** What the renderer produced, in the shape the merge needs. */
export interface FreshNote {
  /** Managed keys in the renderer's order. A managed key missing here is removed from the note (if unedited). */
  entries: ManagedEntry[];
  /** Managed region contents (LF), by region id, in body order. */
  regions: { id: string; content: string }[];
  /**
   * Every region id the template has, rendered or not for this paper. A declared region the render left out (the
   * paper has no annotations any more) is removed from the note when the user did not touch it.
   */
  declared?: readonly string[];
}

export interface MergeOptions {
  /** Hashes of what the plugin last wrote, or null when unknown (state lost): then only identical content is adopted. */
  recorded: WrittenHashes | null;
  /** Every key the plugin may own (to know which absent keys to remove). */
  managedKeys: readonly string[];
  /** Keys set when the note is created and then left to the user (the import `date`, `categories`). */
  createOnlyKeys: ReadonlySet<string>;
  /** The front-matter key flagging a paper that left the export, and whether to set (with its value) or clear it. */
  removedFlag?: { key: string; value: string | null };
  /**
   * Parts (managed keys and region ids) whose fresh content replaces whatever the note has, edits included: the
   * user asked for Zotero's version ("all": every managed part). A taken key the note lacks is added back; a
   * deleted region is not (where it would go is unknown).
   */
  take?: 'all' | ReadonlySet<string>;
}

/** Whether the user asked for Zotero's version of `part` (a managed key or a region id). */
export function takesPart(opts: MergeOptions, part: string): boolean {
  return opts.take === 'all' || (opts.take?.has(part) ?? false);
}

export interface MergeResult {
  text: string;
  changed: boolean;
  /** One line per thing left alone because the user changed it or it could not be read. */
  conflicts: string[];
  /** The hashes to record for this note now. */
  written: WrittenHashes;
}
