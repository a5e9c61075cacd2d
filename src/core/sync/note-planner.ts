/**
 * The plan being built, one paper's note at a time: create, update, unchanged, conflict or error for each paper,
 * the paths of new notes (given together, so colliding citekeys get distinct files), and the removed flag for the
 * notes of papers that left the export. Reads the vault, never writes it. plan-sync.ts runs it over the export.
 */
import type { Paper } from '../library/paper';
import type { PaperKey } from '../library/library-index';
import { takenPathKeys } from '../notes/file-name';
import { DateFormatError } from '../notes/front-matter';
import { TemplateError } from '../notes/template';
import { errorMessage } from '../text/error-message';
import { findLeftovers } from './leftover-note';
import { hashesOfFresh, mergeNote, type WrittenHashes } from './merge-note';
import { regionHashEntries } from './merge-regions';
import { statOf, unchangedNoteRecord, withNoteText } from './note-check';
import { NoteLocator } from './note-locator';
import { createSyncRenderer, type RenderedForSync, type SyncRenderer } from './note-renderer';
import { isoDate, mergeOptions, noteState, partsToTake, regionsOf } from './plan-parts';
import type { PlanSyncInput } from './plan-sync-input';
import type { FlagAction, SyncAction } from './sync-plan';
import { emptySyncState, noteMap, type NoteSyncState, type SyncState } from './sync-state';

/** A new note waiting for its path. Only its text and hashes are kept: 10,000 full renders would weigh on memory. */
interface PendingCreate {
  index: number;
  paper: Paper;
  text: string;
  written: WrittenHashes;
  importedAt: string;
  hash: string;
}

export class NotePlanner {
  readonly actions: SyncAction[] = [];
  readonly creates: PendingCreate[] = [];
  readonly warnings: string[] = [];
  readonly next: SyncState;
  private readonly prev: SyncState;
  private readonly locator: NoteLocator;
  private readonly renderer: SyncRenderer;

  constructor(private readonly input: PlanSyncInput) {
    this.prev = input.state ?? emptySyncState();
    this.renderer = createSyncRenderer(input.settings, input.language, input.template);
    // A partial sync (import) leaves the render key alone: the other notes were rendered with the old one.
    this.next = { ...this.prev, renderKey: input.only ? this.prev.renderKey : this.renderer.key, notes: noteMap(this.prev.notes) };
    this.locator = new NoteLocator(input.vault, input.settings.notesFolder, input.concurrency ?? 16, input.pause);
  }

  /** Where the paper's note is now, and its text; null when it has none. `preferred`: the note the user pointed at. */
  private async locate(citekey: string, known: NoteSyncState | undefined, preferred?: string): Promise<{ path: string; text: string } | null> {
    if (preferred !== undefined) {
      const text = await this.locator.readNoteOf(preferred, citekey);
      if (text !== null) return { path: preferred, text };
    }
    if (known) {
      const text = await this.locator.readNoteOf(known.path, citekey);
      if (text !== null) return { path: known.path, text };
    }
    const found = await this.locator.find(citekey, known !== undefined);
    if (found.length === 0) return null;
    if (found.length > 1) this.warnings.push(`${found.length} notes name citekey "${citekey}" (${found.join(', ')}): only ${found[0]} is synced`);
    const text = await this.input.vault.read(found[0]);
    return text === null ? null : { path: found[0], text };
  }

  /**
   * Skipped without reading the paper, nor rendering it: same data, same renderer, no pending conflict, not forced
   * nor taken, and the note still as the sync left it (see unchangedNoteRecord).
   */
  async unchanged({ citekey, hash }: PaperKey, index: number): Promise<boolean> {
    const known = this.prev.notes[citekey];
    const sameRender = this.prev.renderKey === this.renderer.key;
    const taken = this.input.take?.citekey === citekey;
    if (!known || known.removed || known.conflict || known.paperHash !== hash || !sameRender || this.input.force || taken) return false;
    const found = await unchangedNoteRecord(this.input.vault, known);
    if (!found) return false;
    const record = this.own(found, citekey);
    if (record !== known) this.next.notes[citekey] = record;
    this.actions[index] = { kind: 'unchanged', citekey, path: known.path, reasons: [] };
    return true;
  }

  /** A paper whose note must be rendered (see `unchanged`): updated, merged or created. */
  async planPaper(paper: Paper, hash: string, index: number): Promise<void> {
    const { citekey } = paper;
    const known = this.prev.notes[citekey];
    const take = this.input.take?.citekey === citekey ? this.input.take : undefined;
    let where: { path: string; text: string } | null;
    let stat: Awaited<ReturnType<typeof statOf>>;
    try {
      stat = known ? await statOf(this.input.vault, known.path) : undefined; // before the read (see withNoteText)
      where = await this.locate(citekey, known, take?.path);
    } catch (e) {
      this.actions[index] = { kind: 'error', citekey, path: known?.path ?? null, reasons: [`could not read the note: ${errorMessage(e)}`] };
      return;
    }
    if (!where) return this.planNew(paper, index, hash);
    const importedAt = known?.importedAt || this.input.now.toISOString();
    const rendered = this.render(paper, index, where.path, known?.importedAt ? new Date(known.importedAt) : this.input.now);
    if (!rendered) return;
    const linked = this.link(rendered.text, where.path);
    // The regions as they would be written, links included: those are what the merge compares and records.
    const fresh = linked === rendered.text ? rendered.fresh : { ...rendered.fresh, regions: regionsOf(linked) };
    const parts = take ? partsToTake(take, fresh) : { take: undefined };
    if ('error' in parts) {
      this.actions[index] = { kind: 'error', citekey, path: where.path, reasons: [parts.error] };
      return;
    }
    const opts = mergeOptions(known?.written ?? null, known?.removed !== undefined, parts.take);
    const merged = mergeNote(where.text, fresh, opts);
    const note = this.own(noteState(where.path, hash, importedAt, merged.written, merged.conflicts.length > 0), citekey, known);
    this.next.notes[citekey] = note;
    if (merged.conflicts.length > 0) {
      this.actions[index] = { kind: 'conflict', citekey, path: where.path, reasons: merged.conflicts, fresh, merge: opts, note };
    } else if (merged.changed) {
      const reasons = known?.removed !== undefined ? ['back in the export: removed flag cleared'] : [];
      this.actions[index] = { kind: 'update', citekey, path: where.path, reasons, fresh, merge: opts, note };
    } else {
      // A note found elsewhere than recorded: its stat counts only if the text did not change around taking it.
      if (where.path !== known?.path) stat = await statOf(this.input.vault, where.path);
      if (where.path !== known?.path && (await this.input.vault.read(where.path)) !== where.text) stat = undefined;
      this.next.notes[citekey] = withNoteText(note, where.text, stat);
      this.actions[index] = { kind: 'unchanged', citekey, path: where.path, reasons: [] };
    }
  }

