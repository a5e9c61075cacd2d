/**
 * The built-in note template: the survey-note format. Plugin-owned parts are managed regions (`header`: title,
 * byline with links, tags line; `summary`: heading and summary text); the notes section after them belongs to the
 * user. Headings and labels come from `headings` (English or Chinese).
 */
import { compileTemplate, type CompiledTemplate } from './template';

export const DEFAULT_TEMPLATE_NAME = 'built-in note template';

export const DEFAULT_NOTE_TEMPLATE = `{{#managed "header"}}
# {{oneLine title}}

{{byline}}
{{#if tagsLine}}

{{tagsLine}}
{{/if}}
{{/managed}}

{{#managed "summary"}}
## {{headings.summary}}
{{#if summary}}

{{summary}}
{{/if}}
{{/managed}}

## {{headings.notes}}

`;

let compiled: CompiledTemplate | null = null;

/** The built-in template, compiled once. */
export function defaultNoteTemplate(): CompiledTemplate {
  compiled ??= compileTemplate(DEFAULT_NOTE_TEMPLATE, DEFAULT_TEMPLATE_NAME);
  return compiled;
}
