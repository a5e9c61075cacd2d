/**
 * Notes of the labelled corpus for the failure classes of issue 11, in the shapes the run over 1,362 real notes
 * found them: CJK emphasis, links glued to "(", invalid Markdown links, a BOM, hyphenated names, reference lists,
 * other plugins' files, the reviewed glossary, a switched-off concept, stop-word aliases and the user's own notes.
 */
export const REAL_NOTES: readonly string[] = [
  // CJK emphasis: the first mention sits between ** and a CJK letter, so the next one is linked.
  '模型存在**幻觉**问题，所以要缓解⟦Hallucination|幻觉⟧。',
  '这篇论文的核心是**思维链**推理：⟦CoT|思维链⟧让模型逐步思考。',
  '**上下文学习**能力来自⟦Pretraining|预训练⟧；后文的 **⟦ICL|上下文学习⟧** 需要示例。',
  '提出了==指令微调==方法；⟦Instruction tuning|指令微调⟧的数据很关键。',
  '__对齐微调__之后，⟦Alignment tuning|对齐微调⟧的效果更好。',
  'We study **⟦ICL|in-context learning⟧** and *⟦CoT|chain-of-thought⟧* prompting.',
  // A link never goes right before "(": the mention in the parenthesis takes it.
  '强化学习(⟦Reinforcement learning|RL⟧)是一种范式，强化学习依赖奖励。',
  '检索增强生成(⟦RAG⟧)把文档交给模型。',
  'Direct Preference Optimization(⟦DPO⟧) is simpler than ⟦RLHF⟧.',
  '⟦MoE|Mixture of Experts⟧ (MoE) with a space is a plain parenthesis.',
  // Markdown links by CommonMark's rules.
  '[ReKep](⟦VLM⟧ 关系关键点约束) 用关键点描述约束。',
  '[论文](<https://example.org/ICL paper.pdf>) 之后 ⟦ICL⟧。',
  '[RAG 综述](https://example.org/rag "RAG survey") 之后 ⟦RAG⟧。',
  '[链接](RLHF) 是指向 RLHF 笔记的链接，所以 RLHF 不再链接。',
  // A byte-order mark before a heading.
  '\uFEFF# 思维链综述\n\n正文提到⟦CoT|思维链⟧。',
  '\uFEFF## In-context learning\n\nThe body: ⟦ICL⟧.',
  // Hyphenated names are other things; -based and -tuned are mentions.
  'CoT-VLA 与 RLHF-V 以及 CLIP-Score、VLM-3R 都是名字；⟦CoT⟧-based 方法和 ⟦RLHF⟧-tuned 模型不是。',
  'We compare Long-CLIP, CLIP-ViT and ⟦CLIP⟧-style losses; ICL-Bench is a benchmark, ⟦ICL⟧-based prompting is not.',
  'GPT-4-Turbo and ⟦GPT-4⟧-level models; LLaVA-1.5 uses a ⟦Vision encoder|vision encoder⟧.',
  // Reference lists.
  '正文使用 ⟦CoT⟧。\n\n## References\n\n1. Wei, J. et al. Chain-of-thought prompting elicits reasoning in large language models. 2022.\n2. Ouyang, L. et al. Training language models to follow instructions with human feedback (RLHF). 2022.\n\n## 后记\n\n这里的 ⟦RLHF⟧ 要链接。',
  '[1] Wei J, Wang X. Chain-of-Thought Prompting for LLM. NeurIPS, 2022.\n[2] 张三. 多模态大语言模型综述[J]. 计算机学报, 2024.\n\n正文：⟦MLLM|多模态大语言模型⟧与 ⟦CoT⟧。',
  '# 笔记\n\n⟦RAG⟧ 的要点。\n\n## 参考文献\n\n- 检索增强生成综述\n- ICL 与 RLHF\n\n### 2023\n\n- DPO 论文\n',
  'Notes on ⟦DPO⟧.\n\n# Bibliography\n\nRafailov et al. Direct Preference Optimization. 2023.\n\n# Next steps\n\nTry ⟦PPO⟧ too.',
  '**References:**\n\n1. Brown, T. B. et al. Language models are few-shot learners (GPT-3). 2020.\n',
  'Works cited\n===\n\nHu et al. LoRA: Low-Rank Adaptation of Large Language Models. 2021.\n',
  '1. Jason Wei, Xuezhi Wang. 2022. Chain-of-thought prompting elicits reasoning. In NeurIPS.\n\n读后感：⟦CoT⟧ 很实用。',
  '1. Multi-Layer Visual ⟦Feature fusion|Feature Fusion⟧ in ⟦MLLM|Multimodal LLMs⟧ [https://arxiv.org/abs/2503.06063](https://arxiv.org/abs/2503.06063)',
  // Other plugins' files.
  '---\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n---\n==⚠  Switch to EXCALIDRAW VIEW ==\n\n# Text Elements\nICL and CoT ^a1b2c3\n',
  '---\n\nkanban-plugin: basic\n\n---\n\n## 待读\n\n- [ ] 思维链论文\n- [ ] RLHF 综述\n',
  '---\nmindmap-plugin: basic\n---\n\n# MLLM\n\n## ICL\n## CoT\n',
  '@file Drawing 2024.excalidraw.md\n# Excalidraw Data\n\nICL CoT RLHF\n',
  // The reviewed glossary.
  '游戏里的智能体和机器人智能体不是 ⟦LLM agent|LLM-based agent⟧。',
  '⟦LLM|大模型⟧的能力很强，⟦MLLM|多模态大模型⟧更强，⟦LVM|视觉大模型⟧则是 LVM。',
  '⟦Vision encoder|视觉编码器⟧把图像变成特征，再由⟦Connector|连接器⟧映射。',
  'The ⟦Vision encoder|image encoder⟧ is a ⟦ViT⟧.',
  'Online ⟦Reinforcement learning|RL⟧ training differs from ⟦RLHF⟧; rl and Rl are not the acronym.',
  '⟦Pretraining|Pre-trained⟧ models are ⟦Fine-tuning|fine-tuned⟧ on downstream tasks.',
  'A ⟦Pretraining|pretrained⟧ ⟦ViT⟧, then a ⟦Fine-tuning|finetuned⟧ head.',
  '视觉定位在 SLAM 中指相机位姿估计，不是 grounding。',
  // A switched-off concept and stop-word aliases.
  'We evaluate on a benchmark and 基准测试 results, with ⟦ICL⟧.',
  'A ⟦Model card|model card⟧ documents the model; the model is not linked.',
  // The user's own note, adopted as a concept.
  'Agents need ⟦Tool use|tool use⟧ and 工具使用 to act.',
];
