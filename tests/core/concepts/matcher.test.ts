import { testIndex, linked } from './support';

const index = testIndex();

describe('matching: word boundaries decided in code', () => {
  it.each([
    ['ICLR 2024 accepted it.', []],
    ['Scott and cotton are not CoT-free words: scott, Cotton.', ['CoT=CoT']],
    ['VQAv2 is a benchmark.', []],
    ['mRAG differs from RAG.', ['mRAG=mRAG', 'RAG=RAG']],
    ['M-CoT is not CoT.', ['M-CoT=M-CoT', 'CoT=CoT']],
    ['Dyn-VQA is a dataset.', []],
    ['RLHF-based tuning', ['RLHF=RLHF']],
    ['ICL2 and 2ICL and ICL_x', []],
    ['GPT-4V and GPT-4o are not GPT-4.', ['GPT-4=GPT-4']],
    ['GPT-4.5 is not GPT-4 either', ['GPT-4=GPT-4']],
    ['GPT4Tools uses GPT4.', ['GPT-4=GPT4']],
    ['email me at ICL@x.org or visit arxiv.CLIP', []],
    ['[ICL] and !CoT and \\RLHF stay plain', []],
  ])('%s', (text, expected) => {
    expect(linked(text, index)).toEqual(expected);
  });

  it('treats CJK characters and punctuation as boundaries', () => {
    expect(linked('使用ICL可以，ICL、CoT和RLHF。', index)).toEqual(['ICL=ICL', 'CoT=CoT', 'RLHF=RLHF']);
    expect(linked('（DPO）与「MoE」', index)).toEqual(['DPO=DPO', 'MoE=MoE']);
  });

  it('matches acronyms case-sensitively, with plural and possessive', () => {
    expect(linked('cot, COT, Cot and icl are not concepts', index)).toEqual([]);
    expect(linked('LLMs are large.', index)).toEqual(['LLM=LLMs']);
    expect(linked("CoT's steps", index)).toEqual(['CoT=CoT']);
    expect(linked('Many CoTs.', index)).toEqual(['CoT=CoTs']);
  });

  it('matches phrases case-insensitively with spaces and hyphens equivalent and plurals', () => {
    expect(linked('In-context learning works.', index)).toEqual(['ICL=In-context learning']);
    expect(linked('in context learning works.', index)).toEqual(['ICL=in context learning']);
    expect(linked('Chain of Thought', index)).toEqual(['CoT=Chain of Thought']);
    expect(linked('chain-of-thought prompting', index)).toEqual(['CoT=chain-of-thought']);
    expect(linked('CHAIN  OF  THOUGHT', index)).toEqual(['CoT=CHAIN  OF  THOUGHT']);
    expect(linked('Scaling laws hold.', index)).toEqual(['Scaling law=Scaling laws']);
    expect(linked('reward models', index)).toEqual(['Reward model=reward models']);
    expect(linked('hallucinations', index)).toEqual(['Hallucination=hallucinations']);
  });

  it('keeps the acronym part of mixed terms case-sensitive', () => {
    expect(linked('Multimodal LLMs are MLLMs.', index)).toEqual(['MLLM=Multimodal LLMs']);
    expect(linked('multimodal llm', index)).toEqual([]);
    expect(linked('LLM-Aided Visual Reasoning', index)).toEqual(['LAVR=LLM-Aided Visual Reasoning']);
    expect(linked('llm-aided visual reasoning', index)).toEqual(['Visual reasoning=visual reasoning']);
  });

  it('matches Chinese exactly, leftmost-longest', () => {
    expect(linked('多模态思维链不是思维链', index)).toEqual(['M-CoT=多模态思维链', 'CoT=思维链']);
    expect(linked('多模态大语言模型', index)).toEqual(['MLLM=多模态大语言模型']);
    expect(linked('大语言模型', index)).toEqual(['LLM=大语言模型']);
    expect(linked('基于人类反馈的强化学习', index)).toEqual(['RLHF=基于人类反馈的强化学习']);
    expect(linked('指令微调和对齐微调都是微调', index)).toEqual(['Instruction tuning=指令微调', 'Alignment tuning=对齐微调', 'Fine-tuning=微调']);
  });

  it('folds full-width letters and keeps the user text as typed', () => {
    expect(linked('全角的ＣｏＴ和ＩＣＬ', index)).toEqual(['CoT=ＣｏＴ', 'ICL=ＩＣＬ']);
    expect(linked('ＩＣＬＲ', index)).toEqual([]);
  });
});
