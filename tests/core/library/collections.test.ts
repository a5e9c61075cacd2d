/** Collections from JabRef groups in a `.bib` and from BBT JSON, and the collection scope built on them. */
import { collectionScope } from '../../../src/core/library/collections';
import { readLibrary } from '../../../src/core/library/read-library';
import { paperOf, readFixtureLibrary } from './fixtures/read-fixture';

describe('JabRef groups in a .bib', () => {
  it('reads the old groupstree form with members listed in the group, across wrapped lines', () => {
    const result = readFixtureLibrary('bbt/doi-url-jabref-groups-131.biblatex.bib');
    expect(result.collections).toEqual([{ path: ['Omit URL export when DOI present. #131'], parent: null }]);
    // "CumEA14" is written "Cu" + line break + "mEA14" in the file.
    expect(result.papers.map((p) => [p.citekey, p.collections])).toEqual([
      ['CapEA11', ['Omit URL export when DOI present. #131']],
      ['CumEA14', ['Omit URL export when DOI present. #131']],
      ['TayEA11', ['Omit URL export when DOI present. #131']],
    ]);
  });

  it('reads members named by the entries’ groups field, with the same paths as the BBT JSON export of the library', () => {
    const bib = readFixtureLibrary('bbt/collections-jabref-groups-901.bibtex.bib');
    const json = readFixtureLibrary('bbt/collections-jabref-groups-901.bbt.json');
    expect(bib.collections!.map((c) => c.path.join('/'))).toEqual(json.collections!.map((c) => c.path.join('/')));
    expect(bib.collections).toHaveLength(120);
    // A group name with a comma in it ("Indication (relation d', en lien avec Dretske)") is not split.
    const title = (citekey: string) => json.papers.find((p) => p.citekey === citekey)!.title;
    const inBib = (citekey: string) => bib.papers.find((p) => p.title === title(citekey))!.collections;
    expect(inBib('item-14')).toEqual(paperOf('bbt/collections-jabref-groups-901.bbt.json', 'item-14').collections);
    expect(inBib('item-15')).toEqual(['Isa/Refworks/Intentionnalité naturalisation', 'Isa/Refworks/séminaire perception et raison']);
  });

  it('reads a groups field without a groups comment as top-level collections, so no stated membership is lost', () => {
    const result = readFixtureLibrary('bbt/crossref-dblp-file-groups-010.biblatex.bib');
    expect(result.papers.map((p) => [p.citekey, p.collections])).toEqual([['Hulse2009', ['selekcja']]]);
    expect(result.collections).toEqual([{ path: ['selekcja'], parent: null }]);
  });

  it('puts an entry in every group its groups field names, as JabRef does, and warns about the shared name', () => {
    // "Économie" is the name of two groups (under "Sciences conceptuelles/…" and "Sciences factuelles/…"); the
    // BBT JSON export of the same library says which one, the .bib cannot.
    const bib = readFixtureLibrary('bbt/collections-jabref-groups-901.bibtex.bib');
    const json = readFixtureLibrary('bbt/collections-jabref-groups-901.bbt.json');
    const rutherford = bib.papers.find((p) => p.citekey === 'Rutherford-2002-Routledgedictionaryeconomics')!;
    expect(rutherford.collections).toEqual([
      'FM/_References',
      'FM/Sciences conceptuelles/Philosophie des sciences/Économie',
      'FM/Sciences factuelles/Sciences sociales/Économie',
    ]);
    expect(paperOf('bbt/collections-jabref-groups-901.bbt.json', 'item-29').collections).toEqual(['FM/_References', 'FM/Sciences factuelles/Sciences sociales/Économie']);
    expect(bib.warnings.filter((w) => w.includes('JabRef group name'))).toEqual([
      'the JabRef group name "Économie" names several groups; entries in "Économie" are placed in each of them, as JabRef shows them',
    ]);
    expect(json.warnings.some((w) => w.includes('JabRef'))).toBe(false);
  });

  it('adds a name of a groups field the groups comment does not know as a top-level collection', () => {
    const text = '@article{a,\n  title = {A},\n  groups = {Reading, Unlisted}\n}\n\n@comment{jabref-meta: grouping:\n0 AllEntriesGroup:;\n1 StaticGroup:Reading\\;0\\;1\\;\\;\\;\\;;\n}';
    const result = readLibrary(text);
    expect(result.papers[0].collections).toEqual(['Reading', 'Unlisted']);
    expect(result.collections!.map((c) => c.path.join('/'))).toEqual(['Reading', 'Unlisted']);
  });

  it('reads the newer grouping form', () => {
    const text = [
      '@article{a,\n  title = {A},\n  groups = {MLLM, Prompting}\n}',
      '@article{b,\n  title = {B}\n}',
      '@comment{jabref-meta: grouping:\n0 AllEntriesGroup:;\n1 StaticGroup:Reading\\;0\\;1\\;0x8a8a8aff\\;\\;\\;;\n2 StaticGroup:MLLM\\;0\\;1\\;\\;\\;\\;;\n1 StaticGroup:Prompting\\;0\\;1\\;\\;\\;\\;;\n1 KeywordGroup:Tagged\\;0\\;keywords\\;x\\;0\\;0\\;1\\;\\;\\;\\;;\n}',
    ].join('\n\n');
    const result = readLibrary(text);
    expect(result.collections!.map((c) => c.path.join('/'))).toEqual(['Prompting', 'Reading', 'Reading/MLLM', 'Tagged']);
    expect(result.papers.map((p) => p.collections)).toEqual([['Prompting', 'Reading/MLLM'], []]);
  });
});

