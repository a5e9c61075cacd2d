/**
 * Words too common to be a concept's term: an alias "the", "model" or 模型 would link nearly every note (issue 9).
 * Function words and the generic nouns of research writing, English and Chinese, compared after case folding.
 */
const ENGLISH = (
  'the a an and or nor of in on at to for with by from as into onto over under about via per than then so such ' +
  'is are was were be been being am do does did has have had will would can could may might must shall should ' +
  'this that these those it its we our us you your they their them he she his her i me my not no yes but if ' +
  'all any each every more most other some also only very just new one two three first second et al etc ' +
  'use used using uses based see e.g i.e vs ' +
  'model models method methods data dataset datasets task tasks result results paper papers article work works ' +
  'approach approaches system systems network networks performance training learning figure fig table section ' +
  'example examples note notes image images text texts time problem problems question questions answer answers ' +
  'study studies research experiment experiments algorithm algorithms framework frameworks input output value values'
).split(' ');

const CHINESE = (
  '模型 方法 数据 数据集 任务 结果 论文 文章 本文 我们 问题 系统 网络 学习 训练 性能 图像 文本 工作 实验 研究 技术 ' +
  '算法 框架 能力 效果 信息 特征 输入 输出 时间 例子 示例 表格 图片 笔记 概念 内容 方面 部分 这个 那个 一个 可以 进行'
).split(' ');

const STOP_WORDS = new Set([...ENGLISH, ...CHINESE].filter(Boolean));

/** Whether a term (already trimmed) is a stop word; `folded` is its case-folded key. */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
