/**
 * The headings language of the notes: the setting, with "auto" resolved against Obsidian's own language. Used by the
 * controller (every core call gets it) and the settings tab (which says what "auto" means here).
 */
import { getLanguage } from 'obsidian';
import { resolveNoteLanguage, type NoteLanguage } from '../../core/notes';
import type { Settings } from '../../core/settings';

/** Resolve the headings language setting against Obsidian's language. */
export function resolveLanguage(setting: Settings['headingsLanguage']): NoteLanguage {
  return resolveNoteLanguage(setting, getLanguage());
}
