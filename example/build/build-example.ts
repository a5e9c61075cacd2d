/**
 * Builds the example library: example/library.json, a BetterBibTeX JSON export of the papers of
 * example/library.bib with the summaries, collections, annotation notes and Zotero notes of example-content.ts.
 * Run `node scripts/build-example.mjs` after changing either file; the output is committed, so the demo needs
 * neither this script nor ../shared. (The .bib stays as it is: the plugin's tests read it as a plain library.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readLibrary } from '../../src/core/library/read-library';
import type { Paper } from '../../src/core/library/paper';
import { annotationNoteHtml, citationSpan, itemUri, userNoteHtml, type NoteTarget } from '../../tests/support/zotero-note-html';
import { ANNOTATIONS, COLLECTIONS, SUMMARIES, USER_NOTES } from './example-content';

const LIBRARY = 'users/6131994';
const BIB = 'example/library.bib';
const ALPHABET = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';

/** A Zotero-style item key made from a name, the same on every run. */
function keyOf(name: string): string {
  let h = 2166136261;
  let key = '';
  for (let round = 0; key.length < 8; round++) {
    for (const c of `${name}#${round}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    key += ALPHABET[h % ALPHABET.length];
  }
  return key;
}

const family = (author: string) => author.split(',')[0].trim();

function citationText(paper: Paper): string {
  const authors = paper.authors.length > 2 ? `${family(paper.authors[0])} et al.` : paper.authors.map(family).join(' and ');
  return `${authors}, ${paper.year ?? 'n.d.'}`;
}

function notesOf(paper: Paper, byKey: Map<string, Paper>): Record<string, unknown>[] {
  const parentKey = keyOf(paper.citekey);
  const notes: Record<string, unknown>[] = [];
  const annotations = ANNOTATIONS[paper.citekey];
  if (annotations) {
    const target: NoteTarget = { library: LIBRARY, parentKey, attachmentKey: keyOf(`${paper.citekey}.pdf`), citation: citationText(paper) };
    notes.push({ itemType: 'note', key: keyOf(`${paper.citekey}.annotations`), parentItem: parentKey, note: annotationNoteHtml(target, annotations) });
  }
  const own = USER_NOTES[paper.citekey];
  if (own) {
    const html = own.replace(/@cite\((\w+), (\d+)\)/g, (_, citekey: string, page: string) => {
      const cited = byKey.get(citekey) as Paper;
      return citationSpan(itemUri(LIBRARY, keyOf(citekey)), page, `${citationText(cited)}, p. ${page}`);
    });
    notes.push({ itemType: 'note', key: keyOf(`${paper.citekey}.note`), parentItem: parentKey, note: userNoteHtml(html) });
  }
  return notes;
}

function itemOf(paper: Paper, index: number, byKey: Map<string, Paper>): Record<string, unknown> {
  const key = keyOf(paper.citekey);
  const attachmentKey = keyOf(`${paper.citekey}.pdf`);
  const itemType = paper.type === 'article' ? 'journalArticle' : paper.type === 'inproceedings' ? 'conferencePaper' : 'preprint';
  const venueField = itemType === 'journalArticle' ? 'publicationTitle' : itemType === 'conferencePaper' ? 'proceedingsTitle' : 'repository';
  const file = `${family(paper.authors[0])} et al. - ${paper.year} - ${paper.title.split(':')[0].slice(0, 40)}.pdf`;
  return {
    itemID: index + 1,
    key,
    uri: itemUri(LIBRARY, key),
    itemType,
    citationKey: paper.citekey,
    title: paper.title,
    creators: paper.authors.map((a) => ({ creatorType: 'author', lastName: family(a), firstName: a.slice(a.indexOf(',') + 1).trim() })),
    date: paper.date,
    [venueField]: paper.venue === 'arXiv' || paper.venue === null ? 'arXiv' : paper.venue,
    ...(paper.doi ? { DOI: paper.doi } : {}),
    url: paper.url,
    extra: paper.arxiv ? `arXiv: ${paper.arxiv}` : '',
    abstractNote: SUMMARIES[paper.citekey] ?? '',
    tags: paper.tags.map((tag) => ({ tag })),
    attachments: [{ itemType: 'attachment', title: 'Full Text PDF', contentType: 'application/pdf', path: `/Users/demo/Zotero/storage/${attachmentKey}/${file}`, uri: itemUri(LIBRARY, attachmentKey) }],
    notes: notesOf(paper, byKey),
  };
}

function collectionsOf(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { path, papers } of COLLECTIONS) {
    const key = keyOf(`collection:${path.join('/')}`);
    const parent = path.length > 1 ? keyOf(`collection:${path.slice(0, -1).join('/')}`) : false;
    const children = COLLECTIONS.filter((c) => c.path.length === path.length + 1 && c.path.slice(0, -1).join('/') === path.join('/'));
    out[key] = { key, name: path[path.length - 1], parent, collections: children.map((c) => keyOf(`collection:${c.path.join('/')}`)), items: papers.map(keyOf) };
  }
  return out;
}

const { papers, errors } = readLibrary(readFileSync(BIB, 'utf8'));
if (errors.length > 0) throw new Error(`example/library.bib: ${JSON.stringify(errors)}`);
const byKey = new Map(papers.map((p) => [p.citekey, p]));
const missing = Object.keys({ ...SUMMARIES, ...ANNOTATIONS, ...USER_NOTES }).filter((k) => !byKey.has(k));
if (missing.length > 0) throw new Error(`not in example/library.bib: ${missing.join(', ')}`);
const json = {
  config: {
    id: '36a3b0b5-bad0-4a04-b79b-441c7cef77db',
    label: 'BetterBibTeX JSON',
    localeDateOrder: 'ymd',
    options: { exportNotes: true, keepUpdated: true },
  },
  collections: collectionsOf(),
  items: papers.map((p, i) => itemOf(p, i, byKey)),
};
writeFileSync('example/library.json', JSON.stringify(json, null, 2) + '\n');
console.log(`example/library.json: ${papers.length} papers, ${COLLECTIONS.length} collections`);
