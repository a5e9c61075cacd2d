import { hashString } from '../../../src/core/text/fingerprint';
import { itemHashEntries, mergeRegionItems } from '../../../src/core/sync/region-items';

const block = (key: string, text: string) => `\n> [!zotero-yellow] Yellow\n> ${text}\n\n^ann-${key}`;
const region = (...blocks: string[]) => `## Annotations\n${blocks.join('\n')}\n`;
const recordedOf = (content: string) => new Map(itemHashEntries('annotations', content).map(([name, hash]) => [name.slice('annotations/'.length), hash]));

describe('region items', () => {
  it('hashes the heading and each annotation block under its key', () => {
    const entries = itemHashEntries('annotations', region(block('A1', 'one'), block('B2', 'two')));
    expect(entries.map(([name]) => name)).toEqual(['annotations/#head', 'annotations/A1', 'annotations/B2']);
    expect(entries[1][1]).toBe(hashString(block('A1', 'one')));
    expect(itemHashEntries('summary', '## Summary\n\nNo items here.')).toEqual([]);
  });

  it('keeps text the user wrote between blocks with the block after it, and text after the last block', () => {
    const written = region(block('A1', 'one'), block('B2', 'two'));
    const mine = written.replace('\n> [!zotero-yellow] Yellow\n> two', '\nMy aside.\n> [!zotero-yellow] Yellow\n> two') + 'Trailing thought.';
    const next = region(block('A1', 'one, changed'), block('B2', 'two, changed'), block('C3', 'three'));
    const merged = mergeRegionItems('annotations', mine, next, recordedOf(written))!;
    // B2 carries the aside: it counts as edited, and Zotero changed it too.
    expect(merged.conflicts).toEqual(['annotation B2 was edited here and changed in Zotero: kept']);
    expect(merged.content).toContain('> one, changed');
    expect(merged.content).toContain('My aside.\n> [!zotero-yellow] Yellow\n> two\n\n^ann-B2');
    expect(merged.content.indexOf('^ann-C3')).toBeGreaterThan(merged.content.indexOf('^ann-B2'));
    expect(merged.content.endsWith('Trailing thought.')).toBe(true);
  });

  it('merges the region whole when two blocks share a key or a side has no blocks', () => {
    const twice = region(block('A1', 'one'), block('A1', 'again'));
    expect(mergeRegionItems('annotations', twice, region(block('A1', 'one')), new Map())).toBeNull();
    expect(mergeRegionItems('annotations', 'plain text', region(block('A1', 'one')), new Map())).toBeNull();
  });

  it('adds a new first annotation before the others; a heading the user deleted stays deleted', () => {
    const written = region(block('B2', 'two'));
    const merged = mergeRegionItems('annotations', written.replace('## Annotations\n', ''), region(block('A1', 'one'), block('B2', 'two')), recordedOf(written))!;
    // The heading was written before and deleted by the user: it stays deleted; A1 goes before B2.
    expect(merged.content.startsWith('## Annotations')).toBe(false);
    expect(merged.content.indexOf('^ann-A1')).toBeLessThan(merged.content.indexOf('^ann-B2'));
    expect(merged.conflicts).toEqual([]);
  });
});
