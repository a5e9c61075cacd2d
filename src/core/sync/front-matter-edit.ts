/**
 * Textual edits of single top-level front-matter keys. Every other byte of the YAML (user keys, their quoting,
 * comments, order, line endings) is kept; each edit is verified by parsing the result, so an edit that would change
 * any other key's value is refused rather than written.
 */
import { isMap, isScalar, parseDocument, visit } from 'yaml';
import { topLevelBlocks, type TopLevelBlock } from '../text/front-matter-text';
import { withEol, type Eol } from '../text/line-endings';

export interface ParsedFrontMatter {
  yaml: string;
  blocks: TopLevelBlock[];
  /** The parsed mapping (empty for empty YAML). */
  data: Record<string, unknown>;
}

/** A change of one top-level key. `yaml` is the key's whole block as the renderer serialises it (LF, no final EOL). */
export type FrontMatterEdit =
  | { kind: 'set'; key: string; yaml: string; value: unknown; insertAfter: readonly string[] }
  | { kind: 'remove'; key: string };

/** The canonical form values are compared and hashed in (YAML values are JSON values here: no timestamps). */
export function canonicalValue(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

function parseMapping(yaml: string): { data: Record<string, unknown>; keys: (string | null)[] } | null {
  const doc = parseDocument(yaml, { uniqueKeys: true });
  if (doc.errors.length > 0) return null;
  if (doc.contents === null) return { data: {}, keys: [] };
  if (!isMap(doc.contents)) return null;
  const keys = doc.contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : null));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  return { data: data as Record<string, unknown>, keys };
}

/**
 * Parse front-matter YAML for editing. Null when it is not valid YAML, not a mapping, or its top-level keys cannot
 * be told apart line by line (complex keys, duplicates): such front matter is left alone.
 */
export function parseFrontMatterYaml(yaml: string): ParsedFrontMatter | null {
  const parsed = parseMapping(yaml);
  if (!parsed) return null;
  const blocks = topLevelBlocks(yaml);
  const blockKeys = blocks.map((b) => b.key);
  if (blockKeys.length !== parsed.keys.length || blockKeys.some((k, i) => k === null || k !== parsed.keys[i])) return null;
  return { yaml, blocks, data: parsed.data };
}

/**
 * Whether the block of top-level `key` holds a YAML comment (`year: 2020 # preprint`, a `# …` line inside a list):
 * text of the user's that rewriting the key would drop. Comment lines before the key's line or after its block are
 * not part of it (edits keep them). Parsed only when the block has a `#` at all; a block that does not parse alone
 * counts as commented, so it is left as it is.
 */
export function hasYamlComment(fm: ParsedFrontMatter, key: string): boolean {
  const block = fm.blocks.find((b) => b.key === key);
  if (!block) return false;
  const text = fm.yaml.slice(block.start, block.end);
  if (!text.includes('#')) return false;
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || doc.comment || doc.commentBefore) return true;
  let found = false;
  visit(doc, {
    Node(_key, node) {
      if (!node.comment && !node.commentBefore) return undefined;
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Apply edits to parsed front matter; returns the new YAML text, or null when the result does not parse back to
 * exactly the expected values (the caller then leaves the front matter untouched and reports a conflict).
 */
export function applyFrontMatterEdits(fm: ParsedFrontMatter, edits: readonly FrontMatterEdit[], eol: Eol): string | null {
  if (edits.length === 0) return fm.yaml;
  const byKey = new Map(fm.blocks.map((b) => [b.key as string, b]));
  const splices: Splice[] = [];
  const expected = new Map<string, unknown>(Object.entries(fm.data));
  for (const edit of edits) {
    const block = byKey.get(edit.key);
    if (edit.kind === 'remove') {
      if (!block) continue;
      splices.push({ start: block.start, end: block.end, text: '' });
      expected.delete(edit.key);
      continue;
    }
    const text = withEol(edit.yaml.replace(/\n+$/, ''), eol) + eol;
    if (block) {
      splices.push({ start: block.start, end: block.end, text });
    } else {
      const anchor = edit.insertAfter.map((k) => byKey.get(k)).find((b) => b !== undefined);
      const at = anchor ? anchor.end : fm.yaml.length;
      const lead = at > 0 && !fm.yaml.slice(0, at).endsWith('\n') ? eol : '';
      splices.push({ start: at, end: at, text: lead + text });
    }
    expected.set(edit.key, edit.value);
  }
  // Later offsets first, so earlier offsets stay valid; insertions at one point keep the edits' order.
  splices.sort((a, b) => b.start - a.start || b.end - a.end);
  let yaml = fm.yaml;
  for (const s of stableReverseInsertions(splices)) yaml = yaml.slice(0, s.start) + s.text + yaml.slice(s.end);
  const check = parseMapping(yaml);
  if (!check) return null;
  const actualKeys = Object.keys(check.data);
  if (actualKeys.length !== expected.size) return null;
  for (const [key, value] of expected) {
    if (!(key in check.data) || canonicalValue(check.data[key]) !== canonicalValue(value)) return null;
  }
  return yaml;
}

/** Several insertions at one offset must come out in edit order; applied back to front, so reverse each run. */
function stableReverseInsertions(sorted: Splice[]): Splice[] {
  const out: Splice[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].start === sorted[i].start && sorted[j + 1].end === sorted[i].end && sorted[i].start === sorted[i].end) j++;
    // Merge the run into one splice whose text keeps the original edit order.
    if (j > i) {
      const run = sorted.slice(i, j + 1);
      out.push({ start: run[0].start, end: run[0].end, text: run.map((s) => s.text).join('') });
    } else {
      out.push(sorted[i]);
    }
    i = j + 1;
  }
  return out;
}
