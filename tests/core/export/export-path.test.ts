import { exportPathInVault } from '../../../src/core/export';

describe('an absolute export path inside the vault', () => {
  const mac = (setting: string) => exportPathInVault(setting, '/Users/me/Notes', '/Users/me', true);

  it('becomes a vault path, which every device can use', () => {
    expect(mac('/Users/me/Notes/Zotero/library.bib')).toBe('Zotero/library.bib');
    expect(mac('~/Notes/Zotero/library.bib')).toBe('Zotero/library.bib');
    expect(mac('/Users/me/Notes//Zotero/./library.bib')).toBe('Zotero/library.bib');
    expect(exportPathInVault('C:\\Users\\me\\Notes\\Zotero\\library.bib', 'C:\\Users\\me\\Notes', 'C:\\Users\\me', true)).toBe('Zotero/library.bib');
  });

  it('matches the vault folder case-insensitively only where the file system does', () => {
    expect(mac('/users/ME/notes/Zotero/library.bib')).toBe('Zotero/library.bib');
    expect(exportPathInVault('/home/me/notes/library.bib', '/home/me/Notes', '/home/me', false)).toBeNull();
    expect(exportPathInVault('c:/users/me/notes/a.bib', 'C:\\Users\\me\\Notes', 'C:\\Users\\me', true)).toBe('a.bib');
  });

  it('stays absolute outside the vault, beside it, or above it', () => {
    expect(mac('/Users/me/Zotero/library.bib')).toBeNull();
    expect(mac('/Users/me/Notes-old/library.bib')).toBeNull(); // a folder whose name only starts like the vault's
    expect(mac('/Users/me/Notes/../Zotero/library.bib')).toBeNull();
    expect(mac('/Users/me/Notes')).toBeNull();
    expect(mac('Zotero/library.bib')).toBeNull(); // a vault path already
    expect(exportPathInVault('/Users/me/Notes/a.bib', '', '/Users/me', true)).toBeNull();
  });
});
