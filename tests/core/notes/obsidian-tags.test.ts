import fc from 'fast-check';
import { toObsidianTag, toObsidianTags } from '../../../src/core/notes/obsidian-tags';
import { readFixture } from '../../support/fixtures';

// Obsidian's rule: letters (any script), digits, `_`, `-`, `/`, emoji; not digits only.
const VALID_CHAR = /^[\p{L}\p{M}\p{N}_\-/\p{Extended_Pictographic}]$/u;
const isValidTag = (t: string) => [...t].every((ch) => VALID_CHAR.test(ch) || ch === '\u200d' || ch === '\ufe0f');

describe('Obsidian tags from Zotero tags', () => {
  it('cleans the keyword holding every ASCII punctuation character (BBT #2795)', () => {
    const keyword = /keywords = \{(.*)\}\n/.exec(readFixture('bbt/keywords-punctuation-pubmed-eprint-2795.biblatex.bib'))![1];
    expect(keyword).toContain('!"$&\'()*+-./0123456789:;<=>?@');
    expect(toObsidianTag(keyword)).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz');
  });

  it('keeps CJK and other scripts, turns spaces into hyphens', () => {
    expect(toObsidianTag('特征融合')).toBe('特征融合');
    expect(toObsidianTag('多模态 信息检索')).toBe('多模态-信息检索');
    expect(toObsidianTag('audio generation')).toBe('audio-generation');
    expect(toObsidianTag('Физика')).toBe('Физика');
    expect(toObsidianTag('måske')).toBe('måske');
    expect(toObsidianTag('हिन्दी')).toBe('हिन्दी');
    expect(toObsidianTag('📝/🌱')).toBe('📝/🌱');
  });

  it('drops punctuation and tidies separators', () => {
    expect(toObsidianTag('#ICL')).toBe('ICL');
    expect(toObsidianTag('futur: 3')).toBe('futur-3');
    expect(toObsidianTag('Computer Science - Machine Learning')).toBe('Computer-Science-Machine-Learning');
    expect(toObsidianTag('/ML // theory /')).toBe('ML/theory');
    expect(toObsidianTag('_tablet')).toBe('_tablet');
    expect(toObsidianTag('C++')).toBe('C');
  });

  it('keeps digit-only tags usable and drops empty ones', () => {
    expect(toObsidianTag('2024')).toBe('_2024');
    expect(toObsidianTag('2024/05')).toBe('_2024/05');
    expect(toObsidianTag('???')).toBeNull();
    expect(toObsidianTag('   ')).toBeNull();
  });

  it('dedupes case-insensitively, keeping the first spelling and order', () => {
    expect(toObsidianTags(['LLM', 'llm', 'In context learning', 'In-context learning', '', '指令微调', '指令 微调'])).toEqual(['LLM', 'In-context-learning', '指令微调', '指令-微调']);
  });

  it('always gives valid tags', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const t = toObsidianTag(s);
        if (t === null) return;
        expect(isValidTag(t)).toBe(true);
        expect(t).not.toMatch(/^\p{N}+$/u);
        expect(t).not.toMatch(/^[-/]|[-/]$|\/\/|--/);
      }),
      { numRuns: 2000 },
    );
  });
});
