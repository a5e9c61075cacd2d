import fc from 'fast-check';
import { linkRope, linkText } from '../../../src/core/concepts/link-text';
import { wikilinkMaker } from '../../../src/core/concepts/link-writer';
import { linked, stripConceptLinks, testIndex } from './support';

const index = testIndex();
const link = (text: string, options = {}) => linkText(text, index, { sourcePath: 'Literature/note.md', ...options });

describe('linkText: protected regions are never linked', () => {
  it.each([
    ['front matter', '---\ntitle: ICL and CoT\naliases: [RLHF]\n---\n', []],
    ['front matter past a "..." line (it does not close it)', '---\ntitle: x\n...\n\nnote: ICL and CoT\n\n---\n', []],
    ['front matter opened and closed with trailing spaces, CRLF', '--- \r\nnote: ICL\r\n---\t\r\n', []],
    ['a fenced code block', '```python\nICL = CoT\n```\n', []],
    ['a tilde fence with a longer closer', '~~~\nICL\n~~~~\n', []],
    ['an unclosed fence', '```\nICL\n', []],
    ['inline code', 'use `ICL` and ``CoT ` here``', []],
    ['inline and block math', '$ICL$ and $$\nCoT\n$$', []],
    ['a wikilink and an embed', '[[RLHF notes]] ![[ICL diagram.png]]', []],
    ['Markdown link text and URL', '[ICL paper](https://example.org/CoT) ![CoT](cot.png)', []],
    ['a reference link and its definition', '[ICL][1]\n\n[1]: https://example.org/ICL', []],
    ['bare URLs, zotero and doi', 'https://arxiv.org/abs/ICL zotero://select/items/@CoT doi:10.1/RLHF', []],
    ['autolinks', '<https://example.org/ICL> <mailto:CoT@example.org>', []],
    ['inline HTML elements', '<span class="x">ICL</span> and <b>CoT</b>', []],
    ['an HTML block', '<div>\nICL and CoT\n</div>\n', []],
    ['an HTML comment', '<!-- ICL\nCoT -->', []],
    ['%% comments, inline and block', '%% ICL %%\n%%\nCoT\n%%\n', []],
    ['tags', '#ICL #多模态/思维链 #CoT-notes', []],
    ['block ids', 'A line ^ICL-1\n', []],
    ['footnote references and citations', 'see [^ICL] and [@CoT2023]', []],
    ['callout types', '> [!ICL] Note', []],
    ['headings by default', '# ICL\n## 思维链\nSetext CoT\n---\n', []],
  ])('%s', (_what, text, expected) => {
    expect(linked(text, index)).toEqual(expected);
  });

  it('links text around protected regions', () => {
    expect(linked('`ICL` then ICL, https://x.org/CoT then CoT', index)).toEqual(['ICL=ICL', 'CoT=CoT']);
    expect(linked('# ICL\n\nICL in the body', index)).toEqual(['ICL=ICL']);
    expect(link('# ICL\n\nICL in the body').links[0].line).toBe(3);
  });

  it('links headings when asked to', () => {
    expect(linked('# ICL heading', index, { linkInHeadings: true })).toEqual(['ICL=ICL']);
  });

  it('protects a Chinese sentence directly after a bare URL only up to the CJK punctuation', () => {
    expect(linked('见https://x.org/a，ICL很好', index)).toEqual(['ICL=ICL']);
  });
});

