/**
 * The citation "Insert citation" and the `[@` suggester write: the citation template setting (default
 * `[@{{citekey}}]`, Pandoc's syntax) rendered with the note template's variables (the Citations plugin's names, so
 * its "Markdown citation template" works as is) and `locator`, what the user typed after a comma (`p. 33`). A
 * template that does not place `{{locator}}` itself gets it where Pandoc reads it (cite-while-writing.ts).
 */
import { withLocator } from '../citations/cite-while-writing';
import type { Paper } from '../library/paper';
import type { Settings } from '../settings/settings';
import type { NoteLanguage } from './i18n';
import { compileTemplate, TemplateError } from './template';
import { buildTemplateContext } from './template-context';

export const CITATION_TEMPLATE_NAME = 'Citation template';

export interface CitationTemplateOptions {
  settings: Pick<Settings, 'citationTemplate' | 'dateFormat' | 'summarySource' | 'annotationColorLabels'>;
  language: NoteLanguage;
  /** `importDate` of the template context (a citation has no import: the time it is written). */
  now: () => Date;
}

export interface CitationRenderer {
  readonly source: string;
  /** The citation of `paper`, on one line; throws TemplateError for a template that fails on this paper. */
  render(paper: Paper, locator: string | null): string;
}

/** Compile the citation template; throws TemplateError (with its line) for a bad one. */
export function compileCitationTemplate(options: CitationTemplateOptions): CitationRenderer {
  const source = options.settings.citationTemplate;
  const template = compileTemplate(source, CITATION_TEMPLATE_NAME);
  if (template.regionIds.length > 0) throw new TemplateError(CITATION_TEMPLATE_NAME, null, 'a citation has no managed regions');
  const placesLocator = /\blocator\b/.test(source);
  return {
    source,
    render(paper, locator) {
      const context = { ...buildTemplateContext(paper, { settings: options.settings, importDate: options.now(), language: options.language }), locator };
      // Inline text: the line ends of a template file become spaces.
      const citation = template.render(context).trim().replace(/\s*\n\s*/g, ' ');
      return placesLocator ? citation : withLocator(citation, paper.citekey, locator);
    },
  };
}
