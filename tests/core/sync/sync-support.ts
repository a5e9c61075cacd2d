/** Shared helpers of the sync tests: papers, settings, a state store in memory, a rendered note in merge shape. */
import type { Paper } from '../../../src/core/library/paper';
import { renderNote } from '../../../src/core/notes/render-note';
import { defaultSettings, type Settings } from '../../../src/core/settings/settings';
import type { FreshNote } from '../../../src/core/sync/merge-note';
import { SyncStateStore, type SyncStateFile } from '../../../src/core/sync/sync-state-store';

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
    attachmentLinks: {},
    notes: [],
    annotations: [],
    ...overrides,
  };
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...overrides };
}

/** A paper rendered as the merge sees it, and the note text a create would write. */
export function render(paper: Paper, importDate = IMPORT_DATE): { text: string; fresh: FreshNote } {
  const note = renderNote(paper, { settings: settings(), importDate, language: 'en' });
  return { text: note.text, fresh: { entries: note.entries, regions: note.regions, declared: note.declaredRegions } };
}

/** The state's file in memory: its text, and how often it was read and written. */
export class MemoryStateFile implements SyncStateFile {
  text: string | null = null;
  reads = 0;
  writes = 0;
  read(): Promise<string | null> {
    this.reads++;
    return Promise.resolve(this.text);
  }
  write(text: string): Promise<void> {
    this.text = text;
    this.writes++;
    return Promise.resolve();
  }
}

/** The core store over a file in memory; `saves` counts the writes that really happened. */
export class MemoryStateStore extends SyncStateStore {
  constructor(readonly memory = new MemoryStateFile()) {
    super(memory);
  }
  get text(): string | null {
    return this.memory.text;
  }
  get saves(): number {
    return this.memory.writes;
  }
}
