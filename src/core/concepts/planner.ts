/**
 * planConceptLinks: what a run would change (links per note, concept sections, conflicts), computed from the vault
 * and the caller's ConceptLinkState. Full runs read the whole scope (skipping notes unchanged since the state was
 * built); incremental runs read only the changed notes and those a concept-note change can affect.
 */
import { hashText } from '../text/fingerprint';
import type { VaultPort } from '../vault/vault-port';
import { isInFolder, normalizeVaultPath } from '../vault/vault-path';
import { fieldString, readFrontMatterFields } from './front-matter';
import { cloneConceptLinkState, createConceptLinkState, noSections, rebuildReverseIndex, setNoteRecord, type ConceptLinkState } from './link-state';
import { linkRope } from './link-text';
import { defaultMakeLink, linkName, safeLinkText, wikilinkMaker, type MakeLink } from './link-writer';
import type { ConceptLinkOptions, ConceptLinkPlan, ConceptProblem, PlannedNoteEdit, SkippedNote } from './plan-types';
import { inScope, listScopeNotes, resolveScope } from './scope';
import { orderConcepts, rankNotes } from './section-data';
import { planSections } from './section-planner';
import { adoptedPaths } from './load-index';
import { buildTermIndex, parseConceptNote, type ConceptDef, type TermIndex } from './term-index';
import { addedTermsIndex, conceptTermChanges, containsAnyTerm } from './term-changes';
import { findUbiquitousConcepts } from './ubiquity';
import type { Pause } from '../scheduling/time-slicer';

function defsEqual(a: ReadonlyMap<string, ConceptDef>, b: ReadonlyMap<string, ConceptDef>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, def] of a) {
    const other = b.get(path);
    if (!other || other.name !== def.name || other.linkable !== def.linkable || other.aliases.join('\u0000') !== def.aliases.join('\u0000')) return false;
  }
  return true;
}

/** File names shared by several notes (lower case): links to them are written as paths. */
async function ambiguousNames(paths: Iterable<string>, pause?: Pause): Promise<Set<string>> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const p of paths) {
    const name = linkName(p).toLowerCase();
    if (seen.has(name)) twice.add(name);
    seen.add(name);
    if (pause) await pause();
  }
  return twice;
}

class PlanRun {
  private readonly texts = new Map<string, string>();
  private readonly edits = new Map<string, PlannedNoteEdit>();
  private readonly affected = noSections();
  /** Full runs store records only and rebuild the reverse index at the end (see rebuildReverseIndex). */
  private bulk = false;
  /** Notes linked (read and recorded) in this run. */
  private readonly linked = new Set<string>();
  private readonly problems: ConceptProblem[] = [];
  private readonly skipped: SkippedNote[] = [];
  private readonly otherPluginFiles: { path: string; plugin: string }[] = [];
  private readonly skip: Set<string>;
  private readonly conceptsFolder: string;
  /** The user's own notes adopted as concept notes (outside the concepts folder). */
  private readonly adopted: Set<string>;
  private makeLink: MakeLink;
  private scanned = 0;

  constructor(
    private readonly vault: VaultPort,
    private readonly options: ConceptLinkOptions,
    private readonly state: ConceptLinkState,
    private readonly folders: string[],
  ) {
    this.skip = new Set((options.skipPaths ?? []).map((p) => normalizeVaultPath(p)));
    this.conceptsFolder = normalizeVaultPath(options.settings.conceptsFolder);
    this.adopted = new Set(adoptedPaths(options.settings));
    this.makeLink = options.makeLink ?? defaultMakeLink;
  }

  private get index(): TermIndex {
    return this.state.index!;
  }

  private async read(path: string): Promise<string | null> {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const text = await this.vault.read(path);
    if (text !== null) this.texts.set(path, text);
    return text;
  }

  private isConcept(path: string): boolean {
    return (isInFolder(path, this.conceptsFolder) && path.toLowerCase().endsWith('.md')) || this.adopted.has(path);
  }

  /** Read the concept notes (all, or the given changed ones) into a new definition map. */
  private async readDefs(paths: readonly string[], base: ReadonlyMap<string, ConceptDef>): Promise<Map<string, ConceptDef>> {
    const defs = new Map(base);
    for (const path of paths) {
      const text = await this.read(path);
      if (text === null) {
        if (this.adopted.has(path)) this.problems.push({ path, message: 'this adopted concept note is gone (renamed or deleted); its concept is not linked' });
        defs.delete(path);
        continue;
      }
      const { def, problem } = parseConceptNote(path, text);
      if (problem) this.problems.push({ path, message: problem });
      defs.set(path, def);
    }
    return defs;
  }

