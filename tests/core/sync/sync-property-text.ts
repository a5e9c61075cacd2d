/** Where the property test's user types, and how it reads a note back (see sync-property.test.ts). */
import { parse } from 'yaml';

/** Offsets in the body where a user may type: not inside a managed region, not in the front matter. */
export function typingSpots(text: string): number[] {
  const fmEnd = text.indexOf('\n---', 3);
  const bodyStart = text.indexOf('\n', fmEnd + 1) + 1;
  const spots = [bodyStart, text.length];
  for (const m of text.matchAll(/%% zcn:begin [a-z-]+ %%/g)) spots.push(m.index);
  for (const m of text.matchAll(/%% zcn:end [a-z-]+ %%/g)) spots.push(m.index + m[0].length);
  return spots.filter((s) => s >= bodyStart).sort((a, b) => a - b);
}

/** Offsets just inside a region: after a begin marker's line break. */
export function insideSpots(text: string): number[] {
  return [...text.matchAll(/%% zcn:begin [a-z-]+ %%\r?\n/g)].map((m) => m.index + m[0].length);
}

/** Words of the plugin's text inside managed regions that a link can be typed over: [start, end) pairs. */
export function linkableWords(text: string): [number, number][] {
  const words: [number, number][] = [];
  for (const region of text.matchAll(/%% zcn:begin ([a-z-]+) %%[\s\S]*?%% zcn:end \1 %%/g)) {
    for (const w of region[0].matchAll(/(^|[ \n])(Paper|Abstract|Summary)(?=[ .\r\n])/g)) {
      const start = region.index + w.index + w[1].length;
      words.push([start, start + w[2].length]);
    }
  }
  return words;
}

/** Where a YAML comment can go in a managed key: the end of its line, or a line of its own before a list item. */
export function commentSpots(text: string): { at: number; line: boolean }[] {
  const close = text.search(/\r?\n---(\r?\n|$)/);
  const yaml = text.slice(0, close + 1);
  const spots: { at: number; line: boolean }[] = [];
  for (const m of yaml.matchAll(/^(title|citekey|year|venue|arxiv|doi|zotero): .*?(?=\r?$)/gm)) spots.push({ at: m.index + m[0].length, line: false });
  for (const m of yaml.matchAll(/^(tags|authors|aliases):\r?\n/gm)) spots.push({ at: m.index + m[0].length, line: true });
  return spots;
}

/** Offsets in the front matter where a whole top-level block may go: before a key line, or before the closing line. */
export function keySpots(text: string): number[] {
  const spots: number[] = [];
  const open = text.startsWith('---\r\n') ? 5 : 4;
  const close = text.search(/\r?\n---(\r?\n|$)/);
  for (const m of text.slice(0, close + 1).matchAll(/^[a-z-]+:/gm)) if (m.index >= open) spots.push(m.index);
  spots.push(close + (text[close] === '\r' ? 2 : 1));
  return spots;
}

export function bodyOf(text: string): string {
  const fmEnd = text.search(/\r?\n---(\r?\n|$)/);
  return text.slice(fmEnd).replace(/(%% zcn:begin ([a-z-]+) %%)[\s\S]*?(%% zcn:end \2 %%)/g, '$1$3');
}

export function frontMatterOf(text: string): { raw: string; data: Record<string, unknown> } {
  const close = text.search(/\r?\n---(\r?\n|$)/);
  const raw = text.slice(text.indexOf('\n') + 1, close + (text[close] === '\r' ? 2 : 1));
  return { raw, data: parse(raw) as Record<string, unknown> };
}

export function inOrder(haystack: string, needles: string[]): boolean {
  let at = 0;
  for (const n of needles) {
    const i = haystack.indexOf(n, at);
    if (i < 0) return false;
    at = i + n.length;
  }
  return true;
}

/** Typed strings sorted by where they occur (each located after the previous one's occurrence when they repeat). */
export function orderedByPosition(text: string, strings: string[]): string[] {
  const located = strings.map((s) => ({ s, i: text.indexOf(s) }));
  located.sort((a, b) => a.i - b.i);
  return located.map((x) => x.s);
}
