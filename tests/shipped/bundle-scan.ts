/**
 * What main.js holds, read with TypeScript's parser (a syntax tree, so a regular expression is told from a string
 * or a division): the Node built-ins it requires and whether each require sits behind a `Platform.isDesktop`
 * check, and the regular expression literals that use a lookbehind, which Safari before 16.4 (older iPhones and
 * iPads) cannot even parse: one of them anywhere stops the whole plugin from loading there.
 */
import { builtinModules } from 'node:module';
import * as ts from 'typescript';

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** "(?<=" and "(?<!", spelled so that this file holds no lookbehind itself (the lint would refuse it). */
export const LOOKBEHIND_OPENERS = ['=', '!'].map((sign) => `(?<${sign}`);

export interface RequireSite {
  module: string;
  /** Inside a branch that runs only when `Platform.isDesktop…` is true. */
  guarded: boolean;
}

export interface BundleScan {
  requires: RequireSite[];
  /** Regular expression literals with `(?<=` or `(?<!`. */
  lookbehinds: string[];
}

/** Whether `node` only runs when a condition mentioning Platform.isDesktop holds (the consequent of `c ? a : b`, `if`, or `c && a`). */
function guardedByDesktop(node: ts.Node): boolean {
  const mentionsDesktop = (condition: ts.Expression) => /\bPlatform\.isDesktop/.test(condition.getText());
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child && mentionsDesktop(parent.condition)) return true;
    if (ts.isIfStatement(parent) && parent.thenStatement === child && mentionsDesktop(parent.expression)) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child && mentionsDesktop(parent.left)) return true;
  }
  return false;
}

/** The library worker's code, which main.js carries as a string (see esbuild.config.mjs). */
export interface EmbeddedWorker {
  /** The code the worker runs. */
  code: string;
  /** The string literal as main.js spells it (escaped, quoted): what it adds to main.js. */
  literal: string;
}

/**
 * The library worker embedded in main.js: the one long string literal holding a script that answers the worker's
 * messages (`papersJson`). Null when there is none.
 */
export function embeddedWorker(bundle: string): EmbeddedWorker | null {
  const source = ts.createSourceFile('main.js', bundle, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const found: EmbeddedWorker[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.length > 10_000 && node.text.includes('papersJson')) {
      found.push({ code: node.text, literal: node.getText(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (found.length > 1) throw new Error(`main.js holds ${found.length} worker scripts, expected one`);
  return found[0] ?? null;
}

export function scanBundle(code: string): BundleScan {
  const source = ts.createSourceFile('main.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const requires: RequireSite[] = [];
  const lookbehinds: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg) && BUILTINS.has(arg.text)) requires.push({ module: arg.text, guarded: guardedByDesktop(node) });
    }
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(source);
      if (LOOKBEHIND_OPENERS.some((opener) => text.includes(opener))) lookbehinds.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { requires, lookbehinds };
}
