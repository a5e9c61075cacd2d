/**
 * The rendered structure of a Markdown text, by a CommonMark parser with GFM tables (markdown-it): emphasis, links,
 * tables, headings, code, as a list of token signatures without their text. Two texts that differ only by the
 * wikilinks the linker adds (plain text to markdown-it) must have the same structure.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt('commonmark').enable(['table', 'strikethrough']);

type Token = ReturnType<typeof md.parse>[number];

function signature(t: Token): string {
  const href = t.type === 'link_open' ? ` ${t.attrGet('href') ?? ''}` : '';
  return `${t.type}${t.tag ? `<${t.tag}>` : ''}${href}`;
}

/** The token signatures of `text`, inline children included, text runs left out. */
export function markdownStructure(text: string): string[] {
  const out: string[] = [];
  for (const t of md.parse(text, {})) {
    if (t.type !== 'inline') out.push(signature(t));
    for (const c of t.children ?? []) if (c.type !== 'text' && c.type !== 'softbreak') out.push(`  ${signature(c)}`);
  }
  return out;
}
