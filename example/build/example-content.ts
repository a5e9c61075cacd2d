/**
 * What the example library adds to the bibliographic data of example/library.bib: a short summary of each paper
 * (written for this example, not the papers' abstracts), the collections, annotation notes and the user's own
 * Zotero notes. build-example.ts turns it into the BetterBibTeX JSON export.
 */
import type { NoteAnnotation } from '../../tests/support/zotero-note-html';

export const SUMMARIES: Readonly<Record<string, string>> = {
  yinSurveyMultimodalLarge2024:
    '第一篇系统梳理多模态大模型（MLLM）的综述：把架构拆成模态编码器、预训练 LLM 和连接模块三部分，总结预训练、指令微调和对齐微调三阶段训练，并整理了多模态 ICL、多模态思维链和 LLM 辅助视觉推理等拓展方向。',
  linMultiLayerVisual2025:
    '系统比较多层视觉特征在 MLLM 中的融合方式：从浅、中、深各取一层最有效，而且直接在输入端融合比在 LLM 内部层融合更稳。',
  liBenchmarkingMultimodalRetrieval2024:
    '提出需要动态检索的 Dyn-VQA 数据集，说明固定流程的多模态 RAG 处理不好多跳、会变的问题；OmniSearch 把问题拆成子问题边检索边规划。',
  liSViQAUnifiedSpeechVision2025: '语音和图像在同一个模型里对齐，口语提问不必先转成文字就能回答视觉问题。',
  radfordLearningTransferableVisual2021:
    'CLIP：用四亿对网页图文做对比学习，图像编码器和文本编码器对齐后可以零样本分类；后来成了很多 MLLM 的视觉编码器。',
  ouyangTrainingLanguageModels2022:
    'InstructGPT：先用人工示范做有监督微调，再训练奖励模型，最后用 PPO 做 RLHF。小得多的模型在人类偏好上胜过 GPT-3。',
  rafailovDirectPreferenceOptimization2023:
    'DPO 把 RLHF 的奖励建模和强化学习合成一个分类式的损失，直接在偏好对上训练策略，不需要单独的奖励模型和 PPO。',
  weiChainofthoughtPromptingElicits2022:
    '在少样本示例里写出中间推理步骤（思维链，CoT），大模型的算术和常识推理明显变好；这种能力只在足够大的模型上出现。',
  brownLanguageModelsAre2020:
    'GPT-3（1750 亿参数）说明规模足够大时，只在提示里给几个示例（上下文学习，ICL）就能完成很多任务，不必微调。',
  kaplanScalingLawsNeural2020: '语言模型的损失随参数量、数据量和算力按幂律下降；给定算力，应该优先把模型做大。',
  liuVisualInstructionTuning2023:
    'LLaVA：用 GPT-4 生成多模态指令数据，把 CLIP 视觉编码器通过一个投影层接到 LLM 上做视觉指令微调，是开源 MLLM 的起点之一。',
  chenShareGPT4VImprovingLarge2024: '用 GPT-4V 写的高质量长描述做预训练和微调数据，说明细粒度的图文对比数据量更重要。',
  guptaVisualProgrammingCompositional2023:
    'VisProg：让 LLM 把视觉问题写成一段程序，每行调用一个视觉模块，不需要训练就能做组合式视觉推理。',
  yangGPT4ToolsTeachingLarge2023: '用自指令方法生成工具使用数据，再对开源 LLM 做指令微调，让它学会调用视觉工具。',
  lewisRetrievalaugmentedGenerationKnowledgeintensive2020:
    'RAG：把检索器找到的文档和生成模型结合，参数化记忆加非参数化记忆，在知识密集型问答上更准，也更容易更新知识。',
};

/** Collection paths (names from the top) and the papers in each. */
export const COLLECTIONS: readonly { path: string[]; papers: string[] }[] = [
  { path: ['多模态大模型'], papers: ['yinSurveyMultimodalLarge2024', 'liSViQAUnifiedSpeechVision2025'] },
  { path: ['多模态大模型', '模态编码器与融合'], papers: ['radfordLearningTransferableVisual2021', 'linMultiLayerVisual2025'] },
  { path: ['多模态大模型', '训练数据与指令微调'], papers: ['liuVisualInstructionTuning2023', 'chenShareGPT4VImprovingLarge2024'] },
  { path: ['大语言模型'], papers: ['brownLanguageModelsAre2020', 'kaplanScalingLawsNeural2020'] },
  { path: ['大语言模型', '对齐'], papers: ['ouyangTrainingLanguageModels2022', 'rafailovDirectPreferenceOptimization2023'] },
  { path: ['大语言模型', '推理'], papers: ['weiChainofthoughtPromptingElicits2022'] },
  { path: ['智能体与检索'], papers: ['guptaVisualProgrammingCompositional2023', 'yangGPT4ToolsTeachingLarge2023'] },
  { path: ['智能体与检索', '检索增强生成'], papers: ['lewisRetrievalaugmentedGenerationKnowledgeintensive2020', 'liBenchmarkingMultimodalRetrieval2024'] },
];

