/**
 * What the sync needs from the notes module, in one place: render a paper into the merge's shape, name new notes,
 * and a fingerprint of every render input besides the paper (a change re-renders every note on the next sync).
 */
import type { Pause } from '../scheduling/time-slicer';
import type { Paper } from '../library/paper';
import { DEFAULT_NOTE_TEMPLATE } from '../notes/default-template';
import { CREATION_ONLY_KEYS, MANAGED_KEYS } from '../notes/front-matter';
import type { NoteLanguage } from '../notes/i18n';
import { noteFileNames, placeNoteNames } from '../notes/file-name';
import { renderNote } from '../notes/render-note';
import type { CompiledTemplate } from '../notes/template';
import type { Settings } from '../settings/settings';
import { clearStringMemos } from '../text/memo';
import { hashString } from '../text/fingerprint';
import type { FreshNote } from './merge-note';

/** The front-matter flag of a note whose paper left the export; its value is the date that was noticed. */
export const REMOVED_FLAG_KEY = 'zotero-removed';
export const SYNC_MANAGED_KEYS: readonly string[] = MANAGED_KEYS;
export const SYNC_CREATE_ONLY_KEYS: ReadonlySet<string> = new Set<string>(CREATION_ONLY_KEYS);

/** Bump when the sync's own reading of a render changes, so every note is looked at again once. */
const SYNC_RENDER_VERSION = 1;

/** A compiled note template (see notes/load-template.ts); omitted, the built-in one is used. */
export type TemplateInput = CompiledTemplate;

export interface RenderedForSync {
  /** The whole new note. */
  text: string;
  fresh: FreshNote;
}

export interface SyncRenderer {
  /** Fingerprint of the render inputs other than the paper. */
  readonly key: string;
  render(paper: Paper, importDate: Date): RenderedForSync;
  /** The file names of new notes, one per paper (awaiting `pause` after each). */
  fileNames(papers: readonly Paper[], importDate: Date, pause?: Pause): Promise<string[]>;
  /**
   * Vault paths for new notes of these names, one per paper: inside the notes folder, distinct from each other and
   * from the existing paths (their comparison keys, see takenPathKeys), case-insensitively.
   */
  place(papers: readonly Paper[], names: readonly string[], takenKeys: ReadonlySet<string>): string[];
}

/** Fingerprint of the render inputs besides the paper: the template, the language and the settings it reads. */
export function renderKeyOf(settings: Settings, language: NoteLanguage, template?: TemplateInput): string {
  return hashString(
    JSON.stringify([SYNC_RENDER_VERSION, template ? template.source : DEFAULT_NOTE_TEMPLATE, language, settings.dateFormat, settings.annotationColorLabels]),
  );
}

export function createSyncRenderer(settings: Settings, language: NoteLanguage, template?: TemplateInput): SyncRenderer {
  clearStringMemos(); // a sync starts afresh (see memo.ts)
  const key = renderKeyOf(settings, language, template);
  return {
    key,
    render(paper, importDate) {
      const note = renderNote(paper, { settings, importDate, language, template });
      return { text: note.text, fresh: { entries: note.entries, regions: note.regions, declared: note.declaredRegions } };
    },
    fileNames(papers, importDate, pause) {
      return noteFileNames(papers, { settings, importDate, language }, pause);
    },
    place(papers, names, takenKeys) {
      return placeNoteNames(papers, names, takenKeys, settings.notesFolder);
    },
  };
}
