/**
 * CSL exports → papers: Better CSL JSON (array), Better CSL YAML (`references:`), and Zotero's own CSL JSON,
 * which has no citation keys: there each key is derived from the Zotero item key in the item's `id` URI, and a
 * warning says so.
 */
import { parse as parseYaml } from 'yaml';
import { zoteroSelectUri } from '../paper';
import type { LocatedPaper, ReaderOutput } from '../reader-output';
import { cslItemToPaper, type CslIdentity, type CslItem } from './csl-item-to-paper';
import { errorMessage } from '../../text/error-message';


const ZOTERO_ITEM_URI = /^https?:\/\/zotero\.org\/(users|groups)\/([^/]+)\/(?:[^/]+\/)?items\/([A-Z0-9]{8})$/;

/** Whether CSL items are Zotero's own export: no citation keys, ids are zotero.org item URIs. */
export function isZoteroNativeCsl(items: unknown[]): boolean {
  let uris = 0;
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const o = item as CslItem;
    if (o['citation-key'] !== undefined || o.citationKey !== undefined) return false;
    if (typeof o.id === 'string' && ZOTERO_ITEM_URI.test(o.id)) uris++;
  }
  return uris > 0 && uris >= items.length / 2;
}

/** Read parsed CSL items. `zoteroNative`: derive keys from item URIs. `markdown`: YAML titles are pandoc Markdown. */
export function readCslItems(items: unknown[], zoteroNative: boolean, markdown: boolean): ReaderOutput {
  const papers: LocatedPaper[] = [];
  const errors: ReaderOutput['errors'] = [];
  const warnings: string[] = [];
  let derived = 0;
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ line: null, citekey: null, message: `item ${index + 1} is not a CSL item object` });
      return;
    }
    const identity = zoteroNative ? zoteroIdentity(item as CslItem) : cslIdentity(item as CslItem);
    if (!identity) {
      errors.push({ line: null, citekey: null, message: `item ${index + 1} has no id or citation-key` });
      return;
    }
    if (zoteroNative) derived++;
    try {
      papers.push({ paper: cslItemToPaper(item as CslItem, identity, markdown), line: null });
    } catch (err) {
      errors.push({ line: null, citekey: identity.citekey, message: `could not read the item: ${errorMessage(err)}` });
    }
  });
  if (zoteroNative && derived > 0) {
    warnings.push(
      `This is Zotero's own CSL JSON, which has no citation keys: the ${derived} keys were derived from Zotero item keys ` +
        '(e.g. "SRPXTB5E") and will change if you switch to a Better BibTeX export. Export with Better BibTeX ' +
        '("Better CSL JSON" or "Better BibLaTeX") to use your citation keys.',
    );
  }
  return { papers, errors, warnings, collections: [] };
}

function cslIdentity(item: CslItem): CslIdentity | null {
  const key = item['citation-key'] ?? item.citationKey ?? item.id;
  const citekey = typeof key === 'string' ? key.trim() : typeof key === 'number' ? String(key) : '';
  return citekey ? { citekey, zoteroUri: zoteroSelectUri(citekey) } : null;
}

/** Zotero's CSL `id` is the item URI: the key is its last segment; the link selects the item directly. */
function zoteroIdentity(item: CslItem): CslIdentity | null {
  const m = typeof item.id === 'string' ? ZOTERO_ITEM_URI.exec(item.id) : null;
  if (!m) return cslIdentity(item);
  const [, kind, library, key] = m;
  const zoteroUri = kind === 'groups' ? `zotero://select/groups/${library}/items/${key}` : `zotero://select/library/items/${key}`;
  return { citekey: key, zoteroUri };
}

/**
 * The items of a Better CSL YAML text (`references:` list, optionally between `---` and `...`). A repeated key keeps
 * its last value instead of failing the whole file. `yaml` takes about 5 s for 10,000 items (in the library worker,
 * off Obsidian's main thread; `npm run bench -- --only yaml10k`): js-yaml reads them in 0.8 s but is on the
 * community review's list of dependencies to replace (depend/ban-dependencies), with `yaml` as the replacement.
 */
export function parseCslYaml(text: string): unknown[] | null {
  let doc: unknown;
  try {
    doc = parseYaml(text, { uniqueKeys: false });
  } catch {
    return null;
  }
  if (Array.isArray(doc)) return doc as unknown[];
  const references = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).references : undefined;
  return Array.isArray(references) ? (references as unknown[]) : null;
}
