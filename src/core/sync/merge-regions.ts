/**
 * The body half of the merge (merge-note.ts does the front matter): each managed region of the fresh render is
 * written into the note only where the user has not changed it since the plugin last wrote it. Besides replacing
 * regions in place:
 * - a region the template now has that was never written into this note (the annotations section of a note made
 *   before annotations existed, or of a paper that just got its first highlight) is inserted after the region that
 *   precedes it in the template; a region the plugin wrote before and the user deleted stays deleted;
 * - a region the template declares but did not render for this paper (its last annotation was removed in Zotero) is
 *   removed when untouched, markers included;
 * - a region made of annotation items is merged item by item (region-items.ts).
 */
import type { Eol } from '../text/line-endings';
import { hashString } from '../text/fingerprint';
import { findRegions, wrapRegion, type ManagedRegion } from '../text/managed-region';
import { itemHashEntries, mergeRegionItems, recordedItemHashes } from './region-items';
import { takesPart, type FreshNote, type MergeOptions, type MergeResult } from './merge-types';

/**
 * The hash of a region's content (LF), as recorded in the sync state: of exactly the text the sync wrote, links
 * included. Links in a region come from the sync itself (its linker) or from the user (the vault-wide concept linker
 * never writes inside managed regions), so a link the user added is a hand edit like any other.
 */
export function regionHash(content: string): string {
  return hashString(content);
}

