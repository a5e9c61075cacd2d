/** All definition pairs of a text, English and Chinese, each once. */
import { findChinesePairs } from './chinese-pairs';
import { findEnglishPairs } from './english-pairs';
import type { DefinitionPair } from './schwartz-hearst';

export type { DefinitionPair };

export function findDefinitionPairs(text: string): DefinitionPair[] {
  const seen = new Set<string>();
  const out: DefinitionPair[] = [];
  for (const p of [...findEnglishPairs(text), ...findChinesePairs(text)]) {
    const key = `${p.short}\t${p.long}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