  /** Install new definitions; returns whether the index changed. */
  private useDefs(defs: Map<string, ConceptDef>): boolean {
    if (this.state.index && defsEqual(defs, this.state.conceptDefs)) return false;
    this.state.index = buildTermIndex([...defs.values()]);
    this.state.conceptDefs = defs;
    this.state.conceptOrder = orderConcepts(defs);
    this.state.indexVersion++;
    return true;
  }

  /** The title shown in concept sections: front-matter `title`, else the file name, safe as link text. */
  private title(path: string, text: string): string {
    const title = this.isConcept(path) ? null : fieldString(readFrontMatterFields(text, ['title']).values.get('title'));
    return safeLinkText(title ?? '') || linkName(path);
  }

  /** Link one note (or forget it when it is gone) and record what it mentions. */
  private linkNote(path: string, text: string | null): void {
    this.scanned++;
    this.linked.add(path);
    if (text === null) {
      if (this.bulk) this.state.notes.delete(path);
      else setNoteRecord(this.state, path, null, this.affected);
      this.state.pending.delete(path);
      return;
    }
    const result = linkRope(text, this.index, { sourcePath: path, makeLink: this.makeLink, linkInHeadings: this.options.settings.linkInHeadings });
    if (result.ownedBy !== undefined) this.otherPluginFiles.push({ path, plugin: result.ownedBy });
    const skip = this.skip.has(path);
    const title = this.title(path, text);
    const old = this.state.notes.get(path);
    const record = {
      hash: hashText(skip || !result.pieces ? text : result.pieces.join('')),
      title,
      sortKey: title.toLowerCase(),
      // Unchanged title: the note keeps its place in the order; otherwise it is ranked again by the next full run.
      rank: old && old.sortKey === title.toLowerCase() ? old.rank : -1,
      mentions: result.mentions,
      isConcept: this.isConcept(path),
      indexVersion: this.state.indexVersion,
    };
    if (this.bulk) this.state.notes.set(path, record);
    else setNoteRecord(this.state, path, record, this.affected);
    this.state.pending.delete(path);
    if (result.links.length === 0) return;
    if (skip) {
      this.skipped.push({ path, links: result.links.length, section: false });
      this.state.pending.add(path);
      return;
    }
    this.edits.set(path, { path, before: text, after: result.text, links: result.links, section: null });
  }

  private async linkNotes(paths: readonly string[], unchangedSkip: boolean): Promise<void> {
    let done = 0;
    for (const path of paths) {
      const text = await this.read(path);
      const rec = this.state.notes.get(path);
      const unchanged =
        unchangedSkip && text !== null && rec !== undefined && !this.state.pending.has(path) && rec.indexVersion === this.state.indexVersion && rec.hash === hashText(text);
      if (!unchanged) this.linkNote(path, text);
      await this.options.onProgress?.(++done, paths.length);
    }
  }

