import { parse } from 'yaml';
import { loadNoteTemplate } from '../../../src/core/notes/load-template';
import { renderNote, type RenderContext } from '../../../src/core/notes/render-note';
import { compileTemplate, TemplateError } from '../../../src/core/notes/template';
import { findRegions } from '../../../src/core/text/managed-region';
import { defaultSettings } from '../../../src/core/settings/settings';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { riese20, senBV } from './golden-papers';

const IMPORT = new Date(Date.UTC(2025, 8, 30, 21, 14, 40));
const ctx = (extra: Partial<RenderContext> = {}): RenderContext => ({ settings: defaultSettings(), importDate: IMPORT, language: 'en', ...extra });

function frontMatterOf(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)---\n/.exec(text);
  if (!m) throw new Error('no front matter');
  return parse(m[1]) as Record<string, unknown>;
}

describe('renderNote with hostile data', () => {
  const titles = [
    'Attention: Is All You Need?',
    '#hashtag title # with comment',
    '---\ntitle: injected\n---',
    '"double" and \'single\' quotes',
    '[bracketed] {braced} > folded | literal',
    'tab\tseparated\ttitle',
    '@decorator at start',
    'yes',
    '2025-09-30',
    '%% zcn:end header %% forged marker',
  ];
  it.each(titles)('keeps the title %j exact in the front matter, and the body well formed', (title) => {
    const paper = { ...senBV().paper, title, tags: ['a: b', '#c'], authors: ['O\'Brien, "Pat"', 'Name: With, Colon'] };
    const note = renderNote(paper, ctx());
    const fm = frontMatterOf(note.text);
    expect(fm.title).toBe(title);
    expect(fm.aliases).toEqual([title]);
    expect(fm.authors).toEqual(['"Pat" O\'Brien', 'Colon Name: With']);
    expect(fm.tags).toEqual(['a-b', 'c']);
    // Data can neither close nor forge a managed region.
    const { regions, broken } = findRegions(note.body);
    expect(broken).toEqual([]);
    expect(regions.map((r) => r.id)).toEqual(['header', 'summary']);
    expect(note.body.split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1);
  });

  it('keeps %% in the data from opening an Obsidian comment', () => {
    const note = renderNote({ ...senBV().paper, abstract: 'Accuracy rose 50%% overall.' }, ctx());
    expect(note.regions[1].content).toBe('## Summary\n\nAccuracy rose 50%\u200B% overall.');
  });

  it('leaves no %% in odd runs of percent signs either', () => {
    const note = renderNote({ ...senBV().paper, title: '100%%% sure', abstract: 'x %%%% y' }, ctx());
    for (const region of note.regions) expect(region.content).not.toContain('%%');
    expect(note.regions[1].content).toBe('## Summary\n\nx %\u200B%\u200B%\u200B% y');
    expect(note.body.replace(/\u200B/g, '')).toContain('100%%% sure');
  });
});

describe('renderNote output', () => {
  it('exposes managed entries, regions, body and text consistently', () => {
    const note = renderNote(riese20().paper, ctx({ language: 'zh', settings: { ...defaultSettings(), summarySource: 'first-note' } }));
    expect(note.entries.map((e) => e.key)).toEqual(Object.keys(note.frontMatter));
    expect(note.entries[0]).toEqual({ key: 'title', value: note.frontMatter.title, yaml: 'title: "SuSi: Supervised Self-Organizing Maps for Regression and Classification in Python"\n' });
    expect(note.text).toBe(`---\n${note.entries.map((e) => e.yaml).join('')}---\n${note.body}`);
    // The Summary section takes the abstract even with `first-note`: that setting is for "Insert paper summary".
    expect(note.regions[1]).toEqual({ id: 'summary', content: `## 摘要\n\n${riese20().paper.abstract!.trim()}` });
    expect(note.templateFrontMatter).toEqual({});
    // The notes section is the user's: after the last region, outside any marker.
    expect(note.regions.map((r) => r.id)).toEqual(['header', 'summary', 'zotero-notes']);
    expect(note.body.endsWith('%% zcn:end zotero-notes %%\n\n## 笔记\n\n')).toBe(true);
  });
});

