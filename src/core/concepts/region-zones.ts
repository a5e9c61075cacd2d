/**
 * The plugin's managed regions (`%% zcn:begin id %%` … `%% zcn:end id %%`) as zones: the sync's regions are soft (a
 * mention counts, the sync links them itself), the concept section is the engine's own output and hard (ignored).
 */
import { findRegions } from '../text/managed-region';
import type { ZoneCollector } from './inline-zones';

/** Id of the managed region the engine owns in each concept note. */
export const CONCEPT_SECTION_ID = 'concept-links';

/** Add the regions' zones to `out`; returns the concept section's range (or null) so its links can be dropped. */
export function managedRegionZones(text: string, bodyStart: number, linkManagedRegions: boolean, out: ZoneCollector): [number, number] | null {
  if (!text.includes('%% zcn:')) return null;
  let section: [number, number] | null = null;
  const { regions, broken } = findRegions(text, bodyStart);
  for (const r of regions) {
    if (r.id === CONCEPT_SECTION_ID) section = [r.start, r.end];
    else if (!linkManagedRegions) out.soft.push(r.contentStart, r.contentEnd);
  }
  if (broken.includes(CONCEPT_SECTION_ID)) {
    // A damaged concept section is still ours: protect from its first marker to its last one.
    const begin = text.indexOf(`%% zcn:begin ${CONCEPT_SECTION_ID} %%`, bodyStart);
    const endMarker = `%% zcn:end ${CONCEPT_SECTION_ID} %%`;
    const last = text.lastIndexOf(endMarker);
    const from = begin < 0 ? last : begin;
    section = [from, last > from ? last + endMarker.length : text.length];
  }
  if (section) out.hard.push(section[0], section[1]);
  return section;
}