describe('linkText: the links written', () => {
  it('links the first mention of each concept, keeping the surface text', () => {
    const r = link('In-context learning (ICL) beats ICL-free baselines; ICL again.');
    expect(r.text).toBe('[[ICL|In-context learning]] (ICL) beats ICL-free baselines; ICL again.');
    expect(r.links).toEqual([{ concept: 'ICL', conceptPath: 'Concepts/ICL.md', surface: 'In-context learning', line: 1, offset: 0 }]);
  });

  it('writes [[Name]] when the surface is the name', () => {
    expect(link('CoT').text).toBe('[[CoT]]');
  });

  it('escapes the pipe inside a table row', () => {
    const table = '| term | note |\n| --- | --- |\n| in-context learning | CoT |\n';
    expect(link(table).text).toBe('| term | note |\n| --- | --- |\n| [[ICL\\|in-context learning]] | [[CoT]] |\n');
  });

  it('leaves a concept the note already links, by name, path, alias or Markdown link', () => {
    expect(linked('[[ICL]] then ICL', index)).toEqual([]);
    expect(linked('[[Concepts/ICL|x]] then ICL', index)).toEqual([]);
    expect(linked('[[in-context learning]] then ICL', index)).toEqual([]);
    expect(linked('[x](Concepts/In%20context.md) [y](../Concepts/CoT.md) then CoT', index)).toEqual([]);
    expect(linked('[[ICL#Definition]] then ICL', index)).toEqual([]);
  });

  it('never links a concept note to itself', () => {
    expect(linkText('ICL means in-context learning; see CoT.', index, { sourcePath: 'Concepts/ICL.md' }).links.map((l) => l.concept)).toEqual(['CoT']);
  });

  it('uses the injected link writer', () => {
    const makeLink = (target: string, surface: string, source: string) => `[${surface}](${encodeURI(target)} "${source}")`;
    expect(link('uses ICL', { makeLink }).text).toBe('uses [ICL](Concepts/ICL.md "Literature/note.md")');
    expect(link('uses ICL', { makeLink: wikilinkMaker(new Set(['icl'])) }).text).toBe('uses [[Concepts/ICL|ICL]]');
  });

  it('treats managed regions as mention-only unless the sync asks to link them', () => {
    const note = 'Intro\n%% zcn:begin summary %%\nICL and CoT\n%% zcn:end summary %%\nMy notes on ICL.';
    const r = link(note);
    expect(r.links.map((l) => l.concept)).toEqual(['ICL']);
    expect(r.mentions).toEqual(['Concepts/CoT.md', 'Concepts/ICL.md']);
    expect(link(note, { linkManagedRegions: true }).text).toBe('Intro\n%% zcn:begin summary %%\n[[ICL]] and [[CoT]]\n%% zcn:end summary %%\nMy notes on ICL.');
  });

  it('ignores the concept section for links and mentions', () => {
    const note = 'CoT\n%% zcn:begin concept-links %%\n- [[ICL]] and RLHF\n%% zcn:end concept-links %%\n';
    const r = linkText(note, index, { sourcePath: 'Concepts/M-CoT.md' });
    expect(r.links.map((l) => l.concept)).toEqual(['CoT']);
    expect(r.mentions).toEqual(['Concepts/CoT.md']);
  });

  it('survives a link writer that links text itself', () => {
    const makeLink = (target: string, surface: string) => `[[${target}|${linkText(surface, index).text}]]`;
    expect(link('ICL and CoT and ICL', { makeLink }).text).toBe('[[Concepts/ICL.md|[[ICL]]]] and [[Concepts/CoT.md|[[CoT]]]] and ICL');
  });

  it('skips the concepts it is told to skip', () => {
    expect(linked('ICL and CoT', index, { skipConcepts: ['Concepts/ICL.md'] })).toEqual(['CoT=CoT']);
  });
});

describe('linkText: properties', () => {
  const pieces = [
    'ICL', 'ICLR', 'CoT', 'cotton', 'Scott', 'M-CoT', '多模态思维链', '思维链', 'in-context learning', 'Chain of Thought',
    'LLMs', 'RLHF-based', 'mRAG', 'VQAv2', '指令微调', ' ', ' ', '\n', '\n\n', '，', '。', '|', '[[ICL#x]]', '`CoT`',
    '$RLHF$', '# ', '```\n', '%%', 'https://x.org/DPO', '[a](b)', '<b>', '</b>', '#tag', '- ', '> ', '*', '_', '(', ')',
    '[', ']', '!', '-', '\\', '<!--', '-->', '[^1]', '<span>', '</span>', 'text', '模型', 'ＩＣＬ', '---\n', '$$', '~~~\n', '^id',
  ];
  const arbText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));

  it('changes nothing but the added link syntax', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const r = link(text);
        expect(stripConceptLinks(r.text, index)).toBe(text);
        expect(r.links.length).toBe(new Set(r.links.map((l) => l.concept)).size);
        for (const l of r.links) expect(text.slice(l.offset, l.offset + l.surface.length)).toBe(l.surface);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent: a second run changes nothing', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const once = link(text).text;
        expect(link(once).text).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('linkRope (the vault linker): linkText as a rope of its pieces', () => {
  it('gives the same text, links and mentions, and the pieces of that text', () => {
    const word = fc.constantFrom('ICL', 'CoT', ' ', '\n', '思维链', '的', '**', '(', '`', 'in-context learning', '[[RLHF]]', '# ', '中文');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const text = words.join('');
        const flat = link(text);
        const rope = linkRope(text, index, { sourcePath: 'Literature/note.md' });
        expect(rope.text).toBe(flat.text);
        expect(rope.links).toEqual(flat.links);
        expect(rope.mentions).toEqual(flat.mentions);
        if (rope.pieces === null) expect(rope.text).toBe(text);
        else expect(rope.pieces.join('')).toBe(flat.text);
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