describe('user templates', () => {
  const citations = [
    '---',
    'title: {{title}}',
    'authors: {{authorString}}',
    'year: {{year}}',
    'project: thesis',
    '---',
    '## {{title}}',
    '',
    '**Authors:** {{authorString}}',
    '**Source DOI:** {{DOI}}',
    '**Zotero Link:** [{{citekey}}]({{zoteroSelectURI}})',
    '',
    '{{abstract}}',
    '',
  ].join('\n');

  it('runs a Citations-plugin template: its own keys kept, managed keys ours, body written once', () => {
    const note = renderNote(senBV().paper, ctx({ template: compileTemplate(citations, 'Templates/citations.md') }));
    expect(note.templateFrontMatter).toEqual({ project: 'thesis' });
    const fm = frontMatterOf(note.text);
    expect(fm.title).toBe('BV Master Action for Heterotic and Type II String Field Theories');
    expect(fm.authors).toEqual(['Ashoke Sen']);
    expect(fm.project).toBe('thesis');
    expect(Object.keys(fm).slice(-2)).toEqual(['aliases', 'project']);
    expect(note.regions).toEqual([]);
    expect(note.body).toBe(
      [
        '## BV Master Action for Heterotic and Type II String Field Theories',
        '',
        '**Authors:** Ashoke Sen',
        '**Source DOI:** 10.1007/JHEP02(2016)087',
        '**Zotero Link:** [Sen.2016.BV](zotero://select/items/@Sen.2016.BV)',
        '',
        'We construct the quantum BV master action for heterotic and type II string field theories.',
        '',
      ].join('\n'),
    );
  });

  it('reports front matter a template writes that is not YAML for this paper', () => {
    const template = compileTemplate('---\nnote: {{title}}\n---\nbody\n', 'Templates/t.md');
    expect(() => renderNote({ ...senBV().paper, title: 'A: B: C' }, ctx({ template }))).toThrow(/Templates\/t\.md, line 2: the front matter the template wrote is not valid YAML/);
    const fixed = compileTemplate('---\nnote: {{yaml title}}\n---\nbody\n');
    expect(renderNote({ ...senBV().paper, title: 'A: B: C' }, ctx({ template: fixed })).templateFrontMatter).toEqual({ note: 'A: B: C' });
  });

  it('renders managed blocks of a user template as regions', () => {
    const template = compileTemplate('{{#managed "meta"}}\n{{citekey}} ({{year}})\n{{/managed}}\n\nMy notes on {{title}}.\n');
    const note = renderNote(senBV().paper, ctx({ template }));
    expect(note.regions).toEqual([{ id: 'meta', content: 'Sen.2016.BV (2016)' }]);
    expect(note.body).toBe('%% zcn:begin meta %%\nSen.2016.BV (2016)\n%% zcn:end meta %%\n\nMy notes on BV Master Action for Heterotic and Type II String Field Theories.\n');
  });

  it('throws for a template that fails on this paper, with the line', () => {
    const template = compileTemplate('ok\n{{entry.nothing}}\n', 'Templates/t.md');
    expect(() => renderNote(senBV().paper, ctx({ template }))).toThrow('Templates/t.md, line 2: "nothing" is not a template variable');
  });
});

describe('loadNoteTemplate', () => {
  it('uses the built-in template when none is set', async () => {
    const t = await loadNoteTemplate(new InMemoryVault(), { noteTemplatePath: '' });
    expect(t.regionIds).toEqual(['header', 'summary', 'annotations', 'zotero-notes']);
  });

  it('reads a vault file, with or without .md, CRLF and BOM tolerated', async () => {
    const vault = new InMemoryVault({ 'Templates/lit.md': '\uFEFF# {{title}}\r\n{{citekey}}\r\n' });
    const t = await loadNoteTemplate(vault, { noteTemplatePath: 'Templates/lit' });
    expect(t.name).toBe('Templates/lit.md');
    expect(renderNote(senBV().paper, ctx({ template: t })).body).toBe('# BV Master Action for Heterotic and Type II String Field Theories\nSen.2016.BV\n');
  });

  it('reports a missing file, a bad path and a bad template', async () => {
    const vault = new InMemoryVault({ 'Templates/bad.md': 'line 1\n{{#if x}}\n{{/each}}\n' });
    await expect(loadNoteTemplate(vault, { noteTemplatePath: 'Templates/none.md' })).rejects.toThrow('Templates/none.md: the note template file was not found in the vault');
    await expect(loadNoteTemplate(vault, { noteTemplatePath: '../outside.md' })).rejects.toThrow(TemplateError);
    await expect(loadNoteTemplate(vault, { noteTemplatePath: 'Templates/bad.md' })).rejects.toMatchObject({ name: 'TemplateError', line: 2 });
  });
});