const yellow = '#ffd400';
const red = '#ff6666';
const green = '#5fb236';
const blue = '#2ea8e5';

/** Annotation notes ("Add Note from Annotations") of a few papers: red marks a key claim, blue a method. */
export const ANNOTATIONS: Readonly<Record<string, NoteAnnotation[]>> = {
  weiChainofthoughtPromptingElicits2022: [
    { type: 'highlight', key: 'Q7HX2LCM', color: yellow, pageLabel: '1', pageIndex: 0, text: 'a chain of thought—a series of intermediate reasoning steps' },
    { type: 'highlight', key: 'R4KD8WNE', color: red, pageLabel: '2', pageIndex: 1, text: 'chain-of-thought reasoning is an emergent ability of model scale', comment: '小模型加了思维链反而更差：和 ICL 一样，是规模带来的能力。' },
    { type: 'underline', key: 'B9TF3MVA', color: blue, pageLabel: '3', pageIndex: 2, text: 'we manually composed a set of eight few-shot exemplars with chains of thought', comment: 'Method: the exemplars are hand-written, not searched.' },
    { type: 'note', key: 'N', color: yellow, pageLabel: '8', pageIndex: 7, comment: '消融实验：只写公式（equation only）不够，必须用自然语言写出步骤。' },
  ],
  ouyangTrainingLanguageModels2022: [
    { type: 'highlight', key: 'H3PZ6QRT', color: blue, pageLabel: '2', pageIndex: 1, text: 'supervised fine-tuning, reward model training, and reinforcement learning via proximal policy optimization', comment: 'RLHF 三步：SFT → RM → PPO。' },
    { type: 'highlight', key: 'K8WM2DXF', color: red, pageLabel: '1', pageIndex: 0, text: 'outputs from the 1.3B parameter InstructGPT model are preferred to outputs from the 175B GPT-3', comment: '对齐比单纯变大更有效。' },
    { type: 'image', key: 'F5NB7CJY', color: green, pageLabel: '3', pageIndex: 2, comment: '图 2：三个训练阶段的流程图。' },
  ],
  liuVisualInstructionTuning2023: [
    { type: 'highlight', key: 'V2QL9TSA', color: blue, pageLabel: '4', pageIndex: 3, text: 'a simple linear layer to connect image features into the word embedding space', comment: '连接模块只是一层线性投影（token 级融合）。' },
    { type: 'highlight', key: 'D6YC4HPE', color: yellow, pageLabel: '3', pageIndex: 2, text: 'leverage language-only GPT-4 to generate multimodal language-image instruction-following data' },
  ],
  lewisRetrievalaugmentedGenerationKnowledgeintensive2020: [
    { type: 'highlight', key: 'M4RA7GKB', color: red, pageLabel: '1', pageIndex: 0, text: 'combine pre-trained parametric and non-parametric memory for language generation', comment: '参数化记忆 = 生成模型；非参数化记忆 = 检索的文档。' },
    { type: 'underline', key: 'T8EJ3ZWN', color: blue, pageLabel: '3', pageIndex: 2, text: 'RAG-Sequence Model' },
  ],
};

/** The user's own Zotero notes (HTML inside the note editor's container). `@cite(key, page)` becomes a citation. */
export const USER_NOTES: Readonly<Record<string, string>> = {
  yinSurveyMultimodalLarge2024:
    '<h1>读后整理</h1><p>三段式架构：模态编码器 → 连接模块 → LLM。连接模块有 token 级（投影后拼接）和 feature 级（交叉注意力）两种 @cite(liuVisualInstructionTuning2023, 4)。</p><h2>想继续读的</h2><ul><li><p>多模态思维链怎么构造数据 @cite(weiChainofthoughtPromptingElicits2022, 3)</p></li><li><p>LLM 辅助视觉推理里的 VisProg 和 GPT4Tools</p></li></ul>',
  rafailovDirectPreferenceOptimization2023:
    '<p>DPO 和 InstructGPT 的 RLHF 比：省掉了奖励模型和 PPO，训练更稳定 @cite(ouyangTrainingLanguageModels2022, 2)。</p>',
  brownLanguageModelsAre2020: '<p>ICL 的定义：只在提示里给示例，不更新参数。后来的思维链是在示例里再加推理步骤。</p>',
};
