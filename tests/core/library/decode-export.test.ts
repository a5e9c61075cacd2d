import { decodeExport, decodeExportBytes } from '../../../src/core/library/decode-export';
import { readExport } from '../../../src/core/library/read-export';

const bib = '@article{muller2020,\n  title = {Über Café},\n  author = {Müller, Jürgen}\n}\n';

function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

describe('export bytes → text', () => {
  it('reads UTF-8, with or without a byte-order mark, silently', () => {
    const bytes = new TextEncoder().encode(bib);
    expect(decodeExportBytes(bytes, 'lib.bib')).toEqual({ text: bib, warnings: [] });
    expect(decodeExportBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]), 'lib.bib')).toEqual({ text: bib, warnings: [] });
  });

  it('reads invalid UTF-8 as Windows-1252, with one warning naming the file', () => {
    const { text, warnings } = decodeExportBytes(windows1252(bib + bib.replace('muller2020', 'other')), '/home/me/lib.bib');
    expect(text).toBe(bib + bib.replace('muller2020', 'other'));
    expect(warnings).toEqual([
      '/home/me/lib.bib is not valid UTF-8; it was read as Windows-1252 (Western European). If accented letters look wrong, export it again with the UTF-8 character set.',
    ]);
  });

  it('honours a JabRef or Mendeley "% Encoding:" header', () => {
    const text = `% Encoding: Cp1252\n\n${bib}`;
    expect(decodeExportBytes(windows1252(text), 'lib.bib')).toEqual({ text, warnings: [] });
    const latin1 = `% Encoding: ISO8859_1\n${bib}`;
    expect(decodeExportBytes(windows1252(latin1), 'lib.bib').text).toBe(latin1);
    const unknown = decodeExportBytes(new TextEncoder().encode(`% Encoding: EBCDIC-XYZ\n${bib}`), 'lib.bib');
    expect(unknown.warnings).toEqual(['lib.bib declares the encoding "EBCDIC-XYZ", which is not supported here; it was read as UTF-8']);
  });

  it('decodes UTF-16 exports by their byte-order mark, little- and big-endian', () => {
    for (const bigEndian of [false, true]) {
      const result = readExport(utf16(bib, bigEndian), 'lib.bib');
      expect(result.papers.map((p) => [p.title, p.authors])).toEqual([['Über Café', ['Müller, Jürgen']]]);
      expect(result.warnings).toEqual([]);
    }
  });

  it('never lets a replacement character through without a warning', () => {
    const broken = bib.replace('Café', 'Caf\uFFFD');
    expect(decodeExport(broken, 'lib.bib').warnings).toEqual([
      'lib.bib contains 1 unreadable character (shown as �, first on line 2): the file was not saved or read in its real encoding. Export it again with the UTF-8 character set.',
    ]);
    expect(decodeExportBytes(new TextEncoder().encode(broken), 'lib.bib').warnings).toHaveLength(1);
    expect(readExport(broken, 'lib.bib').warnings[0]).toMatch(/^lib\.bib contains 1 unreadable character/);
  });
});
