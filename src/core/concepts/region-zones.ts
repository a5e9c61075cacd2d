/**
 * The plugin's managed regions (`%% zcn:begin id %%` … `%% zcn:end id %%`) as zones: the sync's regions are soft (a
 * mention counts, the sync links them itself); the sections an engine writes whole (the concept section, "Cited
 * in") are hard (ignored), see src/core/text/owned-sections.ts.
 */
import { findRegions } from '../text/managed-region';
import { CONCEPT_SECTION_ID, OWNED_SECTION_IDS, ownedSectionRanges } from '../text/owned-sections';
import type { ZoneCollector } from './inline-zones';

export { CONCEPT_SECTION_ID };

/** Add the regions' zones to `out`; returns the owned sections' ranges, so the links in them can be dropped. */
export function managedRegionZones(text: string, bodyStart: number, linkManagedRegions: boolean, out: ZoneCollector): [number, number][] {
  if (!text.includes('%% zcn:')) return [];
  if (!linkManagedRegions) {
    for (const r of findRegions(text, bodyStart).regions) if (!OWNED_SECTION_IDS.includes(r.id)) out.soft.push(r.contentStart, r.contentEnd);
  }
  const owned = ownedSectionRanges(text, bodyStart);
  for (const [start, end] of owned) out.hard.push(start, end);
  return owned;
}
