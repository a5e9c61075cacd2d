import fc from 'fast-check';
import { matchFileCase, matchFolderCase, type FolderListing } from '../../../src/core/vault';

/** A listing of these vault paths (folders end with "/"). */
function listing(paths: string[]): FolderListing {
  const children = (parent: string, folders: boolean) =>
    paths
      .filter((p) => p.endsWith('/') === folders)
      .map((p) => (folders ? p.slice(0, -1) : p))
      .filter((p) => (parent === '' ? !p.includes('/') : p.startsWith(`${parent}/`) && !p.slice(parent.length + 1).includes('/')))
      .map((p) => p.slice(p.lastIndexOf('/') + 1));
  return { folders: (parent) => children(parent, true), files: (parent) => children(parent, false) };
}

const VAULT = listing(['Literature/', 'Literature/Read/', 'Concepts/', '概念/', 'Zotero/', 'Zotero/Library.bib']);

describe('folder names that differ only in case', () => {
  it('take the spelling of the folder that exists', () => {
    expect(matchFolderCase('literature', VAULT)).toEqual({ path: 'Literature', changed: true });
    expect(matchFolderCase('LITERATURE/read', VAULT)).toEqual({ path: 'Literature/Read', changed: true });
    expect(matchFolderCase('literature/Unread/2024', VAULT)).toEqual({ path: 'Literature/Unread/2024', changed: true });
  });

  it('leave exact, new and non-Latin names alone', () => {
    expect(matchFolderCase('Literature/Read', VAULT)).toEqual({ path: 'Literature/Read', changed: false });
    expect(matchFolderCase('Papers/Read', VAULT)).toEqual({ path: 'Papers/Read', changed: false });
    expect(matchFolderCase('概念', VAULT)).toEqual({ path: '概念', changed: false });
    expect(matchFolderCase('', VAULT)).toEqual({ path: '', changed: false });
  });

  it('prefer the exact spelling when both exist (Linux can hold both)', () => {
    const both = listing(['notes/', 'Notes/']);
    expect(matchFolderCase('notes', both).path).toBe('notes');
    expect(matchFolderCase('Notes', both).path).toBe('Notes');
  });

  it('match a file and its folders', () => {
    expect(matchFileCase('zotero/library.bib', VAULT)).toEqual({ path: 'Zotero/Library.bib', changed: true });
    expect(matchFileCase('zotero/other.bib', VAULT)).toEqual({ path: 'Zotero/other.bib', changed: true });
  });

  it('only ever changes case', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('literature', 'LITERATURE', 'read', 'Read', 'x', '概念', 'concepts'), { minLength: 1, maxLength: 4 }), (segments) => {
        const given = segments.join('/');
        const { path, changed } = matchFolderCase(given, VAULT);
        expect(path.toLowerCase()).toBe(given.toLowerCase());
        expect(changed).toBe(path !== given);
      }),
    );
  });
});
