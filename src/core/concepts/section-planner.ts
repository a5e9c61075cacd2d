/**
 * Planning the concept sections of a run. A full run renders every section and compares it with the note. An
 * incremental run re-renders only the parts a change touched (the note list, or the related concepts) and reads a
 * concept note only when its section differs from the one last planned, or when the note itself was read (changed):
 * one changed note then costs a few section renders, not a read of every concept note it mentions.
 */
import { hashText } from '../text/fingerprint';
import { notesPartPieces, renderRelatedPart, sectionContent, writeConceptSection, type SectionNote } from './concept-section';
import type { ConceptLanguage } from './glossary';
import type { AffectedSections, ConceptLinkState } from './link-state';
import { sectionNotes, sectionRelated } from './section-data';
import type { MakeLink } from './link-writer';
import type { ConceptProblem, PlannedNoteEdit, SkippedNote } from './plan-types';
import type { Pause } from '../scheduling/time-slicer';

export interface SectionRun {
  state: ConceptLinkState;
  language: ConceptLanguage;
  makeLink: MakeLink;
  /** Render and check every section against its note (full runs). */
  verifyAll: boolean;
  read(path: string): Promise<string | null>;
  /** Whether the run read (and so re-linked) this note. */
  wasRead(path: string): boolean;
  edits: Map<string, PlannedNoteEdit>;
  /** Concept notes that get no section (the user's own notes adopted as concepts, unless they opted in). */
  withoutSection: ReadonlySet<string>;
  skip: ReadonlySet<string>;
  skipped: SkippedNote[];
  problems: ConceptProblem[];
  /** Awaited between concept notes and every few hundred links (a concept may list thousands of notes). */
  pause?: Pause;
}

function noteSkipped(run: SectionRun, path: string): void {
  const s = run.skipped.find((x) => x.path === path);
  if (s) s.section = true;
  else run.skipped.push({ path, links: 0, section: true });
  run.state.pending.add(path);
}

/** The notes of a concept's list with their links made, pausing every few hundred links. */
async function linkedNotes(run: SectionRun, conceptPath: string): Promise<SectionNote[]> {
  const notes = sectionNotes(run.state, conceptPath);
  for (let i = 0; i < notes.length; i++) {
    notes[i].link = run.makeLink(notes[i].path, notes[i].title, conceptPath);
    if (i % 256 === 255) await run.pause?.();
  }
  return notes;
}

/** Fold the section changes into `run.edits`; returns the concept notes whose section changes. */
export async function planSections(run: SectionRun, affected: AffectedSections): Promise<string[]> {
  const { state } = run;
  const options = (sourcePath: string) => ({ language: run.language, makeLink: run.makeLink, sourcePath });
  const targets = run.verifyAll ? [...state.conceptDefs.keys()] : [...new Set([...affected.lists, ...affected.related])];
  const changed: string[] = [];
  for (const path of targets.sort()) {
    await run.pause?.();
    if (!state.conceptDefs.has(path) || run.withoutSection.has(path)) {
      state.sectionParts.delete(path);
      continue;
    }
    const cached = run.verifyAll ? undefined : state.sectionParts.get(path);
    const listPart = cached && !affected.lists.has(path) ? cached.list : notesPartPieces(await linkedNotes(run, path), options(path));
    const relatedPart = cached && !affected.related.has(path) ? cached.related : renderRelatedPart(sectionRelated(state, path), options(path));
    const { content, list, related } = sectionContent(listPart, relatedPart);
    state.sectionParts.set(path, { list, related });
    const asPlanned = cached !== undefined && cached.list === list && cached.related === related;
    if (asPlanned && !run.wasRead(path)) continue;
    const text = await run.read(path);
    if (text === null) continue;
    const edit = run.edits.get(path);
    const base = edit?.after ?? text;
    const written = writeConceptSection(base, content);
    if ('problem' in written) {
      run.problems.push({ path, message: written.problem });
      continue;
    }
    const unchanged = written.text === base;
    // Keep the section as slices of the note holding it (the note as it was, or as written): one copy of it, not two.
    let section = content;
    const at = written.contentStart;
    if (at >= 0) {
      const holder = unchanged ? base : written.text;
      section = holder.slice(at, at + content.length);
      state.sectionParts.set(path, { list: holder.slice(at, at + list.length), related: holder.slice(at + list.length + 2, at + content.length) });
    }
    if (unchanged) continue;
    if (run.skip.has(path)) {
      noteSkipped(run, path);
      continue;
    }
    run.edits.set(path, { path, before: text, after: written.text, links: edit?.links ?? [], section });
    const rec = state.notes.get(path);
    if (rec) rec.hash = hashText(written.text);
    changed.push(path);
  }
  return changed;
}
