/**
 * Render a fresh literature note for a paper: the managed front matter (always ours), the body from the template
 * (built-in or the user's), and the full file text. Pure and deterministic for fixed inputs.
 */
import { parse, YAMLParseError } from 'yaml';
import type { Paper } from '../library/paper';
import type { Settings } from '../settings/settings';
import { findFrontMatter } from '../text/front-matter-text';
import { defaultBodyParts } from './default-body';
import { DEFAULT_TEMPLATE_NAME, defaultNoteTemplate } from './default-template';
import { frontMatterValues, MANAGED_KEYS, serializeFrontMatterEntry } from './front-matter';
import type { NoteLanguage } from './i18n';
import { TemplateError, withRegions, type CompiledTemplate } from './template';
import { buildTemplateContext } from './template-context';

export interface RenderContext {
  settings: Settings;
  /** The import time: the `date` key and `importDate`. */
  importDate: Date;
  /** The resolved headings language (see resolveNoteLanguage). */
  language: NoteLanguage;
  /** The note template; the built-in one when absent. */
  template?: CompiledTemplate;
}

/** One front-matter key with its value and its YAML block (`key: value\n`), as the merge writes it. */
export interface FrontMatterEntry {
  key: string;
  value: unknown;
  yaml: string;
}

export interface RenderedNote {
  /** The managed values, in MANAGED_KEYS order (optional keys without a value left out). */
  frontMatter: Record<string, unknown>;
  /** The managed keys with their YAML text, same order. */
  entries: FrontMatterEntry[];
  /**
   * Keys from a front-matter block a user template wrote itself (Citations-style `title: {{title}}`), managed keys
   * removed. They belong to the user: written when the note is created, never updated.
   */
  templateFrontMatter: Record<string, unknown>;
  /** The note body after the front matter, ending with a line break. */
  body: string;
  /** Managed region contents of the body, in order. */
  regions: { id: string; content: string }[];
  /** Every region id of the template, including those it did not render for this paper. */
  declaredRegions: readonly string[];
  /** The whole file: `---\n` + managed keys + template keys + `---\n` + body. */
  text: string;
}

const MANAGED = new Set<string>(MANAGED_KEYS);

/** Split a front-matter block the template rendered at the top of the body; `bodyStart` is the body's offset. */
function splitTemplateFrontMatter(rendered: string, templateName: string): { data: Record<string, unknown>; body: string; bodyStart: number } {
  const span = findFrontMatter(rendered);
  if (!span) return { data: {}, body: rendered, bodyStart: 0 };
  let data: unknown;
  try {
    data = parse(rendered.slice(span.yamlStart, span.yamlEnd), { uniqueKeys: true });
  } catch (e) {
    // linePos counts from the block's first line, the line after the opening `---`: a line of the rendered note.
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line + 1 : null;
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new TemplateError(templateName, line, `the front matter the template wrote is not valid YAML for this paper (${reason}); write values with {{yaml title}}`);
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new TemplateError(templateName, 2, 'the front matter the template wrote is not a list of "key: value" lines');
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((data ?? {}) as Record<string, unknown>)) if (!MANAGED.has(key)) out[key] = value;
  return { data: out, body: rendered.slice(span.bodyStart), bodyStart: span.bodyStart };
}

/**
 * Render a paper as a new note. Throws TemplateError (bad template, or a user template writing invalid front
 * matter) and DateFormatError (bad `dateFormat` setting); nothing partial is returned.
 */
export function renderNote(paper: Paper, ctx: RenderContext): RenderedNote {
  const template = ctx.template ?? defaultNoteTemplate();
  const frontMatter = frontMatterValues(paper, ctx);
  const entries = Object.keys(frontMatter).map((key) => ({ key, value: frontMatter[key], yaml: serializeFrontMatterEntry(key, frontMatter[key]) }));
  const head = ['---\n', ...entries.map((e) => e.yaml)];
  if (template === defaultNoteTemplate()) return builtInNote(paper, ctx, { frontMatter, entries, head });
  const rendered = template.renderWithRegions(buildTemplateContext(paper, ctx));
  const split = splitTemplateFrontMatter(rendered.text, template.name);
  let body = split.body;
  if (body !== '' && !body.endsWith('\n')) body += '\n';
  for (const key of Object.keys(split.data)) head.push(serializeFrontMatterEntry(key, split.data[key]));
  // One join makes the note one flat string: concatenation would leave a rope that every later reader (the hash,
  // the file write) flattens again, and a sync holds 10,000 of them.
  const text = [...head, '---\n', body].join('');
  // The body's regions: those after a front-matter block the template wrote (its text is the user's).
  const regions = rendered.regions.filter((r) => r.start >= split.bodyStart).map(({ id, content }) => ({ id, content }));
  return { frontMatter, entries, templateFrontMatter: split.data, body, regions, text, declaredRegions: template.regionIds };
}

/**
 * The note of the built-in template, rendered in code (the same text as through Handlebars, see default-body.ts)
 * and joined with the front matter in one go; its regions are read from the body part of the note.
 */
function builtInNote(paper: Paper, ctx: RenderContext, front: { frontMatter: Record<string, unknown>; entries: FrontMatterEntry[]; head: string[] }): RenderedNote {
  const head = [...front.head, '---\n'];
  const bodyStart = head.reduce((length, part) => length + part.length, 0);
  const joined = [...head, ...defaultBodyParts(paper, ctx)].join('');
  const raw = joined.slice(bodyStart);
  const { text: body, regions } = withRegions(raw, DEFAULT_TEMPLATE_NAME);
  const text = body === raw ? joined : joined.slice(0, bodyStart) + body;
  const declaredRegions = defaultNoteTemplate().regionIds;
  return { frontMatter: front.frontMatter, entries: front.entries, templateFrontMatter: {}, body, regions: regions.map(({ id, content }) => ({ id, content })), text, declaredRegions };
}
