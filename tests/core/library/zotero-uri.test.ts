import { openInZoteroLink, selectsByItemKey } from '../../../src/core/library';

describe('the Zotero link to open', () => {
  const bbt = 'zotero://select/items/@brown2020';
  const byKey = 'zotero://select/library/items/ABCD2345';

  it('tells links by item key from Better BibTeX citekey links', () => {
    expect([byKey, 'zotero://select/groups/4711/items/WXYZ6789'].map(selectsByItemKey)).toEqual([true, true]);
    expect([bbt, 'zotero://select/library/items/abc', 'https://zotero.org'].map(selectsByItemKey)).toEqual([false, false, false]);
  });

  it('on desktop takes the note link, then the library link, then the citekey', () => {
    expect(openInZoteroLink({ note: bbt, library: byKey, fromCitekey: bbt }, false)).toBe(bbt);
    expect(openInZoteroLink({ note: null, library: byKey, fromCitekey: bbt }, false)).toBe(byKey);
    expect(openInZoteroLink({ note: 'see Zotero', library: null, fromCitekey: bbt }, false)).toBe(bbt);
    expect(openInZoteroLink({ note: null, library: null, fromCitekey: null }, false)).toBeNull();
  });

  it('on a phone takes only a link by item key', () => {
    expect(openInZoteroLink({ note: bbt, library: byKey, fromCitekey: bbt }, true)).toBe(byKey);
    expect(openInZoteroLink({ note: bbt, library: null, fromCitekey: bbt }, true)).toBeNull();
  });
});
