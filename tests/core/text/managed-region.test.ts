import { findRegions, replaceRegionContent, wrapRegion } from '../../../src/core/text/managed-region';

describe('managed regions', () => {
  const note = ['# Title', '', wrapRegion('summary', 'Old summary.'), '', 'My own notes.', ''].join('\n');

  it('finds a region and its content', () => {
    const { regions, broken } = findRegions(note);
    expect(broken).toEqual([]);
    expect(regions.map((r) => [r.id, r.content])).toEqual([['summary', 'Old summary.']]);
  });

  it('replaces only the content between the markers', () => {
    const next = replaceRegionContent(note, 'summary', 'New\nsummary.');
    expect(next).toBe(['# Title', '', '%% zcn:begin summary %%', 'New', 'summary.', '%% zcn:end summary %%', '', 'My own notes.', ''].join('\n'));
  });

  it('handles an empty region', () => {
    const text = wrapRegion('links', '');
    expect(findRegions(text).regions[0].content).toBe('');
    expect(replaceRegionContent(text, 'links', 'x')).toBe(wrapRegion('links', 'x'));
  });

  it('reports unbalanced and duplicated markers as broken and leaves them out', () => {
    const text = '%% zcn:begin a %%\nx\n%% zcn:begin b %%\ny\n%% zcn:end b %%\n' + wrapRegion('c', '1') + '\n' + wrapRegion('c', '2');
    const { regions, broken } = findRegions(text);
    expect(regions.map((r) => r.id)).toEqual(['b']);
    expect(broken.sort()).toEqual(['a', 'c']);
    expect(replaceRegionContent(text, 'a', 'z')).toBeNull();
  });
});
