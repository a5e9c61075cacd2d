/**
 * A small bilingual vault for the suggestion tests: literature notes in the survey note's mix of Chinese and English,
 * one concept note the vault already has, and the traps of issue 11 (figure and citation parentheses, a model name).
 */
export const SUGGEST_VAULT: Record<string, string> = {
  'Concepts/CoT.md': '---\naliases: [chain of thought, 思维链]\n---\nMy CoT note.\n',
  'Literature/shao2024.md':
    '---\ntitle: DeepSeekMath\n---\n# DeepSeekMath\n\n我们使用群组相对策略优化（Group Relative Policy Optimization，GRPO）训练推理模型。GRPO 去掉了价值模型（Fig. 3）。\n\n这一方法由 Shao 等人提出（Shao et al., 2024），发表于（ICLR 2023）之后。\n',
  'Literature/guo2025.md':
    '---\ntitle: DeepSeek-R1\n---\nDeepSeek-R1 is trained with Group Relative Policy Optimization (GRPO) and rule-based rewards.\n\n思维链（Chain-of-Thought，CoT）让模型先写出推理步骤。\n',
  'Literature/liu2023.md':
    '---\ntitle: LLaVA\n---\nCLIP 图像编码器（ViT-L/14）提取特征；视觉指令微调（Visual Instruction Tuning，VIT）是关键。\n\n幻觉（hallucination）问题依然存在。\n',
  'Literature/li2023.md': '---\ntitle: POPE\n---\nPOPE 评测物体幻觉；GRPO 没有出现在这篇论文里，但这里提到了它。\n',
  'Reading/notes.md': '`GRPO (Group Relative Policy Optimization)` in code does not count.\n',
};

/** A two-paper BibLaTeX export: one abstract defines GRPO, the other uses CoT. */
export const SUGGEST_BIB = `@article{shao2024deepseekmath,
  title = {DeepSeekMath: Pushing the Limits of Mathematical Reasoning},
  author = {Shao, Zhihong},
  date = {2024},
  abstract = {We introduce Group Relative Policy Optimization (GRPO), a variant of PPO (see Section 4).}
}

@article{wei2022chain,
  title = {Chain-of-Thought Prompting Elicits Reasoning},
  author = {Wei, Jason},
  date = {2022},
  abstract = {We show how chain of thought prompting (CoT) improves reasoning.}
}
`;
