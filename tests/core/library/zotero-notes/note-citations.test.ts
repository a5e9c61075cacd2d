import { pandocCitation } from '../../../../src/core/library/zotero-notes/note-citations';

const encode = (data: unknown) => encodeURIComponent(JSON.stringify(data));
const uri = (key: string) => `http://zotero.org/users/6131994/items/${key}`;
const keys: Record<string, string> = { WEI2CHTP: 'wei2022', BRN5LMFS: 'brown2020', ODD45678: 'odd key{1}' };
const lookup = (u: string) => keys[u.slice(u.lastIndexOf('/') + 1)] ?? null;

describe('Zotero citations as Pandoc citations', () => {
  it('writes a locator with its Pandoc term (no label means a page)', () => {
    expect(pandocCitation(encode({ citationItems: [{ uris: [uri('WEI2CHTP')], locator: '3' }], properties: {} }), lookup)).toBe('[@wei2022, p. 3]');
    expect(pandocCitation(encode({ citationItems: [{ uris: [uri('WEI2CHTP')], locator: '4', label: 'chapter' }] }), lookup)).toBe('[@wei2022, chap. 4]');
    expect(pandocCitation(encode({ citationItems: [{ uris: [uri('WEI2CHTP')] }] }), lookup)).toBe('[@wei2022]');
  });

  it('writes several items, prefixes, suffixes and suppressed authors', () => {
    const data = { citationItems: [{ uris: [uri('WEI2CHTP')], prefix: 'see', locator: '33', suffix: 'and passim' }, { uris: [uri('BRN5LMFS')], suppressAuthor: true }] };
    expect(pandocCitation(encode(data), lookup)).toBe('[see @wei2022, p. 33 and passim; -@brown2020]');
  });

  it('braces a citation key Pandoc would not read bare', () => {
    expect(pandocCitation(encode({ citationItems: [{ uris: [uri('ODD45678')] }] }), lookup)).toBe('[@{odd key1}]');
  });

  it('gives up (the caller keeps the readable text) when an item is not in the export or the data is not JSON', () => {
    expect(pandocCitation(encode({ citationItems: [{ uris: [uri('WEI2CHTP')] }, { uris: [uri('MISSING1')] }] }), lookup)).toBeNull();
    expect(pandocCitation('%7Bnot json', lookup)).toBeNull();
    expect(pandocCitation(encode({ citationItems: [] }), lookup)).toBeNull();
  });
});
