/**
 * The library reader: the text of a Better BibTeX export → `{ format, papers, errors, warnings }`.
 * The format is detected from the content, never the file name:
 * - `[` … → CSL JSON: Better CSL JSON, or Zotero's own CSL JSON (ids are zotero.org URIs, no citation keys);
 * - `{` … with `items` → BetterBibTeX JSON;
 * - `@type{key,` entries → Better BibTeX or Better BibLaTeX (told apart by their fields);
 * - `---` / `references:` → Better CSL YAML.
 * An empty file, or text that is none of these (HTML, prose, other JSON), throws UnrecognizedExportError.
 * A recognisable export without entries (`[]`, only `@comment`s) reads as 0 papers with a warning; callers that
 * sync must treat a sudden drop in papers as suspect (src/core/sync/export-safety.ts does).
 */
import { readBbtJson } from './bbt-json/read-bbt-json';
import { readBibtex } from './bibtex/read-bibtex';
import { checkCitekeys } from './citekey-check';
import { isZoteroNativeCsl, parseCslYaml, readCslItems } from './csl/read-csl';
import { yamlTruncation } from './csl/yaml-completeness';
import { IncompleteExportError, UnrecognizedExportError, type ExportFormat, type LibraryReadResult, type Paper } from './paper';
import type { ReaderOutput } from './reader-output';
import { errorMessage } from '../text/error-message';
import { isRemoteFilePath } from '../text/safe-link';

const BIB_BLOCK = /@[ \t]*(?:[A-Za-z]+[ \t]*[{(][ \t\r\n]*[^\s,{}=]+[ \t\r\n]*,|(?:string|preamble|comment)[ \t]*[{(])/i;
const YAML_START = /^(?:---[ \t]*\r?\n)?(?:#[^\n]*\r?\n)*references[ \t]*:/;

/**
 * Read an export. Throws UnrecognizedExportError for a file that is no export at all; every other problem is an
 * entry in `errors` (that entry failed, the rest was read) or in `warnings`.
 */
export function readLibrary(text: string): LibraryReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) throw new UnrecognizedExportError('the file is empty: it holds no entries (is Better BibTeX still writing it?)');
  const first = body[start];
  let read: { format: ExportFormat; output: ReaderOutput };
  if (first === '[' || first === '{') read = readJson(body);
  else if (first === '<') throw new UnrecognizedExportError('this looks like an HTML or XML file, not a Better BibTeX export');
  else if (YAML_START.test(body.slice(start))) read = readYaml(body);
  else if (BIB_BLOCK.test(body)) {
    const bib = readBibtex(body);
    read = { format: bib.format, output: bib };
  } else {
    throw new UnrecognizedExportError(
      'not a Better BibTeX export: expected BibTeX entries (@type{key, …}), CSL JSON, CSL YAML or BetterBibTeX JSON',
    );
  }
  return finish(read.format, read.output);
}

function readJson(text: string): { format: ExportFormat; output: ReaderOutput } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UnrecognizedExportError(`not valid JSON (${errorMessage(err)}); the export may be incomplete`);
  }
  if (typeof doc !== 'object' || doc === null) throw new UnrecognizedExportError('JSON, but not an export (neither an array nor an object)');
  if (Array.isArray(doc)) {
    if (doc.length > 0 && !doc.some((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
      throw new UnrecognizedExportError('a JSON array, but not of CSL items');
    }
    const native = isZoteroNativeCsl(doc);
    return { format: native ? 'zotero-csl-json' : 'csl-json', output: readCslItems(doc, native, false) };
  }
  const obj = doc as Record<string, unknown>;
  if (Array.isArray(obj.items)) return { format: 'bbt-json', output: readBbtJson(obj) };
  if (Array.isArray(obj.references)) return { format: 'csl-json', output: readCslItems(obj.references, false, false) };
  throw new UnrecognizedExportError('JSON, but neither CSL JSON (an array of items) nor BetterBibTeX JSON (an object with "items")');
}

function readYaml(text: string): { format: ExportFormat; output: ReaderOutput } {
  const items = parseCslYaml(text);
  if (!items) {
    // A "references:" document that does not parse is, in practice, one Better BibTeX is still writing.
    if (yamlTruncation(text, []) !== null) throw new IncompleteExportError('the CSL YAML export is incomplete (Better BibTeX may be writing it)');
    throw new UnrecognizedExportError('YAML, but not Better CSL YAML (a "references:" list)');
  }
  const output = readCslItems(items, false, true);
  const truncated = yamlTruncation(text, items);
  if (truncated !== null) output.truncated = truncated;
  return { format: 'csl-yaml', output };
}

function finish(format: ExportFormat, output: ReaderOutput): LibraryReadResult {
  const checked = checkCitekeys(output.papers);
  // File order; errors without a line (JSON formats) keep their order after the others.
  const errors = [...output.errors, ...checked.errors].sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  const warnings = [...output.warnings, ...checked.warnings, ...remoteFileWarnings(checked.papers)];
  if (output.truncated !== undefined) warnings.unshift(`the export is incomplete: ${output.truncated} (Better BibTeX may still be writing it)`);
  if (checked.papers.length === 0 && errors.length === 0) warnings.push('the export contains no entries');
  const result: LibraryReadResult = { format, papers: checked.papers, errors, warnings, collections: output.collections };
  if (output.truncated !== undefined) result.truncated = output.truncated;
  return result;
}

/** One warning for attachments on other computers (UNC paths, remote `file:` URLs): notes never link them. */
function remoteFileWarnings(papers: readonly Paper[]): string[] {
  const remote: string[] = [];
  for (const p of papers) for (const a of p.attachments) if (isRemoteFilePath(a)) remote.push(`${p.citekey}: ${a}`);
  if (remote.length === 0) return [];
  const shown = remote.slice(0, 3).join('; ') + (remote.length > 3 ? `; and ${remote.length - 3} more` : '');
  return [`${remote.length} attachment${remote.length === 1 ? ' points' : 's point'} to another computer and will not be linked in notes (a link to a network share can leak your credentials): ${shown}`];
}