/** `name=hash` entries recorded for freshly written regions: each region's hash and its items' hashes. */
export function regionHashEntries(regions: readonly { id: string; content: string }[]): [string, string][] {
  return regions.flatMap((r) => [[r.id, regionHash(r.content)] as [string, string], ...itemHashEntries(r.id, r.content)]);
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

class RegionMerge {
  private readonly splices: Splice[] = [];
  /** Text inserted at an offset, in template order (several new regions may follow the same one). */
  private readonly inserts = new Map<number, string>();
  private readonly recorded: Readonly<Record<string, string>>;

  constructor(
    private readonly fresh: FreshNote,
    private readonly opts: MergeOptions,
    private readonly eol: Eol,
    private readonly out: MergeResult,
  ) {
    this.recorded = opts.recorded?.regions ?? {};
  }

  /** Record the region's hash and those of its items, as the plugin writes `content`. */
  private writeFresh(id: string, content: string): void {
    for (const [name, hash] of regionHashEntries([{ id, content }])) this.out.written.regions[name] = hash;
  }

  /** Keep what was recorded for the region and its items (the note keeps the user's text). */
  private keepRecorded(id: string): void {
    const hash = this.recorded[id];
    if (hash === undefined) return;
    this.out.written.regions[id] = hash;
    for (const [key, itemHash] of recordedItemHashes(id, this.recorded)) this.out.written.regions[`${id}/${key}`] = itemHash;
  }

  mergeOne(id: string, content: string, current: ManagedRegion): void {
    const recorded = this.recorded[id];
    if (current.content === content) return this.writeFresh(id, content);
    // An emptied region, or one the user asked Zotero's version of, takes the plugin's text; otherwise only unedited
    // content is replaced.
    if (current.content.trim() === '' || takesPart(this.opts, id) || (recorded !== undefined && regionHash(current.content) === recorded)) {
      this.splices.push({ start: current.start, end: current.end, text: wrapRegion(id, content, this.eol) });
      return this.writeFresh(id, content);
    }
    // Annotation items are weighed one by one, a conflict on one of them included (it stays until resolved).
    if (this.mergeItems(id, current, content)) return;
    // Edited by hand, but the plugin has nothing new for it: the user's text simply stands (no conflict).
    if (recorded !== undefined && regionHash(content) === recorded) return this.keepRecorded(id);
    this.out.conflicts.push(`region "${id}" was edited by hand: kept`);
    this.keepRecorded(id);
  }

  /** Item by item, when both sides are made of items; false when they are not. */
  private mergeItems(id: string, current: ManagedRegion, content: string): boolean {
    const merged = mergeRegionItems(id, current.content, content, recordedItemHashes(id, this.recorded));
    if (!merged) return false;
    if (merged.content !== current.content) this.splices.push({ start: current.start, end: current.end, text: wrapRegion(id, merged.content, this.eol) });
    this.out.written.regions[id] = regionHash(content);
    Object.assign(this.out.written.regions, merged.written);
    this.out.conflicts.push(...merged.conflicts);
    return true;
  }

  /** A region the note never had: inserted next to its neighbours in the template's order. */
  insert(index: number, byId: ReadonlyMap<string, ManagedRegion>): void {
    const { id, content } = this.fresh.regions[index];
    const before = this.fresh.regions.slice(0, index).reverse().find((r) => byId.has(r.id));
    const after = this.fresh.regions.slice(index + 1).find((r) => byId.has(r.id));
    const region = wrapRegion(id, content, this.eol);
    const gap = this.eol + this.eol;
    if (before) {
      const at = (byId.get(before.id) as ManagedRegion).end;
      this.inserts.set(at, (this.inserts.get(at) ?? '') + gap + region);
    } else if (after) {
      const at = (byId.get(after.id) as ManagedRegion).start;
      this.inserts.set(at, (this.inserts.get(at) ?? '') + region + gap);
    } else return; // nowhere to put it safely
    this.writeFresh(id, content);
  }

  /** A region the template declares but did not render for this paper: removed when untouched. */
  remove(current: ManagedRegion, text: string): void {
    const { id } = current;
    const recorded = this.recorded[id];
    if (recorded === undefined) return; // never written by the plugin: not ours
    if (regionHash(current.content) !== recorded) {
      // Edited: item by item, what is untouched goes and what the user edited stays (and is reported).
      const merged = mergeRegionItems(id, current.content, '', recordedItemHashes(id, this.recorded));
      if (!merged) {
        this.out.conflicts.push(`region "${id}": Zotero has nothing for it any more, but it was edited by hand: kept`);
        return this.keepRecorded(id);
      }
      if (merged.content.trim() !== '') {
        if (merged.content !== current.content) this.splices.push({ start: current.start, end: current.end, text: wrapRegion(id, merged.content, this.eol) });
        this.out.written.regions[id] = recorded;
        Object.assign(this.out.written.regions, merged.written);
        this.out.conflicts.push(...merged.conflicts);
        return;
      }
    }
    // The region and the blank line before it go; the text around them stays.
    const gap = /(?:\r?\n){1,2}$/.exec(text.slice(0, current.start))?.[0] ?? '';
    this.splices.push({ start: current.start - gap.length, end: current.end, text: '' });
  }

  apply(text: string): string {
    const all = [...this.splices, ...[...this.inserts].map(([at, inserted]) => ({ start: at, end: at, text: inserted }))];
    let result = text;
    for (const s of all.sort((a, b) => b.start - a.start || b.end - a.end)) result = result.slice(0, s.start) + s.text + result.slice(s.end);
    return result;
  }
}

/** Merge the fresh regions into the note's text (its body starts at `bodyStart`); records hashes and conflicts in `out`. */
export function mergeRegions(text: string, bodyStart: number, fresh: FreshNote, opts: MergeOptions, eol: Eol, out: MergeResult): string {
  const { regions, broken } = findRegions(text, bodyStart);
  const byId = new Map(regions.map((r) => [r.id, r]));
  const merge = new RegionMerge(fresh, opts, eol, out);
  const recorded = opts.recorded?.regions ?? {};
  fresh.regions.forEach(({ id, content }, index) => {
    if (broken.includes(id)) {
      out.conflicts.push(`the markers of region "${id}" are broken: left as is`);
      if (recorded[id] !== undefined) out.written.regions[id] = recorded[id];
      return;
    }
    const current = byId.get(id);
    if (current) return merge.mergeOne(id, content, current);
    // Never written into this note (the state knows the note, and not this region): the template's new part.
    if (opts.recorded && recorded[id] === undefined && content.trim() !== '') return merge.insert(index, byId);
    // Deleted by the user: a region is not brought back.
    if (recorded[id] !== undefined) {
      out.written.regions[id] = recorded[id];
      for (const [key, hash] of recordedItemHashes(id, recorded)) out.written.regions[`${id}/${key}`] = hash;
    }
  });
  const rendered = new Set(fresh.regions.map((r) => r.id));
  for (const id of fresh.declared ?? []) {
    const current = byId.get(id);
    if (!rendered.has(id) && current && !broken.includes(id)) merge.remove(current, text);
  }
  return merge.apply(text);
}
