import fc from 'fast-check';
import { foldForSearch, PaperSearchIndex, paperSearchIndex, searchWords, type SearchablePaper } from '../../../src/core/library/paper-search';
import type { Paper } from '../../../src/core/library/paper';
import { entryOf } from '../../../src/core/library/library-index';
import { makePaper } from '../sync/sync-support';

const papers: Paper[] = [
  makePaper('brownLanguageModelsAre2020', { title: 'Language Models Are Few-Shot Learners', authors: ['Brown, Tom B.', 'Mann, Benjamin'], year: 2020, venue: 'NeurIPS' }),
  makePaper('weiChainofthoughtPromptingElicits2022', { title: 'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models', authors: ['Wei, Jason'], year: 2022, venue: 'NeurIPS' }),
  makePaper('zhangDuomotaiDaMoxing2024', { title: '多模态大模型导论', authors: ['张, 明远', '李, 静'], year: 2024, venue: '清华大学出版社' }),
  makePaper('scholkopfLearningKernels2002', { title: 'Learning with Kernels', authors: ['Schölkopf, Bernhard', 'Smola, Alexander J.'], year: 2002, venue: 'MIT Press' }),
  makePaper('vaswaniAttentionAllYou2017', { title: 'Attention Is All You Need', authors: ['Vaswani, Ashish'], year: 2017, venue: 'NeurIPS' }),
  makePaper('chatgpt2023', { title: 'Evaluating ChatGPT on Reasoning', authors: ['Lee, Ann'], year: 2023, venue: null }),
];

const keys = <T extends SearchablePaper>(index: PaperSearchIndex<T>, query: string, limit = 10) => index.search(query, limit).map((m) => m.item.citekey);

describe('the library search', () => {
  it('finds every word typed in the title, authors, year, citekey or venue, in any order', () => {
    const index = new PaperSearchIndex(papers);
    expect(keys(index, 'few-shot learners')).toEqual(['brownLanguageModelsAre2020']);
    expect(keys(index, 'learners brown')).toEqual(['brownLanguageModelsAre2020']);
    expect(keys(index, '2022 neurips')).toEqual(['weiChainofthoughtPromptingElicits2022']);
    expect(keys(index, 'language models')).toEqual(['weiChainofthoughtPromptingElicits2022', 'brownLanguageModelsAre2020']); // newer first when equal
    expect(keys(index, 'attention kernels')).toEqual([]);
  });

  it('finds Chinese titles, names and publishers by any part of them', () => {
    const index = new PaperSearchIndex(papers);
    expect(keys(index, '大模型')).toEqual(['zhangDuomotaiDaMoxing2024']);
    expect(keys(index, '明远')).toEqual(['zhangDuomotaiDaMoxing2024']);
    expect(keys(index, '2024 清华')).toEqual(['zhangDuomotaiDaMoxing2024']);
    expect(keys(index, '多模态，导论')).toEqual(['zhangDuomotaiDaMoxing2024']); // a full-width comma separates words too
  });

  it('ignores case and accents, and full-width letters', () => {
    const index = new PaperSearchIndex(papers);
    expect(keys(index, 'scholkopf')).toEqual(['scholkopfLearningKernels2002']);
    expect(keys(index, 'SCHÖLKOPF')).toEqual(['scholkopfLearningKernels2002']);
    expect(keys(index, 'ＡＴＴＥＮＴＩＯＮ')).toEqual(['vaswaniAttentionAllYou2017']);
    expect(foldForSearch('Ｓchölkopf ℌ')).toBe('scholkopf h');
  });

  it('ranks the citekey first, then words that start a word, then words inside a word', () => {
    const index = new PaperSearchIndex(papers);
    expect(index.search('vaswaniAttentionAllYou2017', 5).map((m) => m.score)).toEqual([100]);
    expect(index.search('chat', 5).map((m) => [m.item.citekey, m.score])).toEqual([
      ['chatgpt2023', 40], // the key starts with it
      ['weiChainofthoughtPromptingElicits2022', 2], // c-h-a-…-t in order in the key
    ]);
    expect(index.search('gpt', 5).map((m) => m.score)).toEqual([10, 2]); // inside a word still counts (chatgpt2023), before letters in order
    expect(index.search('reasoning', 5).map((m) => [m.item.citekey, m.score])).toEqual([
      ['chatgpt2023', 20],
      ['weiChainofthoughtPromptingElicits2022', 20],
    ]);
  });

  it('matches the letters of a citekey in order, but never spread over a title', () => {
    const index = new PaperSearchIndex(papers);
    expect(keys(index, 'brown2020')).toEqual(['brownLanguageModelsAre2020']);
    expect(keys(index, 'wei2022')).toEqual(['weiChainofthoughtPromptingElicits2022']);
    expect(keys(index, 'lmfsl')).toEqual([]); // Language Models … Few-Shot Learners: not a title match
  });

  it('lists the library in its order for an empty query, and keeps to the limit', () => {
    const index = new PaperSearchIndex(papers);
    expect(keys(index, '', 3)).toEqual(papers.slice(0, 3).map((p) => p.citekey));
    expect(keys(index, 'e', 2)).toHaveLength(2);
    expect(searchWords(' a,b;  c ')).toEqual(['a', 'b', 'c']);
  });

  it('gives the same results while the user types on (narrowing) as a fresh search', () => {
    const alphabet = fc.constantFrom(...'aeilnorst 2多模 ,'.split(''));
    fc.assert(
      fc.property(fc.array(fc.array(alphabet, { maxLength: 8 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 6 }), (typed) => {
        const typing = new PaperSearchIndex(papers);
        let query = '';
        for (const more of typed) {
          query += more;
          expect(keys(typing, query, 50)).toEqual(keys(new PaperSearchIndex(papers), query, 50));
        }
        // And backspacing.
        expect(keys(typing, query.slice(0, -1), 50)).toEqual(keys(new PaperSearchIndex(papers), query.slice(0, -1), 50));
      }),
    );
  });

  it('keeps one prepared index per list of papers', () => {
    expect(paperSearchIndex(papers)).toBe(paperSearchIndex(papers));
    expect(paperSearchIndex([...papers])).not.toBe(paperSearchIndex(papers));
  });

  it('finds the same over the compact entries the plugin keeps (authors joined in one string)', () => {
    const whole = new PaperSearchIndex(papers);
    const compact = new PaperSearchIndex(papers.map((p) => entryOf(p)));
    for (const query of ['few-shot learners', 'learners brown', '明远', 'scholkopf', 'mann 2020', '李', 'language models', '']) {
      expect(keys(compact, query)).toEqual(keys(whole, query));
    }
  });
});
