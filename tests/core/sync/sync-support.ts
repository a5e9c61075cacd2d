/** Shared helpers of the sync tests: papers, settings, a state store in memory, a rendered note in merge shape. */
import type { Paper } from '../../../src/core/library/paper';
import { renderNote } from '../../../src/core/notes/render-note';
import { defaultSettings, type Settings } from '../../../src/core/settings';
import type { FreshNote } from '../../../src/core/sync/merge-note';
import { parseSyncState, parseSyncStateHead, serializeSyncState, type SyncState, type SyncStateHead, type SyncStateStore } from '../../../src/core/sync/sync-state';

export const IMPORT_DATE = new Date(2025, 8, 30, 21, 14, 40);

export function makePaper(citekey: string, overrides: Partial<Paper> = {}): Paper {
  return {
    citekey,
    title: `Title of ${citekey}`,
    authors: ['Yin, Shukang', 'Fu, Chaoyou'],
    year: 2024,
    date: '2024',
    type: 'article',
    venue: 'National Science Review',
    abstract: `Abstract of ${citekey}.`,
    tags: ['多模态'],
    collections: [],
    arxiv: '2306.13549',
    arxivUrl: 'https://arxiv.org/abs/2306.13549',
    doi: null,
    url: null,
    zoteroUri: `zotero://select/items/@${citekey}`,
    attachments: [],
    notes: [],
    ...overrides,
  };
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...overrides };
}

/** A paper rendered as the merge sees it, and the note text a create would write. */
export function render(paper: Paper, importDate = IMPORT_DATE): { text: string; fresh: FreshNote } {
  const note = renderNote(paper, { settings: settings(), importDate, language: 'en' });
  return { text: note.text, fresh: { entries: note.entries, regions: note.regions } };
}

/** A SyncStateStore in memory that keeps the stored JSON text and counts loads and saves. */
export class MemoryStateStore implements SyncStateStore {
  text: string | null = null;
  saves = 0;
  loads = 0;
  load(): Promise<SyncState | null> {
    this.loads++;
    return Promise.resolve(parseSyncState(this.text));
  }
  loadHead(): Promise<SyncStateHead | null> {
    return Promise.resolve(parseSyncStateHead(this.text));
  }
  save(state: SyncState): Promise<void> {
    this.text = serializeSyncState(state);
    this.saves++;
    return Promise.resolve();
  }
}
