import { paperHash, unpackEntries } from '../../../src/core/library';
import { indexExport, LocalLibraryParser, readExportContent } from '../../../src/core/library/export-reader';
import { readLibrary } from '../../../src/core/library/read-library';
import { exportFingerprint } from '../../../src/core/sync/export-bytes';
import { readFixture } from '../../support/fixtures';

const BIB = readFixture('bbt/arxiv-identifiers-460.biblatex.bib');
const CSL = readFixture('bbt/csl-26-items-1179.csl.json');
const YAML_WITH_MARKER = readFixture('bbt/season-ranges-860.csl.yaml');
const YAML_WITHOUT_MARKER = readFixture('bbt/csl-yaml-original-date-922.csl.yaml');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readExportContent: what the content says about the export', () => {
  it('finds a whole export complete: JSON that parses, a .bib closed at the end, CSL YAML with its end marker', () => {
    for (const text of [CSL, BIB, YAML_WITH_MARKER]) expect(readExportContent(text)).toMatchObject({ defect: null, complete: true });
    expect(YAML_WITH_MARKER.trimEnd().endsWith('\n...')).toBe(true);
  });

  it('reads CSL YAML without the end marker, but cannot tell it from one cut between items: not known complete', () => {
    const read = readExportContent(YAML_WITHOUT_MARKER);
    expect(read.defect).toBeNull();
    expect(read.complete).toBe(false);
    expect(read.result?.papers.length).toBeGreaterThan(0);
  });

  it('names the defect of a half-written export, and reads nothing it should not', () => {
    expect(readExportContent(CSL.slice(0, CSL.length / 2))).toMatchObject({ result: null, complete: false, defect: { reason: 'truncated' } });
    expect(readExportContent('  \n')).toMatchObject({ result: null, defect: { reason: 'empty' } });
    expect(readExportContent('<html><body>Not found</body></html>')).toMatchObject({ result: null, defect: { reason: 'unreadable' } });
    const cut = readExportContent(BIB.slice(0, BIB.lastIndexOf('title')));
    expect(cut.defect).toEqual({ reason: 'truncated', message: 'The export ends in the middle of an entry (Better BibTeX may be rewriting it); nothing was changed.' });
    expect(cut.complete).toBe(false);
  });
});

describe('LocalLibraryParser (what the library worker runs)', () => {
  it('packs one compact entry per paper, in export order, hashed as the sync hashes papers', async () => {
    const parser = new LocalLibraryParser();
    const parsed = await parser.parse(bytes(CSL));
    const papers = readLibrary(CSL).papers;
    expect(parsed).toMatchObject({ format: 'csl-json', count: papers.length, defect: null, complete: true, fingerprint: exportFingerprint(CSL) });
    const entries = await unpackEntries(parsed.packedEntries);
    expect(entries.map((e) => e.citekey)).toEqual(papers.map((p) => p.citekey));
    expect(entries.map((e) => e.hash)).toEqual(papers.map((p) => paperHash(p)));
    expect(entries[0]).toEqual({ citekey: papers[0].citekey, hash: paperHash(papers[0]), title: papers[0].title, authors: papers[0].authors.join('; '), year: papers[0].year, venue: papers[0].venue, zoteroUri: null, collections: [] });
  });

  it('hands out whole papers of a parse it keeps, the same after the trip through JSON a worker makes', async () => {
    const parser = new LocalLibraryParser();
    const first = await parser.parse(bytes(BIB));
    const second = await parser.parse(bytes(CSL));
    const keys = readLibrary(BIB).papers.map((p) => p.citekey);
    const papers = await parser.papers(first.fingerprint, [keys[2], 'missing', keys[0]]);
    expect(papers).toEqual(readLibrary(BIB).papers.filter((p) => p.citekey === keys[2] || p.citekey === keys[0]).reverse());
    const travelled = JSON.parse(JSON.stringify(papers)) as typeof papers;
    expect(travelled?.map((p) => paperHash(p))).toEqual(papers?.map((p) => paperHash(p)));
    expect(await parser.papers(second.fingerprint, [])).toEqual([]);

    await parser.parse(bytes(YAML_WITH_MARKER)); // a third parse: the first is no longer kept
    expect(await parser.papers(first.fingerprint, [keys[0]])).toBeNull();
    parser.release();
    expect(await parser.papers(second.fingerprint, [])).toBeNull();
  });

  it('says what could not be read instead of throwing', async () => {
    const parsed = await new LocalLibraryParser().parse(bytes('{"items": ['));
    expect(parsed).toMatchObject({ format: null, count: 0, defect: { reason: 'truncated' }, complete: false });
  });
});

describe('indexExport (the CLI reads in process)', () => {
  it('indexes the export and hands out its whole papers', async () => {
    const library = indexExport(BIB, 'fp');
    const papers = readLibrary(BIB).papers;
    expect(library.entries.map((e) => e.hash)).toEqual(papers.map((p) => paperHash(p)));
    expect(await library.paper(papers[1].citekey)).toEqual(papers[1]);
    expect(library.entry(papers[1].citekey)?.title).toBe(papers[1].title);
  });
});
