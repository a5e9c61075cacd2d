/**
 * Reader fixes found on 25 real exports (issue 10), each on a minimal entry shaped like the real one. Encoding,
 * name particles and LaTeX have tests of their own (decode-export, names, latex-to-text).
 */
import { parseFileField } from '../../../src/core/library/bibtex/file-field';
import { normalizeDoi } from '../../../src/core/library/fields/identifiers';
import { readLibrary } from '../../../src/core/library/read-library';

const one = (bib: string) => {
  const result = readLibrary(bib);
  expect(result.errors).toEqual([]);
  return result.papers[0];
};

describe('reader fixes on real-shaped entries', () => {
  it('takes a web page’s only link from howpublished (Better BibTeX’s default bibtexURL = off)', () => {
    const page = one('@misc{openaiIntroducingChatGPT2022,\n  title = {Introducing {{ChatGPT}}},\n  author = {{OpenAI}},\n  year = {2022},\n  howpublished = {https://openai.com/blog/chatgpt}\n}\n');
    expect([page.url, page.venue, page.arxiv]).toEqual(['https://openai.com/blog/chatgpt', null, null]);
  });

  it('reads an arXiv id from a howpublished link, \\url-wrapped or not', () => {
    const preprint = one('@misc{openaiGPT4TechnicalReport2023,\n  title = {{{GPT-4 Technical Report}}},\n  howpublished = {\\url{https://arxiv.org/abs/2303.08774v6}}\n}\n');
    expect([preprint.url, preprint.arxiv, preprint.venue]).toEqual(['https://arxiv.org/abs/2303.08774v6', '2303.08774', 'arXiv']);
  });

  it('recovers a DOI wrapped in a proxy URL or HTML', () => {
    const proxied = one('@article{a,\n  title = {T},\n  doi = {http://dx.doi.org.ezproxy.library.example.edu/10.1016/j.cell.2020.01.001}\n}\n');
    expect(proxied.doi).toBe('10.1016/j.cell.2020.01.001');
    expect(normalizeDoi('<a href="https://doi.org/10.1145/3368089.3409740">10.1145/3368089.3409740</a>')).toBe('10.1145/3368089.3409740');
    expect(normalizeDoi('See 10.1007/JHEP02(2016)087.')).toBe('10.1007/JHEP02(2016)087');
    expect(normalizeDoi('(doi 10.1000/xyz123)')).toBe('10.1000/xyz123');
    expect(normalizeDoi('https://example.org/paper')).toBeNull();
  });

  it('reads arXiv from an arXiv DOI that appears only in the URL', () => {
    const p = one('@article{weiChainofthought2022,\n  title = {T},\n  url = {https://doi.org/10.48550/arXiv.2201.11903}\n}\n');
    expect([p.arxiv, p.doi, p.venue]).toEqual(['2201.11903', null, 'arXiv']);
  });

  it('does not split a file name at a semicolon inside it', () => {
    const files = '/Users/me/Zotero/storage/AB12CD34/Smith; Jones - 2020 - Notes.pdf;/Users/me/Zotero/storage/EF56GH78/Supplement.pdf';
    expect(parseFileField(files)).toEqual(['/Users/me/Zotero/storage/AB12CD34/Smith; Jones - 2020 - Notes.pdf', '/Users/me/Zotero/storage/EF56GH78/Supplement.pdf']);
    expect(parseFileField('C:\\\\Zotero\\\\a;b.pdf;D:\\\\c.pdf')).toEqual(['C:\\Zotero\\a;b.pdf', 'D:\\c.pdf']);
  });

  it('links a file in Zotero’s storage to Zotero’s reader, in every format', () => {
    const p = one('@article{a,\n  title = {T},\n  file = {/home/me/Zotero/storage/QW3RT6YU/a.pdf;/home/me/Papers/linked.pdf}\n}\n');
    expect(p.attachmentLinks).toEqual({ '/home/me/Zotero/storage/QW3RT6YU/a.pdf': 'zotero://open-pdf/library/items/QW3RT6YU' });
    const windows = one('@article{b,\n  title = {T},\n  file = {C\\:\\\\Users\\\\me\\\\Zotero\\\\storage\\\\ZX9CV8BN\\\\b.pdf}\n}\n');
    expect(Object.values(windows.attachmentLinks)).toEqual(['zotero://open-pdf/library/items/ZX9CV8BN']);
  });

  it('warns once about attachments on other computers', () => {
    const result = readLibrary('@article{a,\n  title = {T},\n  file = {\\\\\\\\attacker.example\\\\share\\\\paper.pdf}\n}\n');
    expect(result.papers[0].attachments).toEqual(['\\\\attacker.example\\share\\paper.pdf']);
    expect(result.warnings).toEqual([
      '1 attachment points to another computer and will not be linked in notes (a link to a network share can leak your credentials): a: \\\\attacker.example\\share\\paper.pdf',
    ]);
  });
});
