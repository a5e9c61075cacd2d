/**
 * Chinese definition pairs, the way Chinese notes and abstracts define terms: `思维链（Chain-of-Thought，CoT）`,
 * `多模态大语言模型（MLLM）`, `幻觉（hallucination）`, `RLHF（基于人类反馈的强化学习）`, in full-width or ASCII
 * parentheses. Chinese has no spaces, so where the term starts is decided by particles and verbs that cannot begin
 * a term (了, 的, 提出, 使用…) and by the expected length: about two characters per English content word or
 * acronym letter (基于人类反馈的强化学习 for RLHF, not 强化学习).
 */
import { alignLongForm, FUNCTION_WORDS, shortFormLetters } from './long-form-alignment';
import { innerParts, isAcronym, isLatinPhrase, isNoiseText, parentheses, wordsBefore } from './english-pairs';
import type { DefinitionPair } from './schwartz-hearst';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** What a parenthesis starting with these is not: examples, references, figures. */
const NOISE = /^(?:如|例如|比如|譬如|见|参见|详见|参考|包括|包含|图|表|公式|式|第|注|来源|引自|等|其中|即使|甚至|一个|一种|一类|一款|某|约|大约)/;
/** Cue words before the term inside the parenthesis ("简称 CoT", "英文 Chain of Thought"). */
const CUE = /^(?:以下简称|下文简称|简称为|简称|缩写为|缩写|英文名|英文全称|英文|全称|又称为|又称|也称为|也称|亦称|即)[为：:\s]*/;
/** Single characters after which a term starts: particles and function words (never inside the usual term). */
const BREAK_CHARS = new Set([...'的了是在和与及或将把被即让使从向给由这那其该等并而且也都就还又再很更最不没能会可要需应我你他她它们每各种个着过吗呢吧啊到中']);
/** Words after which a term starts: verbs of introducing and defining. */
const BREAK_WORDS = ['常用', '用到', '提出了', '提出', '引入了', '引入', '采用了', '采用', '使用了', '使用', '利用了', '利用', '通过', '称为', '叫做', '称作', '本文', '我们', '作者', '介绍了', '介绍', '研究了', '结合了', '基于了', '涉及到了', '涉及到', '涉及', '关于', '针对', '对于', '用于', '进行了', '进行', '实现了', '构建了', '设计了', '所谓的', '所谓'];

/** Characters a term never starts with. */
const NEVER_FIRST = new Set([...'的了是在和与及或将把被也都就还又再很更最不没我你他她它们这那其该']);

const MAX_TERM = 16;

/** Content words of an English long form (function words do not get Chinese characters). */
function contentWords(long: string): number {
  return long.split(/[\s-]+/).filter((w) => w !== '' && !FUNCTION_WORDS.has(w.toLowerCase())).length;
}

/** Whether `text[i]` belongs to a Chinese term: a Han character, or a hyphen or middle dot between two of them. */
function inTerm(text: string, i: number): boolean {
  const c = text[i];
  if (HAN.test(c)) return true;
  return (c === '-' || c === '·' || c === '－') && i > 0 && HAN.test(text[i - 1]) && HAN.test(text[i + 1] ?? '');
}

/** The Han run ending at `end`, and the offsets inside it where a term may start. */
function termStarts(text: string, end: number): number[] {
  let start = end;
  while (start > 0 && end - start < MAX_TERM + 8 && inTerm(text, start - 1)) start--;
  const cuts = new Set<number>([start]);
  for (let i = start; i < end - 1; i++) {
    if (BREAK_CHARS.has(text[i])) cuts.add(i + 1);
    for (const w of BREAK_WORDS) if (text.startsWith(w, i) && i + w.length < end) cuts.add(i + w.length);
  }
  // A term never starts with a particle or a verb of introducing, and never holds 了.
  return [...cuts].filter((c) => {
    const term = text.slice(c, end);
    return term.length >= 2 && term.length <= MAX_TERM && !NEVER_FIRST.has(term[0]) && !term.includes('了') && !BREAK_WORDS.some((w) => term.startsWith(w));
  });
}

/**
 * The Chinese term right before `end`, about `expected` characters long, or null. A Latin word written just before
 * it is part of it when the short form starts with that word's initial ("LLM 辅助视觉推理" for LAVR).
 */
