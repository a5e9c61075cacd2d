/** Shared helpers for the concept engine tests: indexes over the glossary and a way to undo added links. */
import { GLOSSARY } from '../../../src/core/concepts/glossary-data';
import { buildTermIndex, type ConceptDef, type TermIndex } from '../../../src/core/concepts/term-index';
import { linkText, type LinkTextOptions } from '../../../src/core/concepts/link-text';

/** Concept definitions of the built-in glossary in the default "Concepts" folder, plus any extra ones. */
export function glossaryDefs(extra: ConceptDef[] = []): ConceptDef[] {
  return [...GLOSSARY.map((g) => ({ path: `Concepts/${g.name}.md`, name: g.name, aliases: [...g.aliases] })), ...extra];
}

/** The glossary index plus a few concepts the traps need (GPT-4). */
export function testIndex(): TermIndex {
  return buildTermIndex(glossaryDefs([{ path: 'Concepts/GPT-4.md', name: 'GPT-4', aliases: ['GPT4'] }]));
}

/** Link a text as a literature note and return the concepts linked with their surfaces, as "Concept=surface". */
export function linked(text: string, index: TermIndex, options: LinkTextOptions = {}): string[] {
  return linkText(text, index, { sourcePath: 'Literature/note.md', ...options }).links.map((l) => `${l.concept}=${l.surface}`);
}

/**
 * Remove the wikilinks the linker writes (`[[Name|surface]]`, `[[Name\|surface]]`, `[[Name]]`) for the concepts of
 * `index`, giving back the visible text. Written independently of the linker, so it can check it.
 */
export function stripConceptLinks(text: string, index: TermIndex): string {
  const names = new Set(index.concepts.map((c) => c.name));
  return text.replace(/\[\[([^\]|\\[\n]+)(?:\\?\|([^\]]*))?\]\]/g, (whole, target: string, surface: string | undefined) => {
    if (!names.has(target)) return whole;
    return surface ?? target;
  });
}
