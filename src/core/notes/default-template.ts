/**
 * The built-in note template: the survey-note format. Plugin-owned parts are managed regions (`header`: title,
 * byline with links, tags line; `summary`: heading and the abstract; `annotations`: the PDF annotations, one block
 * each; `zotero-notes`: the user's Zotero notes); the notes section after them belongs to the user. The last two
 * appear only for papers that have annotations or notes. Headings and labels come from `headings` (English or
 * Chinese).
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
{{#if annotations}}

{{#managed "annotations"}}
## {{headings.annotations}}
{{#each annotations}}

{{markdown}}
{{/each}}
{{/managed}}
{{/if}}
{{#if zoteroNotes}}

{{#managed "zotero-notes"}}
## {{headings.zoteroNotes}}

{{zoteroNotes}}
{{/managed}}
{{/if}}

## {{headings.notes}}

`;

let compiled: CompiledTemplate | null = null;

/** The built-in template, compiled once. */
export function defaultNoteTemplate(): CompiledTemplate {
  compiled ??= compileTemplate(DEFAULT_NOTE_TEMPLATE, DEFAULT_TEMPLATE_NAME);
  return compiled;
}