  private async finish(mode: ConceptLinkPlan['mode']): Promise<ConceptLinkPlan> {
    const sections = await planSections(
      {
        state: this.state,
        language: this.options.language ?? 'en',
        makeLink: this.makeLink,
        verifyAll: mode === 'full',
        read: (path) => this.read(path),
        wasRead: (path) => this.linked.has(path),
        edits: this.edits,
        // An adopted note is the user's own: it gets the concept section only when they opted in.
        withoutSection: this.options.settings.adoptedConceptSections === true ? new Set<string>() : this.adopted,
        skip: this.skip,
        skipped: this.skipped,
        problems: this.problems,
        pause: this.options.pause,
      },
      this.affected,
    );
    const index = this.index;
    const newRejected = index.rejected.filter((r) => !this.state.reportedRejections.has(`${r.concept}\t${r.term}`));
    for (const r of newRejected) this.state.reportedRejections.add(`${r.concept}\t${r.term}`);
    return {
      mode,
      edits: [...this.edits.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
      sections,
      conflicts: index.conflicts,
      rejected: index.rejected,
      newRejected,
      problems: this.problems,
      skipped: this.skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
      otherPluginFiles: this.otherPluginFiles,
      ubiquitous: findUbiquitousConcepts(this.state, this.options.settings.ubiquitousConceptShare),
      switchedOff: [...this.state.conceptDefs.values()].filter((d) => d.linkable === false).map((d) => d.path).sort(),
      scanned: this.scanned,
      state: this.state,
      index,
      linkOptions: { makeLink: this.makeLink, linkInHeadings: this.options.settings.linkInHeadings },
    };
  }

  async full(): Promise<ConceptLinkPlan> {
    this.bulk = true;
    const conceptPaths = (await this.vault.list(this.conceptsFolder, '.md')).filter((p) => inScope(p, [this.conceptsFolder]));
    conceptPaths.push(...this.adopted);
    const pause = this.options.pause;
    this.useDefs(await this.readDefs(conceptPaths, new Map()));
    await pause?.();
    const notes = await listScopeNotes(this.vault, this.folders);
    await pause?.();
    this.state.ambiguousNames = await ambiguousNames(notes, pause);
    if (!this.options.makeLink) this.makeLink = wikilinkMaker(this.state.ambiguousNames);
    await this.linkNotes(notes, true);
    const present = new Set(notes);
    for (const path of [...this.state.notes.keys()]) if (!present.has(path)) this.linkNote(path, null);
    await rebuildReverseIndex(this.state, pause);
    await rankNotes(this.state, pause);
    return this.finish('full');
  }

  async incremental(changedPaths: readonly string[]): Promise<ConceptLinkPlan> {
    const changed = [...new Set(changedPaths.map((p) => normalizeVaultPath(p)))];
    // File names only become ambiguous when notes appear: reuse the last answer unless a path is new.
    if (!this.state.ambiguousNames || changed.some((p) => !this.state.notes.has(p))) {
      this.state.ambiguousNames = await ambiguousNames([...this.state.notes.keys(), ...changed], this.options.pause);
    }
    if (!this.options.makeLink) this.makeLink = wikilinkMaker(this.state.ambiguousNames);
    const toLink = new Set<string>(changed.filter((p) => inScope(p, this.folders)));
    for (const p of changed) if (!toLink.has(p) && this.state.notes.has(p)) this.linkNote(p, null); // moved out of scope
    const changedConcepts = changed.filter((p) => this.adopted.has(p) || (this.isConcept(p) && inScope(p, [this.conceptsFolder])));
    const oldIndex = this.index;
    if (changedConcepts.length > 0 && this.useDefs(await this.readDefs(changedConcepts, this.state.conceptDefs))) {
      const { removedFrom, added } = conceptTermChanges(oldIndex, this.index);
      for (const concept of removedFrom) for (const note of this.state.mentionedBy.get(concept) ?? []) toLink.add(note);
      if (added.length > 0) {
        const probe = addedTermsIndex(added);
        for (const path of await listScopeNotes(this.vault, this.folders)) {
          const text = await this.read(path);
          if (text !== null && containsAnyTerm(text, probe)) toLink.add(path);
        }
      }
      for (const rec of this.state.notes.values()) rec.indexVersion = this.state.indexVersion;
    }
    for (const path of this.state.pending) toLink.add(path);
    await this.linkNotes([...toLink].sort(), false);
    return this.finish('incremental');
  }
}

/**
 * Plan concept links for the notes in scope. Updates `options.state` (unless `dryRun`) to the state the vault will be
 * in once the plan is applied; pass the same state to the next run. Never writes to the vault.
 */
export async function planConceptLinks(vault: VaultPort, options: ConceptLinkOptions): Promise<ConceptLinkPlan> {
  const folders = resolveScope(options.settings, options.scopeFolders);
  const s = options.settings;
  const configKey = JSON.stringify([folders, s.conceptsFolder, s.linkInHeadings, options.language ?? 'en', adoptedPaths(s), s.adoptedConceptSections === true]);
  let state = options.state ?? createConceptLinkState();
  if (options.dryRun && options.state) state = cloneConceptLinkState(state);
  if (state.configKey !== configKey) {
    Object.assign(state, createConceptLinkState(), { indexVersion: state.indexVersion, reportedRejections: state.reportedRejections });
    state.configKey = configKey;
  }
  const run = new PlanRun(vault, options, state, folders);
  const incremental = options.changedPaths !== undefined && state.index !== null;
  return incremental ? run.incremental(options.changedPaths!) : run.full();
}
