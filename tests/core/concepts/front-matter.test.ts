import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { fieldList, fieldString, readFrontMatterFields } from '../../../src/core/concepts/front-matter';

const note = (yaml: string) => `---\n${yaml}---\nbody ICL\n`;

describe('front matter', () => {
  it('reads the front matter Obsidian reads, and no other', () => {
    const aliases = (text: string) => fieldList(readFrontMatterFields(text, ['aliases']).values.get('aliases'));
    expect(aliases('--- \r\naliases: [ICL]\r\n---\t\r\nbody')).toEqual(['ICL']);
    expect(aliases('\uFEFF---\naliases: [ICL]\n---\n')).toEqual(['ICL']);
    expect(aliases('body\n---\naliases: [ICL]\n---\n')).toEqual([]);
    expect(aliases('---\naliases: [ICL]\n')).toEqual([]);
    // A "..." line does not end the YAML, so the block is not valid YAML: reported, nothing read.
    const dots = readFrontMatterFields('---\naliases: [ICL]\n...\ntitle: x\n---\n', ['aliases']);
    expect(dots.values.size).toBe(0);
    expect(dots.error).toMatch(/./);
  });

  it('reads aliases in every shape Obsidian accepts', () => {
    const read = (yaml: string) => fieldList(readFrontMatterFields(note(yaml), ['aliases']).values.get('aliases'));
    expect(read('aliases:\n  - ICL\n  - 上下文学习\n')).toEqual(['ICL', '上下文学习']);
    expect(read('aliases:\n- ICL\n- "in-context: learning"\n')).toEqual(['ICL', 'in-context: learning']);
    expect(read('aliases: [ICL, 上下文学习]\n')).toEqual(['ICL', '上下文学习']);
    expect(read('aliases: ICL, in-context learning\n')).toEqual(['ICL', 'in-context learning']);
    expect(read("aliases: ['it''s', \"a \\\"b\\\"\"]\n")).toEqual(["it's", 'a "b"']);
    expect(read('aliases: {a: 1}\n')).toEqual([]);
    expect(read('other: 1\n')).toEqual([]);
  });

  it('reads the title, with the library for anything but simple scalars', () => {
    const title = (yaml: string) => fieldString(readFrontMatterFields(note(yaml), ['title']).values.get('title'));
    expect(title('title: 多模态综述\ndate: 2025-09-30 21:14:40\n')).toBe('多模态综述');
    expect(title('title: "A: B # c"\n')).toBe('A: B # c');
    expect(title('title: >-\n  folded\n  title\n')).toBe('folded title');
    expect(title('title: plain # comment\n')).toBe('plain');
    expect(title('tags: [a]\n')).toBeNull();
  });

  it('reports invalid YAML instead of throwing', () => {
    const r = readFrontMatterFields(note('aliases: [unclosed\n'), ['aliases']);
    expect(r.values.size).toBe(0);
    expect(r.error).toMatch(/./);
  });

  it('agrees with the yaml library on whatever the library writes', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('a: b', '"q"', "it's", '#x', '- y', '[z]', 'ICL', '指令微调', ' x ', 'null', '~', '', 'a\\b', 'x\ny', '123', 'true'),
    );
    fc.assert(
      fc.property(scalar, fc.array(scalar, { maxLength: 5 }), (title, aliases) => {
        const yaml = stringify({ title, aliases, other: { nested: [1, 2] } });
        const truth = parse(yaml) as { title: string; aliases: string[] };
        const values = readFrontMatterFields(note(yaml), ['title', 'aliases']).values;
        expect(values.get('title')).toBe(truth.title);
        expect(values.get('aliases')).toEqual(truth.aliases);
      }),
      { numRuns: 3000 },
    );
  });
});
