/**
 * Note file names: the `fileNameTemplate` (Handlebars, default `{{citekey}}`) rendered for a paper, made safe for
 * every OS and for Obsidian links, inside the notes folder. Nothing a citekey or title holds can leave the folder:
 * `/` and `\` are replaced, leading dots removed, and the result is a single path segment.
 */
import type { Paper } from '../library/paper';
import type { Settings } from '../settings/settings';
import { joinVaultPath } from '../vault/vault-path';
import type { Pause } from '../scheduling/time-slicer';
import type { NoteLanguage } from './i18n';
import { compileTemplate, type CompiledTemplate } from './template';
import { buildTemplateContext } from './template-context';

/** Longest file name (without the `.md` and a collision suffix), in UTF-8 bytes; file systems allow 255. */
export const MAX_FILE_NAME_BYTES = 200;

/** Used when nothing usable is left of the name. */
export const FALLBACK_FILE_NAME = 'untitled';

// Forbidden on Windows/macOS/Android (`/ \ : * ? " < > |`) or breaking Obsidian links (`# ^ [ ]`).
const FORBIDDEN = /[/\\:*?"<>|#^[\]]/g;
// C0 and C1 control characters, DEL.
const CONTROL = /\p{Cc}/gu;
// Windows device names, whatever the case and extension ("con", "CON.txt", "com1.md", "LPT¹").
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\s*\..*)?$/i;

