import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arxivAbsUrl, zoteroSelectUri, type Paper } from '../../../src/core/library/paper';
import { renderSummaryEntry, renderSummaryList } from '../../../src/core/notes/summary-entry';
import { FIXTURES_DIR } from '../../support/fixtures';
import { expectGolden } from './golden';
import { brown2014, he2015 } from './golden-papers';

const survey = readFileSync(join(FIXTURES_DIR, '..', 'seed', 'survey-note.md'), 'utf8').split('\n');

/** A paper from the survey note's "前沿文章摘要" list: its numbered line, its tags line and its summary line. */
function surveyPaper(titleLine: string, tagsLine: string, summaryLine: string): Paper {
  const m = /^\d+\. (.*) \[(https:\/\/arxiv\.org\/abs\/([\d.]+))\]\(\2\)$/.exec(titleLine);
  if (!m) throw new Error(`not an entry: ${titleLine}`);
  return {
    citekey: `arxiv${m[3]}`,
    title: m[1],
    authors: [],
    year: null,
    date: null,
    type: 'article',
    venue: null,
    abstract: summaryLine.replace(/^\d+\. /, ''),
    tags: [tagsLine.replace(/^\d+\. tags[:：] ?/, '')],
    collections: [],
    arxiv: m[3],
    arxivUrl: arxivAbsUrl(m[3]),
    doi: null,
    url: null,
    zoteroUri: zoteroSelectUri(`arxiv${m[3]}`),
    attachments: [],
    notes: [],
    attachmentLinks: {},
    annotations: [],
  };
}

describe('summary list entries', () => {
  const start = survey.indexOf('## 前沿文章摘要');
  const fusion = surveyPaper(survey[start + 2], survey[start + 4], survey[start + 5]);

  it('writes the title line exactly as the survey note does', () => {
    const entry = renderSummaryEntry(fusion, 1, { language: 'zh', summarySource: 'abstract' });
    expect(entry.split('\n')[0]).toBe(survey[start + 2]);
    expect(entry.split('\n')[0]).toBe(
      '1. Multi-Layer Visual Feature Fusion in Multimodal LLMs: Methods, Analysis, and Best Practices [https://arxiv.org/abs/2503.06063](https://arxiv.org/abs/2503.06063)',
    );
  });

  it('puts the tags line and the summary under the numbered title', () => {
    const entry = renderSummaryEntry(fusion, 1, { language: 'zh', summarySource: 'abstract' });
    const lines = entry.split('\n');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('   tags：特征融合');
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe(`   ${survey[start + 5].replace(/^3\. /, '')}`);
    expect(lines.slice(5)).toEqual(['']);
  });

  it('numbers a list of the survey papers and matches the golden file', () => {
    const papers = [0, 5, 10].map((o) => surveyPaper(survey[start + 2 + o], survey[start + 4 + o], survey[start + 5 + o]));
    expect(papers.map((p) => p.tags[0])).toEqual(['特征融合', '多模态信息检索', 'audio generation']);
    const list = renderSummaryList(papers, { language: 'zh', summarySource: 'abstract' });
    expect(list.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
    expectGolden('summary-list-survey.zh.md', list);
  });

  it('indents to the width of the number and keeps paragraphs', () => {
    const paper = { ...he2015().paper, tags: ['a', 'b'], abstract: 'First.\n\nSecond.' };
    expect(renderSummaryEntry(paper, 12, { language: 'en', summarySource: 'abstract' })).toBe(
      [
        '12. Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification [https://arxiv.org/abs/1502.01852](https://arxiv.org/abs/1502.01852)',
        '',
        '    tags: a, b',
        '',
        '    First.',
        '',
        '    Second.',
        '',
      ].join('\n'),
    );
  });

  it('links the DOI without arXiv, and leaves out what is missing', () => {
    expect(renderSummaryEntry(brown2014().paper, 3, { language: 'en', summarySource: 'abstract' })).toBe(
      '3. Psychological distress and the intersection of gender and physical disability: Considering gender and disability-related risk factors [https://doi.org/10/f6h4b4](https://doi.org/10/f6h4b4)\n',
    );
    const bare = { ...brown2014().paper, doi: null, url: null, title: 'Only a title' };
    expect(renderSummaryEntry(bare, 0, { language: 'zh', summarySource: 'first-note' })).toBe('0. Only a title\n');
    // A URL becomes a link only when it is a web address.
    expect(renderSummaryEntry({ ...bare, url: 'https://example.org/a' }, 1, { language: 'en', summarySource: 'abstract' })).toBe(
      '1. Only a title [https://example.org/a](https://example.org/a)\n',
    );
    for (const url of ['javascript:alert(1)', 'file://attacker.example/share/a.pdf', 'data:text/html,x']) {
      expect(renderSummaryEntry({ ...bare, url }, 1, { language: 'en', summarySource: 'abstract' })).toBe('1. Only a title\n');
    }
  });

  it('rejects a bad number', () => {
    expect(() => renderSummaryEntry(fusion, -1, { language: 'zh', summarySource: 'abstract' })).toThrow(RangeError);
    expect(() => renderSummaryEntry(fusion, 1.5, { language: 'zh', summarySource: 'abstract' })).toThrow(RangeError);
  });
});
