/**
 * Collections of a `.bib` from its JabRef groups comment, which Better BibTeX writes (and JabRef itself) as
 *
 *     @comment{jabref-meta: groupstree:        (JabRef 2–3; `grouping:` from JabRef 3.x on)
 *     0 AllEntriesGroup:;
 *     1 ExplicitGroup:Methodology\;0\;key1\;key2\;;
 *     2 ExplicitGroup:Self-efficacy\;0\;;
 *     1 StaticGroup:Reading\;0\;1\;\;\;\;;
 *     }
 *
 * Each line is a level, a group type and its fields separated by `\;`, ended by `;`; long lines are wrapped with
 * bare line breaks, which are not part of the text. Members are listed in the group (old explicit groups) or named
 * by each entry's `groups = {Name, Other}` field. Groups chosen by a search rule (keyword, search groups) are part
 * of the hierarchy but have no members here.
 *
 * The `groups` field names a group by its own name only, as JabRef does: a name that two groups share ("Économie"
 * under two parents) puts the entry in both, which JabRef shows the same way; the reader warns about such names. A
 * name the tree does not know (or a `groups` field in a file without a groups comment) is a top-level collection,
 * so that no membership the file states is lost.
 */
import { collectionList, collectionName } from '../collections';
import type { LibraryCollection } from '../paper';

export interface JabrefGroups {
  /** The groups tree, plus the top-level collections of names only `groups` fields gave (see collectionsOf). */
  readonly collections: LibraryCollection[];
  /** The collection names (paths) of an entry, from the groups listing it and its own `groups` field; sorted. */
  collectionsOf(citekey: string, groupsField: string | undefined): string[];
  /** Group names entries used that name several groups of the tree (each such entry is put in all of them). */
  readonly ambiguous: string[];
}

const META = /@comment\s*[{(]\s*jabref-meta:\s*(?:groupstree|grouping):/i;

/** The groups of a `.bib` text: its groups comment (none: only the names of the entries' `groups` fields). */
export function readJabrefGroups(text: string): JabrefGroups {
  const start = text.includes('jabref-meta') ? META.exec(text) : null;
  const { paths, byName, byKey } = readTree(start ? commentBody(text, start.index + start[0].length).replace(/\r?\n/g, '') : '');
  const ambiguous = new Set<string>();
  const extra = new Set<string>();
  return {
    get collections() {
      return collectionList([...paths, ...[...extra].map((name) => [name])]);
    },
    get ambiguous() {
      return [...ambiguous].sort((a, b) => a.localeCompare(b));
    },
    collectionsOf(citekey, groupsField) {
      const found = new Set<string>(byKey.get(citekey) ?? []);
      for (const name of groupNames(groupsField ?? '', byName)) {
        const joined = byName.get(name);
        if (joined === undefined) {
          extra.add(name);
          found.add(collectionName([name]));
          continue;
        }
        if (joined.length > 1) ambiguous.add(name);
        for (const path of joined) found.add(path);
      }
      return [...found].sort((a, b) => a.localeCompare(b));
    },
  };
}

interface GroupTree {
  paths: string[][];
  /** A group's own name → the paths of every group so named. */
  byName: Map<string, string[]>;
  /** A citekey → the paths of the old explicit groups listing it. */
  byKey: Map<string, Set<string>>;
}

/** The groups listing of the comment (its line breaks removed). */
function readTree(body: string): GroupTree {
  const tree: GroupTree = { paths: [], byName: new Map(), byKey: new Map() };
  const stack: string[] = [];
  for (const line of splitUnescaped(body)) {
    const m = /^\s*(\d+)\s+([A-Za-z]+):(.*)$/s.exec(line);
    if (!m || m[2] === 'AllEntriesGroup') continue;
    const level = Number(m[1]);
    const fields = groupFields(m[3]);
    const name = fields[0]?.trim();
    if (!name || level < 1 || level > stack.length + 1) continue;
    stack.length = level - 1;
    stack.push(name);
    const path = [...stack];
    tree.paths.push(path);
    const joined = collectionName(path);
    tree.byName.set(name, [...(tree.byName.get(name) ?? []), joined]);
    // Old explicit groups list their members after the name and the hierarchical context.
    if (m[2] === 'ExplicitGroup') {
      for (const key of fields.slice(2).map((k) => k.trim()).filter(Boolean)) tree.byKey.set(key, (tree.byKey.get(key) ?? new Set()).add(joined));
    }
  }
  return tree;
}

/**
 * The group names in an entry's `groups` field. The field separates names with commas, but a name may hold a comma
 * itself ("Indication (relation d', en lien avec Dretske)"): the longest run of pieces that names a group wins.
 */
function groupNames(field: string, known: ReadonlyMap<string, unknown>): string[] {
  const pieces = field.replace(/[{}]/g, '').split(',');
  const names: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    let end = i + 1;
    for (let j = pieces.length; j > i + 1; j--) {
      if (known.has(pieces.slice(i, j).join(',').trim())) {
        end = j;
        break;
      }
    }
    const name = pieces.slice(i, end).join(',').trim();
    if (name !== '') names.push(name);
    i = end;
  }
  return names;
}

/** The text of the comment from `from` to its closing brace (or the end). */
function commentBody(text: string, from: number): string {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}

/** Lines of the groups listing: split on `;` not escaped with a backslash (escapes kept). */
function splitUnescaped(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ';') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A group line's fields: separated by `\;`, other escapes undone (`\\` → `\`). */
function groupFields(text: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\') current += c;
    else if (text[i + 1] === ';') {
      fields.push(current);
      current = '';
      i++;
    } else if (i + 1 < text.length) current += text[++i];
  }
  fields.push(current);
  return fields;
}
