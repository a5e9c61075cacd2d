import {
  arxivFromDoi,
  arxivFromEprint,
  arxivFromText,
  arxivFromUrl,
  normalizeDoi,
} from '../../../../src/core/library/fields/identifiers';

describe('arXiv identifiers', () => {
  it('reads eprint values, new and old style, without versions', () => {
    expect(arxivFromEprint('1401.2910')).toBe('1401.2910');
    expect(arxivFromEprint('2101.00001v3')).toBe('2101.00001');
    expect(arxivFromEprint('arXiv:2503.06063')).toBe('2503.06063');
    expect(arxivFromEprint('hep-th/9711200v2')).toBe('hep-th/9711200');
    expect(arxivFromEprint('math.GT/0309136')).toBe('math.GT/0309136');
    expect(arxivFromEprint('18243976')).toBeNull(); // a PubMed id
  });

  it('finds arXiv:-prefixed ids in free text', () => {
    expect(arxivFromText('arXiv:1412.4006 [quant-ph]')).toBe('1412.4006');
    expect(arxivFromText('arXiv preprint arXiv:1906.01539')).toBe('1906.01539');
    expect(arxivFromText('Publisher: x\narXiv: 1508.05387')).toBe('1508.05387');
    expect(arxivFromText('ARXIV:cond-mat/0101001v1')).toBe('cond-mat/0101001');
    expect(arxivFromText('see 1412.4006')).toBeNull();
    expect(arxivFromText('arXiv:1234.567890')).toBeNull();
  });

  it('reads arxiv.org URLs and arXiv DOIs', () => {
    expect(arxivFromUrl('http://arxiv.org/abs/1906.01539v2')).toBe('1906.01539');
    expect(arxivFromUrl('https://arxiv.org/pdf/2203.02155.pdf')).toBe('2203.02155');
    expect(arxivFromUrl('https://export.arxiv.org/abs/hep-th/9711200')).toBe('hep-th/9711200');
    expect(arxivFromUrl('https://example.org/abs/2203.02155')).toBeNull();
    expect(arxivFromDoi('10.48550/arXiv.2203.02155')).toBe('2203.02155');
    expect(arxivFromDoi('10.1126/science.1252319')).toBeNull();
  });
});

describe('normalizeDoi', () => {
  it('strips resolver prefixes and keeps case', () => {
    expect(normalizeDoi('https://doi.org/10.1007/JHEP02(2016)087')).toBe('10.1007/JHEP02(2016)087');
    expect(normalizeDoi('http://dx.doi.org/10.1109/TMI.1986.4307732')).toBe('10.1109/TMI.1986.4307732');
    expect(normalizeDoi('doi: 10.2113/0540001')).toBe('10.2113/0540001');
    expect(normalizeDoi('10/fqd6hj')).toBe('10/fqd6hj');
  });

  it('rejects what is not a DOI', () => {
    expect(normalizeDoi('http://alexandria.tue.nl/campusonly/Metis215145.pdf')).toBeNull();
    expect(normalizeDoi('')).toBeNull();
    expect(normalizeDoi(undefined)).toBeNull();
  });
});