export function chineseTermBefore(text: string, end: number, expected: number, shortForm?: string): string | null {
  const cuts = termStarts(text, end);
  if (cuts.length === 0) return null;
  // Closest to the expected length; on a tie the shorter one (a verb before the term is more likely than a longer term).
  let best = cuts[0];
  for (const c of cuts) {
    const d = Math.abs(end - c - expected);
    const bd = Math.abs(end - best - expected);
    if (d < bd || (d === bd && c > best)) best = c;
  }
  const lead = /([A-Z][A-Za-z0-9]*) ?$/.exec(text.slice(Math.max(0, best - 12), best));
  if (lead && shortForm !== undefined && best === Math.min(...cuts) && shortForm[0]?.toUpperCase() === lead[1][0]) {
    return text.slice(best - lead[0].length, end);
  }
  return text.slice(best, end);
}

/** An acronym a Chinese note may define by itself: letters only (a model name such as "ViT-L/14" or "GPT-4" is not). */
function isBareAcronym(sf: string): boolean {
  return isAcronym(sf) && /^[A-Za-z][A-Za-z-]*[A-Za-z]$/.test(sf) && !/\s/.test(sf);
}

function isHanTerm(text: string): boolean {
  return text.length >= 2 && text.length <= MAX_TERM && [...text].every((c) => HAN.test(c)) && !NOISE.test(text) && !BREAK_CHARS.has(text[0]);
}

/** The capitalised words ending a run of words ("We use Group Relative Policy Optimization" → the last four). */
function capitalisedTail(words: readonly string[]): string | null {
  let s = words.length;
  while (s > 0 && (/^\p{Lu}/u.test(words[s - 1]) || (s < words.length && FUNCTION_WORDS.has(words[s - 1].toLowerCase())))) s--;
  while (s < words.length && FUNCTION_WORDS.has(words[s].toLowerCase())) s++;
  if (s >= words.length) return null;
  const name = words.slice(s).join(' ');
  return isLatinPhrase(name) ? name : null;
}

/** Chinese definition pairs: `short` is the acronym or the English term, `long` the Chinese (or English) long form. */
export function findChinesePairs(text: string): DefinitionPair[] {
  const out: DefinitionPair[] = [];
  for (const { open, inner } of parentheses(text)) {
    const ps = innerParts(inner).map((p) => p.replace(CUE, '').trim()).filter(Boolean);
    if (ps.length === 0 || NOISE.test(ps[0])) continue;
    const hanBefore = open > 0 && HAN.test(text[open - 1]);
    if (hanBefore) {
      const acronyms = ps.filter((p) => isAcronym(p));
      const phrases = ps.filter((p) => isLatinPhrase(p));
      if (ps.length > 2 || acronyms.length + phrases.length !== ps.length || acronyms.length > 1 || phrases.length > 1) continue;
      const sf = acronyms[0];
      const en = phrases[0];
      if (sf !== undefined && en !== undefined) {
        // 中文（English long form，ACR）: the English long form must spell the acronym.
        if (!alignLongForm(sf, en.split(/\s+/), true)) continue;
        const zh = chineseTermBefore(text, open, 2 * contentWords(en), sf);
        out.push({ short: sf, long: en });
        if (zh) out.push({ short: sf, long: zh });
      } else if (sf !== undefined) {
        if (!isBareAcronym(sf)) continue;
        const zh = chineseTermBefore(text, open, 2 * shortFormLetters(sf).length, sf);
        if (zh) out.push({ short: sf, long: zh });
      } else if (en !== undefined) {
        // 中文（English term）: a translation; the English term is the concept's name.
        const zh = isNoiseText(en) ? null : chineseTermBefore(text, open, 2 * contentWords(en));
        if (zh) out.push({ short: en, long: zh });
      }
      continue;
    }
    // ACR（中文） or English term（中文）: the Chinese long form inside the parenthesis.
    if (ps.length === 1 && isHanTerm(ps[0]) && /[A-Za-z]$/.test(text.slice(0, open).trimEnd())) {
      const before = wordsBefore(text, open, 6).words;
      const last = before[before.length - 1];
      if (last !== undefined && isBareAcronym(last)) out.push({ short: last, long: ps[0] });
      else {
        const name = capitalisedTail(before);
        if (name !== null) out.push({ short: name, long: ps[0] });
      }
    }
  }
  return out;
}