describe('collection scope matching', () => {
  const tree = (...paths: string[]) => paths.map((p) => ({ path: p.split('/'), parent: p.includes('/') ? p.split('/').slice(0, -1) : null }));
  const inScope = (scope: ReturnType<typeof collectionScope>, ...paths: string[]) => paths.filter((p) => scope.includes({ collections: [p] }));

  it('matches by whole path, by the end of a path, and by own name, subcollections included', () => {
    const collections = tree('Courses', 'Courses/Multivariate', 'Courses/Multivariate/Jigsaw', 'Methodology', 'Methodology/Multivariate');
    const all = collections.map((c) => c.path.join('/'));
    expect(collectionScope(collections, ['Courses/Multivariate']).matched).toEqual(['Courses/Multivariate']);
    expect(inScope(collectionScope(collections, ['Multivariate/Jigsaw']), ...all)).toEqual(['Courses/Multivariate/Jigsaw']);
    // A name two collections share takes both, with what is below them.
    expect(inScope(collectionScope(collections, ['Multivariate']), ...all)).toEqual(['Courses/Multivariate', 'Courses/Multivariate/Jigsaw', 'Methodology/Multivariate']);
    expect(collectionScope(collections, ['Multivariate/Rasch', 'Jigsaw/Courses']).unknown).toEqual(['Multivariate/Rasch', 'Jigsaw/Courses']);
  });

  it('forgives spaces, slashes at the ends, decomposed accents and case, but prefers the exact name', () => {
    const collections = tree('Économie', 'ML', 'ml', 'Reading/MLLM');
    expect(collectionScope(collections, ['E\u0301conomie']).matched).toEqual(['Économie']);
    expect(collectionScope(collections, [' /Reading / MLLM/ ']).matched).toEqual(['Reading/MLLM']);
    expect(collectionScope(collections, ['reading/mllm']).matched).toEqual(['Reading/MLLM']);
    expect(collectionScope(collections, ['ML']).matched).toEqual(['ML']);
    expect(collectionScope(collections, ['Ml']).matched).toEqual(['ML', 'ml']);
    expect(collectionScope(collections, ['', '  ']).unknown).toEqual(['', '  ']);
  });
});

describe('collection hierarchy', () => {
  it('gives BBT JSON collections with their parents, empty ones included', () => {
    const result = readFixtureLibrary('bbt/collections-notes-1768.bbt.json');
    expect(result.collections!.find((c) => c.path.join('/') === 'Modelling methods/Random Forest')).toEqual({
      path: ['Modelling methods', 'Random Forest'],
      parent: ['Modelling methods'],
    });
    expect(result.collections!.filter((c) => c.parent === null).map((c) => c.path[0])).toContain('Modelling methods');
  });

  it('scopes papers to collections, subcollections included, by path or by name', () => {
    const result = readFixtureLibrary('bbt/collections-jabref-groups-901.bbt.json');
    const scope = collectionScope(result.collections!, ['FM/0018_MarioBunge', 'Refworks', 'No such collection']);
    expect(scope.unknown).toEqual(['No such collection']);
    const inScope = result.papers.filter((p) => scope.includes(p)).map((p) => p.citekey);
    expect(inScope).toContain('item-10'); // in FM/0018_MarioBunge/Oeuvres
    expect(inScope).toContain('item-15'); // in Isa/Refworks/…
    expect(inScope.length).toBeLessThan(result.papers.length);
    for (const p of result.papers) {
      const expected = p.collections.some((c) => c.startsWith('FM/0018_MarioBunge') || c.includes('/Refworks'));
      expect(scope.includes(p)).toBe(expected);
    }
  });
});