  /** Whether the paper has no note at all: unknown to the state and named by no note of the notes folder. */
  async isNew(paper: Paper): Promise<boolean> {
    return this.prev.notes[paper.citekey] === undefined && (await this.locator.find(paper.citekey, false)).length === 0;
  }

  /** A paper without a note: rendered now, its path given later (see allocateCreates). No vault access. */
  planNew(paper: Paper, index: number, hash: string): void {
    const rendered = this.render(paper, index, null, this.input.now);
    if (rendered) this.creates.push({ index, paper, text: rendered.text, written: hashesOfFresh(rendered.fresh), importedAt: this.input.now.toISOString(), hash });
  }

  /** The note's record naming the export its paper comes from (as recorded before when the sync names none). */
  private own(note: NoteSyncState, citekey: string, known?: NoteSyncState): NoteSyncState {
    const key = this.input.exportOf?.(citekey) ?? known?.export;
    return key === undefined || note.export === key ? note : { ...note, export: key };
  }

  /** The note's text through the linker (the text itself when there is none or it fails: a warning then). */
  private link(text: string, path: string): string {
    if (!this.input.linker) return text;
    try {
      return this.input.linker(text, path);
    } catch (e) {
      this.warnings.push(`concept links were not added to ${path}: ${errorMessage(e)}`);
      return text;
    }
  }

  /** The paper rendered, or null after recording an error action. Throws for a bad template or date format. */
  private render(paper: Paper, index: number, path: string | null, importDate: Date): RenderedForSync | null {
    try {
      return this.renderer.render(paper, importDate);
    } catch (e) {
      // A bad template or date format fails every paper: stop the whole sync before anything is written.
      if (e instanceof TemplateError || e instanceof DateFormatError) throw e;
      this.actions[index] = { kind: 'error', citekey: paper.citekey, path, reasons: [`could not render the note: ${errorMessage(e)}`] };
      return null;
    }
  }

  /**
   * New notes get their paths together, so that citekeys colliding (case-insensitively too) get distinct files. A
   * leftover of an interrupted create at a note's own path is repaired rather than avoided (see leftover-note.ts).
   */
  async allocateCreates(): Promise<void> {
    if (this.creates.length === 0) return;
    const papers = this.creates.map((c) => c.paper);
    const files = await this.locator.files();
    const { pause } = this.input;
    const names = await this.renderer.fileNames(papers, this.input.now, pause);
    // Each note's own path (as in an empty folder): where an interrupted create would have left it.
    const own = this.renderer.place(papers, names, new Set());
    const leftovers = await findLeftovers(this.input.vault, files, own, (i, path) => this.link(this.creates[i].text, path), pause);
    const paths = this.renderer.place(papers, names, await takenPathKeys(files, pause));
    for (let i = 0; i < this.creates.length; i++) {
      const c = this.creates[i];
      const leftover = leftovers.get(i);
      const path = leftover?.path ?? paths[i];
      const text = this.link(c.text, path);
      // The hashes are of what is written: the linked regions.
      const written = text === c.text ? c.written : { keys: c.written.keys, regions: Object.fromEntries(regionHashEntries(regionsOf(text))) };
      const note = this.own({ path, paperHash: c.hash, importedAt: c.importedAt, written }, c.paper.citekey);
      this.next.notes[c.paper.citekey] = note;
      const replaces = leftover?.text;
      if (replaces !== undefined) this.warnings.push(`${path} was ${replaces.trim() === '' ? 'empty' : 'cut short'} (left by an interrupted sync): written again in full`);
      this.actions[c.index] = { kind: 'create', citekey: c.paper.citekey, path, text, reasons: [], note, replaces };
      if (this.input.pause) await this.input.pause(); // linking 10,000 new notes takes seconds
    }
    this.creates.length = 0;
  }

  /** Papers the state knows that are not in the export get the removed flag (their notes are never deleted). */
  async planRemovals(present: ReadonlySet<string>): Promise<FlagAction[]> {
    const flagged: FlagAction[] = [];
    const date = isoDate(this.input.now);
    for (const [citekey, known] of Object.entries(this.prev.notes)) {
      if (present.has(citekey) || known.removed !== undefined) continue;
      const where = await this.locate(citekey, known);
      if (!where) {
        delete this.next.notes[citekey]; // paper and note both gone: nothing left to track
        continue;
      }
      const note: NoteSyncState = { ...known, path: where.path, removed: date };
      this.next.notes[citekey] = note;
      flagged.push({ citekey, path: where.path, date, note });
    }
    return flagged;
  }
}
