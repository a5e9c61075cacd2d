import { findRegions, wrapRegion } from '../../../src/core/text/managed-region';

describe('managed regions', () => {
  const note = ['# Title', '', wrapRegion('summary', 'Old summary.'), '', 'My own notes.', ''].join('\n');

  it('finds a region, its content and where it is', () => {
    const { regions, broken } = findRegions(note);
    expect(broken).toEqual([]);
    expect(regions.map((r) => [r.id, r.content])).toEqual([['summary', 'Old summary.']]);
    const r = regions[0];
    expect(note.slice(r.start, r.end)).toBe('%% zcn:begin summary %%\nOld summary.\n%% zcn:end summary %%');
    expect(note.slice(r.contentStart, r.contentEnd)).toBe('Old summary.');
  });

  it('writes a region in LF or CRLF, and reads CRLF content as LF', () => {
    expect(wrapRegion('summary', 'New\nsummary.')).toBe('%% zcn:begin summary %%\nNew\nsummary.\n%% zcn:end summary %%');
    const crlf = wrapRegion('summary', 'New\nsummary.', '\r\n');
    expect(crlf).toBe('%% zcn:begin summary %%\r\nNew\r\nsummary.\r\n%% zcn:end summary %%');
    const [r] = findRegions(`# T\r\n\r\n${crlf}\r\n`).regions;
    expect(r.content).toBe('New\nsummary.');
    expect(`# T\r\n\r\n${crlf}\r\n`.slice(r.contentStart, r.contentEnd)).toBe('New\r\nsummary.');
  });

  it('handles an empty region, in LF and CRLF', () => {
    expect(wrapRegion('links', '')).toBe('%% zcn:begin links %%\n%% zcn:end links %%');
    expect(findRegions(wrapRegion('links', '')).regions[0].content).toBe('');
    expect(findRegions(wrapRegion('links', '', '\r\n')).regions[0].content).toBe('');
  });

  it('looks for markers from an offset only (the body, past the front matter)', () => {
    const text = '---\ntitle: "%% zcn:end summary %%"\n---\n' + note;
    expect(findRegions(text).broken).toEqual(['summary']);
    const { regions, broken } = findRegions(text, text.indexOf('# Title'));
    expect(broken).toEqual([]);
    expect(regions.map((r) => [r.id, r.content, text.slice(r.start, r.start + 8)])).toEqual([['summary', 'Old summary.', '%% zcn:b']]);
  });

  it('reports unbalanced and duplicated markers as broken and leaves them out', () => {
    const text = '%% zcn:begin a %%\nx\n%% zcn:begin b %%\ny\n%% zcn:end b %%\n' + wrapRegion('c', '1') + '\n' + wrapRegion('c', '2');
    const { regions, broken } = findRegions(text);
    expect(regions.map((r) => r.id)).toEqual(['b']);
    expect(broken.sort()).toEqual(['a', 'c']);
  });
});
