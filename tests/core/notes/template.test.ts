import { compileTemplate, TemplateError } from '../../../src/core/notes/template';
import { DEFAULT_NOTE_TEMPLATE, defaultNoteTemplate } from '../../../src/core/notes/default-template';

function errorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('compileTemplate errors name the line', () => {
  it('reports a syntax error', () => {
    const e = errorOf(() => compileTemplate('# {{title}}\n\n{{#if abstract}}\n{{abstract}}\n', 'Templates/lit.md'));
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^Templates\/lit\.md, line 5: /);
    expect(e.message).toContain("Expecting 'OPEN_INVERSE_CHAIN'");
  });

  it('reports a mismatched block close', () => {
    const e = errorOf(() => compileTemplate('a\n{{#if title}}\nb\n{{/each}}\n'));
    expect(e.line).toBe(2);
    expect(e.detail).toBe("if doesn't match each");
  });

  it('reports an unclosed mustache', () => {
    expect(errorOf(() => compileTemplate('one\ntwo\nthree {{title\n')).line).toBe(3);
  });

  it('reports unknown helpers when compiling', () => {
    const e = errorOf(() => compileTemplate('# {{title}}\n\n{{uppercase title}}\n'));
    expect([e.line, e.column, e.detail]).toEqual([3, 1, 'unknown helper "uppercase"']);
    expect(errorOf(() => compileTemplate('x\n{{join (sortBy tags) ", "}}')).detail).toBe('unknown helper "sortBy"');
    expect(errorOf(() => compileTemplate('{{#repeat 3}}x{{/repeat}}')).detail).toBe('unknown helper "repeat"');
  });

  it('rejects partials and decorators', () => {
    expect(errorOf(() => compileTemplate('a\n{{> header}}')).line).toBe(2);
    expect(errorOf(() => compileTemplate('{{> header}}')).detail).toMatch(/partials/);
  });

  it('checks managed blocks', () => {
    expect(errorOf(() => compileTemplate('{{#managed "Summary"}}x{{/managed}}')).detail).toMatch(/region id/);
    expect(errorOf(() => compileTemplate('{{#managed title}}x{{/managed}}')).detail).toMatch(/in quotes/);
    expect(errorOf(() => compileTemplate('{{#managed "a"}}x{{/managed}}\n{{#managed "a"}}y{{/managed}}')).line).toBe(2);
    expect(errorOf(() => compileTemplate('{{#managed "a"}}\n{{#managed "b"}}y{{/managed}}\n{{/managed}}')).detail).toBe('managed blocks cannot be nested');
    expect(errorOf(() => compileTemplate('{{managed "a"}}')).detail).toMatch(/block helper/);
    expect(compileTemplate('{{#managed "a"}}x{{/managed}}{{#managed "b-2"}}y{{/managed}}').regionIds).toEqual(['a', 'b-2']);
  });
});

describe('rendering', () => {
  it('reports an unknown variable with its line, and renders nothing', () => {
    const t = compileTemplate('# {{title}}\n\n**Authors:** {{autorString}}\n', 'my template');
    const e = errorOf(() => t.render({ title: 'T', authorString: 'A' }));
    expect([e.line, e.column]).toEqual([3, 16]); // the column of the name
    expect(e.message).toBe('my template, line 3: "autorString" is not a template variable');
  });

  it('reports helper errors with their line', () => {
    const t = compileTemplate('a\nb\n  {{formatDate date "YYYY"}}');
    const e = errorOf(() => t.render({ date: '2020-05-01' }));
    expect(e.line).toBe(3);
    expect(e.detail).toMatch(/use yyyy instead of YYYY/);
  });

  it('writes Markdown, not HTML', () => {
    expect(compileTemplate('{{title}}').render({ title: 'A <b>&</b> "q" \'s\'' })).toBe('A <b>&</b> "q" \'s\'');
  });

  it('lets helper arguments be absent (strict only for output)', () => {
    expect(compileTemplate('{{#if doi}}x{{else}}y{{/if}}').render({})).toBe('y');
  });

  it('has the helpers it documents', () => {
    const t = (src: string, ctx: object) => compileTemplate(src).render(ctx);
    expect(t('{{join tags}}|{{join tags "、"}}', { tags: ['a', '', 'b'] })).toBe('a, b|a、b');
    expect(t('{{formatDate date "d MMM yyyy"}}|{{formatDate none "yyyy"}}', { date: '2014-07-25', none: null })).toBe('25 Jul 2014|');
    expect(t('{{formatDate d "yyyy"}}', { d: '2016-02' })).toBe('2016');
    expect(t('title: {{yaml title}}\ntags: {{yaml tags}}\nyear: {{yaml year}}', { title: 'A: "b" # c', tags: ['x', 'y z'], year: 2020 })).toBe(
      'title: "A: \\"b\\" # c"\ntags: [ "x", "y z" ]\nyear: 2020',
    );
    expect(t('# {{oneLine title}}', { title: ' A\n  title\t here ' })).toBe('# A title here');
    expect(t('{{default venue "n.d."}}/{{default x "-"}}', { venue: null, x: 'X' })).toBe('n.d./X');
    expect(t('{{#if (eq type "book")}}B{{else}}O{{/if}}', { type: 'book' })).toBe('B');
  });

  it('wraps managed blocks in region markers that take whole lines', () => {
    const t = compileTemplate('{{#managed "summary"}}\n\n## S\n\n{{text}}\n\n{{/managed}}\n\nmine\n');
    expect(t.render({ text: 'body' })).toBe('%% zcn:begin summary %%\n## S\n\nbody\n%% zcn:end summary %%\n\nmine\n');
  });

  it('rejects output with broken region markers', () => {
    const t = compileTemplate('%% zcn:begin x %%\n{{title}}\n');
    expect(errorOf(() => t.render({ title: 'T' })).detail).toMatch(/unbalanced region markers \(x\)/);
  });

  it('compiles the built-in template with its regions', () => {
    expect(defaultNoteTemplate().regionIds).toEqual(['header', 'summary', 'annotations', 'zotero-notes']);
    expect(defaultNoteTemplate().source).toBe(DEFAULT_NOTE_TEMPLATE);
  });
});
