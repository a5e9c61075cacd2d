/**
 * Definition pairs on the Chinese labelled set (tests/core/concepts/suggest/zh-pairs.ts): precision and recall over
 * every pair, the traps (figures, citations, examples, model names, letters that do not match) giving nothing.
 */
import { findDefinitionPairs } from '../../../../src/core/concepts/suggest/definition-pairs';
import { findEnglishPairs, isAcronym } from '../../../../src/core/concepts/suggest/english-pairs';
import { schwartzHearstPairs } from '../../../../src/core/concepts/suggest/schwartz-hearst';
import { ZH_PAIRS } from './zh-pairs';

const key = (p: { short: string; long: string }) => `${p.short} ⇐ ${p.long}`;

describe('definition pairs on the Chinese labelled set', () => {
  it('has at least 150 labelled pairs and traps', () => {
    expect(ZH_PAIRS.reduce((n, [, pairs]) => n + pairs.length, 0)).toBeGreaterThanOrEqual(150);
    expect(ZH_PAIRS.filter(([, pairs]) => pairs.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('finds them with precision of at least 0.97 and recall of at least 0.95', () => {
    let tp = 0;
    let found = 0;
    let gold = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const [sentence, pairs] of ZH_PAIRS) {
      const want = new Set(pairs.map(([short, long]) => key({ short, long })));
      const got = new Set(findDefinitionPairs(sentence).map(key));
      gold += want.size;
      found += got.size;
      for (const k of got) (want.has(k) ? tp++ : wrong.push(`${k}   in ${sentence}`));
      for (const k of want) if (!got.has(k)) missed.push(`${k}   in ${sentence}`);
    }
    const precision = tp / found;
    const recall = tp / gold;
    console.log(`Chinese pairs: ${gold} labelled, ${found} found; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\nwrong:\n${wrong.join('\n')}\nmissed:\n${missed.join('\n')}`);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('English definition pairs', () => {
  it.each([
    ['We use in-context learning (ICL) here.', ['ICL ⇐ in-context learning']],
    ['Group Relative Policy Optimization (GRPO) drops the critic.', ['GRPO ⇐ Group Relative Policy Optimization']],
    ['the honeybee foraging algorithm (HFA) and round robin (RR)', ['HFA ⇐ honeybee foraging algorithm', 'RR ⇐ round robin']],
    ['We ask Visual Question Answering task (VQA) questions.', ['VQA ⇐ Visual Question Answering']],
    ['Convolutional neural networks (CNNs) see.', ['CNNs ⇐ Convolutional neural networks']],
    ['reasoning (chain of thought, CoT) helps', ['CoT ⇐ chain of thought']],
    ['GRPO (Group Relative Policy Optimization) drops the critic.', ['GRPO ⇐ Group Relative Policy Optimization']],
    ['Here, DA = direct assessment, RR = relative ranking.', ['DA ⇐ direct assessment', 'RR ⇐ relative ranking']],
    ['(see Section 2) (Fig. 3) (Shao et al., 2024) (ICLR 2023) (2022) (p < 0.05) (e.g., RT-2) (ours)', []],
    ['a mismatched long form (XYZ) here', []],
  ])('%s', (text, expected) => {
    expect(findEnglishPairs(text).map(key)).toEqual(expected);
  });

  it('tells acronyms from words', () => {
    expect(['ICL', 'CoT', 'MoE', 'mRAG', 'GPT-4V', 'IE', 'KÇA'].map(isAcronym)).toEqual([true, true, true, true, true, true, true]);
    expect(['Ours', 'ours', 'a', 'Fig. 3', 'ICLR 2023', '2022', 'ie', 'Adam'].map(isAcronym)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('beats the Schwartz & Hearst baseline where it fails', () => {
    const text = 'the infinite hidden markov random field model (IHMRF) is used';
    expect(schwartzHearstPairs(text).map(key)).toEqual(['IHMRF ⇐ infinite hidden markov random field model']);
    expect(findEnglishPairs(text).map(key)).toEqual(['IHMRF ⇐ infinite hidden markov random field']);
  });
});
