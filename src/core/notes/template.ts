/**
 * Note templates: Handlebars compiled for Markdown (`noEscape`), in strict mode (a misspelt `{{autorString}}` is an
 * error, not an empty string; helper arguments such as `{{#if doi}}` stay lenient), with our helpers in a private
 * Handlebars environment. Every problem becomes a TemplateError naming the template and the line, and nothing is
 * rendered.
 *
 * Checked when compiling: syntax, unknown helpers (`{{foo x}}`, `(foo)`), partials and decorators (not supported),
 * and `managed` blocks (a quoted, valid, unique id, not nested). Checked when rendering: unknown variables and
 * helper errors (bad date pattern), and the region markers of the result.
 */
/* global hbs, HandlebarsTemplateDelegate, CompileOptions -- types Handlebars' own typings declare globally */
import Handlebars from 'handlebars';
import { findRegions, type ManagedRegion } from '../text/managed-region';
import { OWNED_SECTION_IDS } from '../text/owned-sections';
import { BUILTIN_HELPERS, HelperError, NOTE_HELPERS, REGION_ID } from './template-helpers';

/** A template that cannot be compiled or rendered. `line` is 1-based, when known. */
export class TemplateError extends Error {
  constructor(
    readonly templateName: string,
    readonly line: number | null,
    readonly detail: string,
    readonly column: number | null = null,
  ) {
    super(`${templateName}${line === null ? '' : `, line ${line}`}: ${detail}`);
    this.name = 'TemplateError';
  }
}

/** A compiled template, ready to render contexts from template-context.ts. */
export interface CompiledTemplate {
  /** Shown in errors: the vault path of a user template, or "built-in note template". */
  readonly name: string;
  readonly source: string;
  /** Ids of the `{{#managed "id"}}` regions, in template order. Empty: the body is written once, at creation. */
  readonly regionIds: readonly string[];
  /** Render; throws TemplateError. */
  render(context: object): string;
  /** Render with line ends made LF, and the managed regions of the result (found once); throws TemplateError. */
  renderWithRegions(context: object): RenderedTemplate;
}

export interface RenderedTemplate {
  text: string;
  regions: ManagedRegion[];
}

const env = Handlebars.create();
for (const [name, fn] of Object.entries(NOTE_HELPERS)) env.registerHelper(name, fn);
const KNOWN_HELPERS = new Set([...BUILTIN_HELPERS, ...Object.keys(NOTE_HELPERS)]);
// Every helper is known when compiling (unknown ones are rejected first), so Handlebars calls helpers directly and
// reads `{{title}}` straight from the context instead of looking for a helper of that name on every render.
const COMPILE_OPTIONS: CompileOptions = {
  noEscape: true,
  strict: true,
  preventIndent: true,
  knownHelpers: Object.fromEntries([...KNOWN_HELPERS].map((name) => [name, true])),
  knownHelpersOnly: true,
};

type Node = hbs.AST.Node;
type Loc = { start: { line: number; column: number } } | undefined;

function lineOf(loc: Loc): number | null {
  return loc ? loc.start.line : null;
}