const encoder = new TextEncoder();

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** User-perceived characters (emoji sequences stay whole); code points where Intl.Segmenter is missing. */
function characters(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

function truncateBytes(text: string, max: number): string {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: short names need no encoding to be known to fit.
  if (text.length * 3 <= max || byteLength(text) <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of characters(text)) {
    const n = byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

function trimEdges(text: string): string {
  return text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/**
 * A safe file name (without extension): forbidden characters become `_`, control characters and runs of
 * whitespace one space, leading dots and edge spaces/dots go, Windows device names get a `_`, the length is capped
 * at MAX_FILE_NAME_BYTES without splitting a character; never empty.
 */
export function sanitizeFileName(name: string): string {
  return safeName(name) || FALLBACK_FILE_NAME;
}

/** sanitizeFileName without the fallback: "" when nothing is left. */
function safeName(name: string): string {
  let out = name.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').replace(FORBIDDEN, '_');
  out = trimEdges(truncateBytes(trimEdges(out), MAX_FILE_NAME_BYTES));
  const reserved = RESERVED.exec(out);
  return reserved ? `${reserved[1]}_${reserved[2] ?? ''}` : out;
}

/** What a file name depends on besides the paper. */
export interface FileNameContext {
  settings: Settings;
  importDate: Date;
  language: NoteLanguage;
}

let cached: { source: string; template: CompiledTemplate } | null = null;

function fileNameTemplate(source: string): CompiledTemplate {
  if (cached?.source !== source) cached = { source, template: compileTemplate(source, 'file name template') };
  return cached.template;
}

/**
 * The safe base name (no folder, no `.md`) of a paper's note. Falls back to the citekey, then to "untitled", when
 * the template renders nothing usable. Throws TemplateError for a bad `fileNameTemplate`.
 */
export function noteFileName(paper: Paper, ctx: FileNameContext): string {
  const source = ctx.settings.fileNameTemplate;
  // The default template needs no context (building one costs more than the rest of the name together).
  const rendered = source.trim() === '{{citekey}}' ? paper.citekey : fileNameTemplate(source).render(buildTemplateContext(paper, ctx));
  return safeName(rendered) || safeName(paper.citekey) || FALLBACK_FILE_NAME;
}

/** Case- and normalisation-insensitive identity of a path (Windows and macOS file systems ignore case). */
export function pathKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * Distinct vault paths for new notes: `<notesFolder>/<name>.md`, and `<name> (2).md`, `(3)`… when the name is taken
 * by an existing path or by another paper, compared case-insensitively. The result is aligned with `papers`, and
 * does not depend on their order: colliding papers are served in citekey order. Throws TemplateError for a bad
 * file-name template and VaultPathError for a notes folder with "..".
 */
export function allocateNotePaths(papers: readonly Paper[], existingPaths: Iterable<string>, ctx: FileNameContext): string[] {
  const taken = new Set<string>();
  for (const p of existingPaths) taken.add(pathKey(p));
  return allocateAmong(papers, taken, ctx);
}

/** The comparison keys (pathKey) of existing paths, awaiting `pause` after each: a sync sees 10,000 of them. */
export async function takenPathKeys(paths: Iterable<string>, pause?: Pause): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const p of paths) {
    taken.add(pathKey(p));
    if (pause) await pause();
  }
  return taken;
}

/** allocateNotePaths with the keys of the existing paths already taken (see takenPathKeys). */
export function allocateNotePathsAmong(papers: readonly Paper[], takenKeys: ReadonlySet<string>, ctx: FileNameContext): string[] {
  return allocateAmong(papers, new Set(takenKeys), ctx);
}

/** The base names of the papers' notes (noteFileName), awaiting `pause` after each: 10,000 take tens of ms. */
export async function noteFileNames(papers: readonly Paper[], ctx: FileNameContext, pause?: Pause): Promise<string[]> {
  const names: string[] = [];
  for (const paper of papers) {
    names.push(noteFileName(paper, ctx));
    if (pause) await pause();
  }
  return names;
}

/**
 * allocateNotePathsAmong for notes whose names were already made (noteFileNames, aligned with `papers`), so that
 * the same names can be placed among several sets of taken paths.
 */
export function placeNoteNames(papers: readonly Paper[], names: readonly string[], takenKeys: ReadonlySet<string>, notesFolder: string): string[] {
  return placeNames(papers, names, new Set(takenKeys), notesFolder);
}

function allocateAmong(papers: readonly Paper[], taken: Set<string>, ctx: FileNameContext): string[] {
  return placeNames(
    papers,
    papers.map((paper) => noteFileName(paper, ctx)),
    taken,
    ctx.settings.notesFolder,
  );
}

function placeNames(papers: readonly Paper[], names: readonly string[], taken: Set<string>, notesFolder: string): string[] {
  const distinct = distinctFreePaths(names, taken, notesFolder);
  if (distinct) return distinct;
  const order = papers.map((_, i) => i).sort((a, b) => {
    const ka = papers[a].citekey;
    const kb = papers[b].citekey;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  const out: string[] = new Array<string>(papers.length);
  for (const i of order) {
    let n = 1;
    let path = joinVaultPath(notesFolder, `${names[i]}.md`);
    while (taken.has(pathKey(path))) {
      n += 1;
      path = joinVaultPath(notesFolder, `${names[i]} (${n}).md`);
    }
    taken.add(pathKey(path));
    out[i] = path;
  }
  return out;
}

/**
 * The paths `<folder>/<name>.md` when they are all free and distinct (then the order of allocation cannot matter:
 * every paper gets its own name), else null. Spares sorting a large library by citekey when nothing collides.
 */
function distinctFreePaths(names: readonly string[], taken: ReadonlySet<string>, notesFolder: string): string[] | null {
  if (names.length === 0) return [];
  let folder: string;
  try {
    folder = joinVaultPath(notesFolder);
  } catch {
    return null; // a bad folder: the general path reports it, naming the note's path
  }
  // A safe name is one path segment (no slash, no leading dot, never empty), so it joins without normalising.
  const paths = names.map((name) => (folder === '' ? `${name}.md` : `${folder}/${name}.md`));
  const keys = new Set<string>();
  for (const path of paths) {
    const key = pathKey(path);
    if (taken.has(key) || keys.has(key)) return null;
    keys.add(key);
  }
  return paths;
}
