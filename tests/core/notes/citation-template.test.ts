import { compileCitationTemplate } from '../../../src/core/notes/citation-template';
import { compileTemplate, TemplateError } from '../../../src/core/notes/template';
import { defaultSettings } from '../../../src/core/settings/settings';
import { makePaper } from '../sync/sync-support';

const paper = makePaper('weiChain2022', { title: 'Chain-of-Thought Prompting', authors: ['Wei, Jason', 'Zhou, Denny'], year: 2022 });
const now = () => new Date(Date.UTC(2025, 2, 8, 14, 3, 11));

function render(citationTemplate: string, locator: string | null = null): string {
  return compileCitationTemplate({ settings: { ...defaultSettings(), citationTemplate }, language: 'en', now }).render(paper, locator);
}

describe('the citation template', () => {
  it('writes a Pandoc citation by default, with the locator where Pandoc reads it', () => {
    expect(defaultSettings().citationTemplate).toBe('[@{{citekey}}]');
    expect(render('[@{{citekey}}]')).toBe('[@weiChain2022]');
    expect(render('[@{{citekey}}]', 'p. 33')).toBe('[@weiChain2022, p. 33]');
    expect(render('@{{citekey}}', 'p. 33')).toBe('@weiChain2022 [p. 33]');
  });

  it('knows the Citations plugin\'s variables (its "Markdown citation template" works as is) and {{locator}}', () => {
    expect(render('[[@{{citekey}}]]')).toBe('[[@weiChain2022]]');
    expect(render('{{authorString}} ({{year}}), *{{title}}*')).toBe('Jason Wei, Denny Zhou (2022), *Chain-of-Thought Prompting*');
    expect(render('[{{entry.author.[0].family}} {{year}}{{#if locator}}: {{locator}}{{/if}}](zotero://select/items/@{{citekey}})', 'p. 3')).toBe(
      '[Wei 2022: p. 3](zotero://select/items/@weiChain2022)',
    );
    expect(render('[@{{citekey}}{{#if locator}}, {{locator}}{{/if}}]')).toBe('[@weiChain2022]'); // placed by the template, once
  });

  it('is one line: a template file\'s line ends become spaces', () => {
    expect(render('\n[@{{citekey}}\n]\n')).toBe('[@weiChain2022 ]');
  });

  it('reports a bad template with its name and line, before anything is written', () => {
    expect(() => render('[@{{citkey}}]')).toThrow('Citation template, line 1: "citkey" is not a template variable');
    expect(() => render('[@{{citekey}')).toThrow(TemplateError);
    expect(() => render('{{#managed "x"}}[@{{citekey}}]{{/managed}}')).toThrow('Citation template: a citation has no managed regions');
  });
});

describe('region ids of note templates', () => {
  it('refuses the sections the plugin keeps itself ("Cited in", the concept section)', () => {
    expect(() => compileTemplate('{{#managed "cited-in"}}x{{/managed}}', 'T.md')).toThrow(
      'T.md, line 1: "cited-in" is the name of a section the plugin keeps itself; choose another region id',
    );
    expect(() => compileTemplate('{{#managed "concept-links"}}x{{/managed}}', 'T.md')).toThrow(TemplateError);
  });
});
