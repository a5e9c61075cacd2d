/**
 * Our own BetterBibTeX JSON fixture with Zotero note HTML (fixtures/annotations.bbt.json, in the repository, unlike
 * the real exports of ../shared/fixtures): papers with annotations for the notes and sync tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLibrary } from '../../../../src/core/library/read-library';
import type { LibraryReadResult, Paper } from '../../../../src/core/library/paper';

export const ANNOTATION_FIXTURE = join(__dirname, 'fixtures/annotations.bbt.json');

let cached: LibraryReadResult | null = null;

/** The fixture read by the library reader. */
export function annotationLibrary(): LibraryReadResult {
  cached ??= readLibrary(readFileSync(ANNOTATION_FIXTURE, 'utf8'));
  return cached;
}

/** A paper of the fixture, copied so tests may change it. */
export function annotatedPaper(citekey: string): Paper {
  const paper = annotationLibrary().papers.find((p) => p.citekey === citekey);
  if (!paper) throw new Error(`no paper ${citekey} in ${ANNOTATION_FIXTURE}`);
  return structuredClone(paper);
}