/** Static checks over the parsed template; returns the managed region ids. */
function checkTemplate(ast: hbs.AST.Program, name: string): string[] {
  const ids: string[] = [];
  const fail = (loc: Loc, detail: string): never => {
    throw new TemplateError(name, lineOf(loc), detail, loc ? loc.start.column + 1 : null);
  };
  const checkCall = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, alwaysHelper: boolean) => {
    if (node.path.type !== 'PathExpression') return;
    const path = node.path as hbs.AST.PathExpression;
    const isCall = alwaysHelper || node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (isCall && (path.data || path.parts.length !== 1 || !KNOWN_HELPERS.has(path.original))) {
      fail(node.loc, `unknown helper "${path.original}"`);
    }
  };
  const walk = (node: Node | undefined | null, insideManaged: boolean): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) walk(child, insideManaged);
        return;
      case 'MustacheStatement':
      case 'SubExpression': {
        const m = node as hbs.AST.MustacheStatement;
        checkCall(m, node.type === 'SubExpression');
        if (m.path.type === 'PathExpression' && (m.path as hbs.AST.PathExpression).original === 'managed') {
          fail(node.loc, 'managed is a block helper: {{#managed "id"}}…{{/managed}}');
        }
        for (const p of m.params) walk(p, insideManaged);
        for (const pair of m.hash?.pairs ?? []) walk(pair.value, insideManaged);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        checkCall(b, false);
        const isManaged = b.path.type === 'PathExpression' && b.path.original === 'managed';
        if (isManaged) {
          const id = b.params[0];
          if (insideManaged) fail(b.loc, 'managed blocks cannot be nested');
          if (!id || id.type !== 'StringLiteral' || !REGION_ID.test((id as hbs.AST.StringLiteral).value)) {
            fail(b.loc, 'managed needs a region id of lowercase letters, digits and "-", in quotes: {{#managed "summary"}}');
          }
          const value = (id as hbs.AST.StringLiteral).value;
          if (ids.includes(value)) fail(b.loc, `managed region "${value}" is declared twice`);
          // Another engine writes these sections whole; a sync writing them too would undo its lists.
          if (OWNED_SECTION_IDS.includes(value)) fail(b.loc, `"${value}" is the name of a section the plugin keeps itself; choose another region id`);
          ids.push(value);
        }
        for (const p of b.params) walk(p, insideManaged);
        for (const pair of b.hash?.pairs ?? []) walk(pair.value, insideManaged);
        walk(b.program, insideManaged || isManaged);
        walk(b.inverse, insideManaged || isManaged);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return fail(node.loc, 'partials ({{> name}}) are not supported');
      case 'DecoratorBlock':
      case 'Decorator':
        return fail(node.loc, 'decorators are not supported');
      default:
        return;
    }
  };
  walk(ast, false);
  return ids;
}

/** Strip Handlebars' " - line:col" suffix and the "Parse error on line N:" prefix. */
function cleanMessage(message: string): string {
  return message.replace(/^Parse error on line \d+:\n/, '').replace(/ - \d+:\d+$/, '').replace(/ not defined in \[object Object\]$/, ' is not a template variable');
}

function toTemplateError(e: unknown, name: string): TemplateError {
  if (e instanceof TemplateError) return e;
  if (e instanceof HelperError) return new TemplateError(name, lineOf(e.loc), e.message, e.loc ? e.loc.start.column + 1 : null);
  if (e instanceof Error) {
    const hb = e as Error & { lineNumber?: number; column?: number };
    const parseLine = /^Parse error on line (\d+):/.exec(e.message);
    const line = typeof hb.lineNumber === 'number' ? hb.lineNumber : parseLine ? Number(parseLine[1]) : null;
    const column = typeof hb.column === 'number' ? hb.column + 1 : null;
    return new TemplateError(name, line, cleanMessage(e.message), column);
  }
  return new TemplateError(name, null, String(e));
}

/** The managed regions of a template's output; throws TemplateError when markers are unbalanced. */
function renderedRegions(text: string, templateName: string): ManagedRegion[] {
  const { regions, broken } = findRegions(text);
  if (broken.length > 0) {
    throw new TemplateError(templateName, null, `the rendered note has unbalanced region markers (${broken.join(', ')}); write regions with {{#managed "id"}}…{{/managed}}`);
  }
  return regions;
}

/** A template's output with LF line ends, and its managed regions; throws TemplateError for unbalanced markers. */
export function withRegions(output: string, templateName: string): RenderedTemplate {
  // Markers hold no \r, so normalising line ends first finds the same regions.
  const text = output.includes('\r') ? output.replace(/\r\n?/g, '\n') : output;
  return { text, regions: renderedRegions(text, templateName) };
}

/**
 * Compile a note (or file-name) template. Syntax errors, unknown helpers, partials and bad `managed` blocks throw a
 * TemplateError here, so a bad template is reported before any note is touched.
 */
export function compileTemplate(source: string, name = 'template'): CompiledTemplate {
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(source);
  } catch (e) {
    throw toTemplateError(e, name);
  }
  const regionIds = checkTemplate(ast, name);
  let fn: HandlebarsTemplateDelegate;
  try {
    fn = env.compile(ast, COMPILE_OPTIONS);
  } catch (e) {
    throw toTemplateError(e, name);
  }
  const run = (context: object): string => {
    try {
      return fn(context);
    } catch (e) {
      throw toTemplateError(e, name);
    }
  };
  const render = (context: object): string => {
    const out = run(context);
    renderedRegions(out, name);
    return out;
  };
  const renderWithRegions = (context: object): RenderedTemplate => withRegions(run(context), name);
  return Object.freeze({ name, source, regionIds: Object.freeze(regionIds), render, renderWithRegions });
}
