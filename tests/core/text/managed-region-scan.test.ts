import fc from 'fast-check';
import { findRegions } from '../../../src/core/text/managed-region';

/** findRegions written with the marker regex: the hand-written scan must give exactly the same result. */
function findRegionsByRegex(text: string): ReturnType<typeof findRegions> {
  const regions: ReturnType<typeof findRegions>['regions'] = [];
  const broken = new Set<string>();
  const seen = new Set<string>();
  let open: { id: string; start: number; afterMarker: number } | null = null;
  for (const m of text.matchAll(/%% zcn:(begin|end) ([a-z0-9-]+) %%/g)) {
    const [whole, kind, id] = m;
    if (kind === 'begin') {
      if (open) broken.add(open.id);
      open = { id, start: m.index, afterMarker: m.index + whole.length };
      continue;
    }
    if (!open || open.id !== id) {
      broken.add(id);
      if (open) broken.add(open.id);
      open = null;
      continue;
    }
    // The line breaks next to the markers (LF or CRLF) are not content; content is read with LF line ends.
    const lead = text.startsWith('\r\n', open.afterMarker) ? 2 : text.startsWith('\n', open.afterMarker) ? 1 : 0;
    const trail = text[m.index - 1] !== '\n' ? 0 : text[m.index - 2] === '\r' ? 2 : 1;
    const contentStart = open.afterMarker + lead;
    const contentEnd = Math.max(contentStart, m.index - trail);
    if (seen.has(id)) broken.add(id);
    seen.add(id);
    const content = text.slice(contentStart, contentEnd).split('\r\n').join('\n');
    regions.push({ id, start: open.start, end: m.index + whole.length, contentStart, contentEnd, content });
    open = null;
  }
  if (open) broken.add(open.id);
  return { regions: regions.filter((r) => !broken.has(r.id)), broken: [...broken] };
}

// Fragments that build near-markers: partial prefixes, ids with and without valid characters, doubled percent signs.
const fragment = fc.constantFrom('%', '%%', '%% ', ' %%', '%% zcn:', 'zcn:', 'begin ', 'end ', 'begin', 'a', 'b-2', 'A', '_', ' ', '\n', '\r\n', 'x', '%% zcn:begin a %%', '%% zcn:end a %%', '%% zcn:begin b %%', '%% zcn:end b %%');
const textOfFragments = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

describe('region marker scan', () => {
  it('gives exactly what the regex-based version gave', () => {
    fc.assert(
      fc.property(textOfFragments, (text) => {
        expect(findRegions(text)).toEqual(findRegionsByRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a marker whose id runs into text that is not a marker end as no marker', () => {
    expect(findRegions('%% zcn:begin ab_c %%\nx\n%% zcn:end ab_c %%').regions).toEqual([]);
    expect(findRegions('%% zcn:begin a %%%% zcn:end a %%').regions.map((r) => [r.id, r.content])).toEqual([['a', '']]);
    expect(findRegions('%%% zcn:begin a %%\nx\n%% zcn:end a %%').regions.map((r) => [r.start, r.content])).toEqual([[1, 'x']]);
  });
});
