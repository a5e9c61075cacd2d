import { parseFileField } from '../../../../src/core/library/bibtex/file-field';

describe('parseFileField', () => {
  it('reads BBT paths separated by semicolons', () => {
    expect(parseFileField('/home/jon/Papers/a b.pdf;/home/jon/Papers/c.pdf')).toEqual(['/home/jon/Papers/a b.pdf', '/home/jon/Papers/c.pdf']);
  });

  it('undoubles Windows backslashes', () => {
    expect(parseFileField('~\\\\BBTTEST\\\\storage\\\\Baltes_Staudinger_2000_Wisdom.pdf')).toEqual(['~\\BBTTEST\\storage\\Baltes_Staudinger_2000_Wisdom.pdf']);
  });

  it('reads JabRef and Mendeley description:path:type triples', () => {
    expect(parseFileField(':/Documents/Weiner - 2003.pdf:pdf')).toEqual(['/Documents/Weiner - 2003.pdf']);
    expect(parseFileField('Full Text PDF:C\\:\\\\Users\\\\me\\\\x.pdf:application/pdf;Snapshot:/tmp/y.html:text/html')).toEqual([
      'C:\\Users\\me\\x.pdf',
      '/tmp/y.html',
    ]);
    expect(parseFileField(':C$\\backslash$:/Users/me/x.pdf:pdf')).toEqual(['C:/Users/me/x.pdf']);
  });

  it('keeps an unescaped Windows drive path whole and drops duplicates and blanks', () => {
    expect(parseFileField('C:\\Zotero\\a.pdf; ;C:\\Zotero\\a.pdf')).toEqual(['C:\\Zotero\\a.pdf']);
    expect(parseFileField(undefined)).toEqual([]);
  });
});
