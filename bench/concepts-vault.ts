/**
 * A generated vault for the concept bench: 300 concepts (about 1,000 terms: English acronyms and phrases, Chinese
 * terms) and 5,000 literature notes of a few kilobytes in the survey note's mix of Chinese and English, with front
 * matter, a managed summary, code blocks, URLs and existing links. Deterministic (seeded).
 */

export interface BenchConcept {
  name: string;
  aliases: string[];
}

export interface BenchVault {
  concepts: BenchConcept[];
  files: Record<string, string>;
  /** Every term, for the one-regex-per-alias baseline. */
  terms: { term: string; concept: string }[];
}

export const NOTE_COUNT = 5000;
export const CONCEPT_COUNT = 300;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_WORDS = (
  'visual feature fusion layer model token encoder decoder image text retrieval reasoning prompt agent benchmark ' +
  'alignment preference reward policy gradient sparse dense expert router adapter projection query memory graph ' +
  'planning caption grounding detection segmentation audio video speech latent diffusion contrastive instruction'
).split(' ');
const FILLER = (
  'the of and we show that our method improves results on several tasks with fewer parameters while keeping ' +
  'training cheap this paper studies how models learn from data in practice'
).split(' ');
const HAN =
  '模型视觉语言多态学习训练推理特征融合检索增强生成对齐指令微调偏好奖励策略专家路由编码解码图像文本任务数据样本上下文链式思维注意力机制表示空间参数规模定律评测基准智能体工具调用幻觉定位描述识别蒸馏适配压缩量化';
const HAN_FILLER = '我们发现这篇论文提出了一种新的方法并且在实验中显著优于传统方法同时减少计算开销能够理解问题';

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function hanWord(r: () => number, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += HAN[Math.floor(r() * HAN.length)];
  return s;
}

function acronym(r: () => number): string {
  const n = 2 + Math.floor(r() * 3);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(65 + Math.floor(r() * 26));
  const style = r();
  if (style < 0.2) return s[0] + s.slice(1, -1).toLowerCase() + s.slice(-1); // CoT, MoE
  if (style < 0.3) return `${s}-${1 + Math.floor(r() * 5)}`; // GPT-4
  if (style < 0.4) return `M-${s}`; // M-CoT
  return s;
}

function phrase(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  return Array.from({ length: n }, () => pick(r, EN_WORDS)).join(r() < 0.3 ? '-' : ' ');
}

function makeConcepts(r: () => number): BenchConcept[] {
  const used = new Set<string>();
  const fresh = (make: () => string): string => {
    for (;;) {
      const t = make();
      if (!used.has(t.toLowerCase())) {
        used.add(t.toLowerCase());
        return t;
      }
    }
  };
  const concepts: BenchConcept[] = [];
  for (let i = 0; i < CONCEPT_COUNT; i++) {
    const kind = i % 3;
    const name = fresh(() => (kind === 0 ? acronym(r) : kind === 1 ? phrase(r) : hanWord(r, 3, 5)));
    const aliases = [fresh(() => (kind === 1 ? acronym(r) : phrase(r))), fresh(() => hanWord(r, 3, 6))];
    if (r() < 0.35) aliases.push(fresh(() => hanWord(r, 4, 6)));
    concepts.push({ name: name.replace(/[/\\:]/g, ' '), aliases });
  }
  return concepts;
}

function sentence(r: () => number, terms: readonly string[]): string {
  const zh = r() < 0.5;
  const parts: string[] = [];
  const n = 8 + Math.floor(r() * 10);
  for (let i = 0; i < n; i++) {
    if (r() < 0.035) parts.push(pick(r, terms));
    else parts.push(zh ? hanWord(r, 2, 4).replace(/./g, () => HAN_FILLER[Math.floor(r() * HAN_FILLER.length)]) : pick(r, FILLER));
  }
  return zh ? parts.join('') + '。' : parts.join(' ') + '. ';
}

function makeNote(r: () => number, i: number, terms: readonly string[]): string {
  const paragraph = () => Array.from({ length: 6 + Math.floor(r() * 6) }, () => sentence(r, terms)).join('');
  const title = `Paper ${i}: ${phrase(r)} for ${phrase(r)}`;
  const lines = [
    '---',
    `title: "${title}"`,
    'date: 2025-09-30 21:14:40',
    'categories:',
    '  - Papers',
    'tags:',
    `  - ${hanWord(r, 2, 4)}`,
    `citekey: paper${i}`,
    `arxiv: https://arxiv.org/abs/2503.${String(10000 + i).slice(1)}`,
    '---',
    `# ${title}`,
    '',
    `[arXiv:2503.${i}](https://arxiv.org/abs/2503.${i}) · [Open in Zotero](zotero://select/items/@paper${i})`,
    '',
    '%% zcn:begin summary %%',
    paragraph(),
    '%% zcn:end summary %%',
    '',
    '## Notes',
    '',
    paragraph(),
    '',
    r() < 0.3 ? '```python\nmodel = build(config)  # ' + pick(r, terms) + '\n```\n' : '',
    `See [[paper${(i * 7) % NOTE_COUNT}]] and https://github.com/example/${pick(r, EN_WORDS)}.`,
    '',
    paragraph(),
    '',
    paragraph(),
    '',
    '## 读后感',
    '',
    paragraph(),
    '',
    paragraph(),
  ];
  return [...lines, ''].join('\n');
}

/**
 * Build the vault: `Concepts/<name>.md` with front-matter aliases and `Literature/paperN.md`. Each file is made by one
 * `join`, so it is a flat string, as a note read from disk is: text made by `+` is a rope that V8 flattens on first
 * read, and the first timed run paid for copying 17.6 MB that no real vault read costs.
 */
export function generateConceptVault(): BenchVault {
  const r = rng(20251001);
  const concepts = makeConcepts(r);
  const terms = concepts.flatMap((c) => [c.name, ...c.aliases].map((term) => ({ term, concept: c.name })));
  const files: Record<string, string> = {};
  for (const c of concepts) {
    files[`Concepts/${c.name}.md`] = ['---', 'aliases:', ...c.aliases.map((a) => `  - ${a}`), '---', sentence(r, terms.map((t) => t.term)), ''].join('\n');
  }
  const surfaces = terms.map((t) => t.term);
  for (let i = 0; i < NOTE_COUNT; i++) files[`Literature/paper${i}.md`] = makeNote(r, i, surfaces);
  return { concepts, files, terms };
}
