/**
 * The built-in template's body, rendered in code. It gives exactly the text DEFAULT_NOTE_TEMPLATE gives through
 * Handlebars (tests/core/notes/default-body.test.ts compares the two over the golden papers and random ones), at a
 * fraction of the cost: a sync renders every paper of the library, and the template context plus the Handlebars
 * runtime were half of a 10,000-paper sync's planning. User templates always go through Handlebars.
 */
import type { Paper } from '../library/paper';
import { annotationMarkdown } from './annotation-markdown';
import { DEFAULT_TEMPLATE_NAME } from './default-template';
import { frozenHeadings } from './i18n';
import { resolveSummary } from './paper-format';
import { bylineOf, defusePaper, oneLine, paperLinks, tagsLineOf, tagsOf, zoteroNotesText } from './paper-parts';
import { withRegions, type RenderedTemplate } from './template';
import type { TemplateContextOptions } from './template-context';
import { managedContent } from './template-helpers';
import { wrapRegion } from '../text/managed-region';

/** The pieces of what DEFAULT_NOTE_TEMPLATE renders for `original`, in order (the note joins them in one go). */
export function defaultBodyParts(original: Paper, options: TemplateContextOptions): string[] {
  const paper = defusePaper(original);
  const headings = frozenHeadings(options.language);
  const tagsLine = tagsLineOf(tagsOf(paper), headings);
  // The Summary section is the abstract, never a note: Zotero notes have a section of their own.
  const summary = resolveSummary(paper, 'abstract');
  // Each {{#managed}} block as Handlebars renders it: its standalone {{#if}} lines leave no text behind.
  const header = `# ${oneLine(paper.title)}\n\n${bylineOf(paper, headings, paperLinks(paper, headings))}\n${tagsLine ? `\n${tagsLine}\n` : ''}`;
  // managedContent of `## heading\n\nsummary\n`, built as such: the summary has no trailing whitespace (see
  // resolveSummary), and copying a long abstract through the trimming regex is a measurable part of a render.
  const summaryContent = summary ? `## ${headings.summary}\n\n${summary}` : `## ${headings.summary}`;
  const parts = [wrapRegion('header', managedContent(header)), '\n\n', wrapRegion('summary', summaryContent)];
  if (paper.annotations.length > 0) {
    const blocks = paper.annotations.map((a) => `\n\n${annotationMarkdown(a, options)}`).join('');
    parts.push('\n\n', wrapRegion('annotations', managedContent(`## ${headings.annotations}${blocks}\n`)));
  }
  const zoteroNotes = zoteroNotesText(paper);
  if (zoteroNotes !== null) parts.push('\n\n', wrapRegion('zotero-notes', managedContent(`## ${headings.zoteroNotes}\n\n${zoteroNotes}\n`)));
  parts.push(`\n\n## ${headings.notes}\n\n`);
  return parts;
}

/** What DEFAULT_NOTE_TEMPLATE renders for `original`, with its regions (see template.ts `renderWithRegions`). */
export function renderDefaultBody(original: Paper, options: TemplateContextOptions): RenderedTemplate {
  return withRegions(defaultBodyParts(original, options).join(''), DEFAULT_TEMPLATE_NAME);
}
