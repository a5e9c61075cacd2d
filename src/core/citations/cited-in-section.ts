/**
 * The "Cited in" section of a literature note: the notes that cite its paper, with how often each does, as links
 * the user's Obsidian resolves (so backlinks and the graph show who cites the paper). Written by the citation engine
 * alone, as an owned managed region (src/core/text/owned-sections.ts).
 */
import type { MakeLink } from '../concepts/link-writer';
import type { NoteLanguage } from '../notes/i18n';

export interface CitingNote {
  path: string;
  /** Citations of the paper in that note. */
  count: number;
}

const LABELS: Record<NoteLanguage, { heading: string; times: string; none: string }> = {
  en: { heading: 'Cited in', times: '{n} citations', none: '*No note cites this paper any more.*' },
  zh: { heading: '引用本文的笔记', times: '引用 {n} 次', none: '*已没有笔记引用本文。*' },
};

/** A note's title as link text: its file name without `.md`. */
function titleOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/**
 * The section's content (LF), citing notes sorted by title. A note is only given the section once something cites
 * it; when the last citation goes, the section stays and says so (the note keeps its shape).
 */
export function renderCitedIn(citing: readonly CitingNote[], sourcePath: string, language: NoteLanguage, makeLink: MakeLink): string {
  const l = LABELS[language];
  const sorted = [...citing].sort((a, b) => titleOf(a.path).localeCompare(titleOf(b.path)) || a.path.localeCompare(b.path));
  const lines = [`## ${l.heading} (${citing.length})`, ''];
  if (citing.length === 0) lines.push(l.none);
  for (const note of sorted) {
    const times = note.count > 1 ? ` · ${l.times.replace('{n}', String(note.count))}` : '';
    lines.push(`- ${makeLink(note.path, titleOf(note.path), sourcePath)}${times}`);
  }
  return lines.join('\n');
}
