/**
 * Markdown files that belong to another plugin: a drawing, a board, a mind map or a database stored as `.md`. Their
 * text is that plugin's data, so the linker never edits them and never counts them as mentions (a drawing file was
 * edited in the real-vault run of issue 11). Recognised by name and by the front-matter key each plugin writes.
 */
import { findFrontMatter } from '../text/front-matter-text';

/** Front-matter keys that mark a file as another plugin's, with the plugin's name. */
const OWNER_KEYS: Record<string, string> = {
  'excalidraw-plugin': 'Excalidraw',
  'kanban-plugin': 'Kanban',
  'mindmap-plugin': 'Mind map (Markmind / Enhancing mindmap)',
  'database-plugin': 'DB Folder',
  'tldraw-file': 'tldraw',
  'annotation-target': 'Annotator',
};

/** File name endings of other plugins' files (lower case). */
const OWNER_SUFFIXES: [string, string][] = [
  ['.excalidraw.md', 'Excalidraw'],
  ['.excalidraw', 'Excalidraw'],
  ['.canvas', 'Canvas'],
];

const KEY_LINE = /^([A-Za-z][\w-]*)[ \t]*:/;
/** Any owner key in the YAML. */
const ANY_KEY = new RegExp(Object.keys(OWNER_KEYS).join('|'));

/** The plugin that owns the file at `path` with text `text`, or null when it is an ordinary note. */
export function pluginFileOwner(path: string, text: string): string | null {
  const lower = path.toLowerCase();
  for (const [suffix, owner] of OWNER_SUFFIXES) if (lower.endsWith(suffix)) return owner;
  const open = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', open)) return null;
  const fm = findFrontMatter(text);
  // Most notes have none of the keys: one search of the YAML, not a walk over its lines.
  if (!fm || !ANY_KEY.test(text.slice(fm.yamlStart, fm.yamlEnd))) return null;
  let pos = fm.yamlStart;
  while (pos < fm.yamlEnd) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 || nl > fm.yamlEnd ? fm.yamlEnd : nl;
    const m = KEY_LINE.exec(text.slice(pos, end));
    if (m && Object.prototype.hasOwnProperty.call(OWNER_KEYS, m[1])) return OWNER_KEYS[m[1]];
    pos = end + 1;
  }
  return null;
}
