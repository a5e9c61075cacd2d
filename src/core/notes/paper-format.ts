/**
 * Small, pure formatting of Paper fields for notes: display names, attachment links, the summary text.
 */
import type { Paper } from '../library/paper';
import type { SummarySource } from '../settings/settings';
import { memoizeByString } from '../text/memo';
import { isRemoteFilePath, isWebUrl } from '../text/safe-link';

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const ENDS_CJK = new RegExp(`${CJK_CLASS}$`, 'u');
const STARTS_CJK = new RegExp(`^${CJK_CLASS}`, 'u');

/**
 * A Paper author ("Family, Given", or one field kept whole) as it is read: "Given Family"; CJK names keep their
 * order without a space ("林, 秀贞" → "林秀贞"); "King, Jr., Martin Luther" → "Martin Luther King Jr.".
 */
export const displayName: (author: string) => string = memoizeByString(readableName);

function readableName(author: string): string {
  const parts = author.split(',').map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === '')) return author.trim();
  const [family, second] = parts;
  if (parts.length >= 3) return `${parts.slice(2).join(', ')} ${family} ${second}`;
  if (ENDS_CJK.test(family) && STARTS_CJK.test(second)) return `${family}${second}`;
  return `${second} ${family}`;
}

/** Authors for a byline: all of them up to `max`, else the first `max` and "et al." / "等". */
export function shortAuthorList(authors: readonly string[], etAl: string, max = 3): string {
  if (authors.length <= max) return authors.map(displayName).join(', ');
  return `${authors.slice(0, max).map(displayName).join(', ')} ${etAl}`;
}

/** One attachment as the templates see it. */
export interface AttachmentLink {
  /** The path or URL as exported. */
  path: string;
  /**
   * A link target for Markdown: a `file:///` URL for a local absolute path, the URL itself for a web link, or an
   * encoded relative path; null for what must not be linked (a file on another computer, a `javascript:` URL…).
   */
  url: string | null;
  /** Opens the file in Zotero's own reader (`zotero://open-pdf/…`), for files Zotero stores; else null. */
  zoteroUrl: string | null;
  /** The file name (last path segment) or the URL. */
  name: string;
  isPdf: boolean;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;

/** Every `/`-separated segment percent-encoded, in one call: `/` is the only character that encodes to `%2F`. */
function encodePath(path: string): string {
  const encoded = encodeURIComponent(path).replace(/%2F/g, '/');
  // Parentheses would end a Markdown link destination early.
  return encoded.includes('(') || encoded.includes(')') ? encoded.replace(/\(/g, '%28').replace(/\)/g, '%29') : encoded;
}

/**
 * A Markdown link target for an attachment path: local absolute paths (POSIX, `C:\…`) become `file:///` URLs with
 * every segment percent-encoded (spaces as %20); web URLs keep their form with spaces, `<>()` encoded; other
 * (relative) paths are encoded without a scheme. Null for a file on another computer (`\\server\share\…`,
 * `file://host/…`: one click would open a network share, and on Windows send the user's credentials) and for URLs
 * of any other scheme (`javascript:`, `data:`…): an export of a group library is written by other people.
 */
export function attachmentUrl(rawPath: string): string | null {
  const path = rawPath.trim();
  if (isRemoteFilePath(path)) return null;
  if (URL_SCHEME.test(path) && !WINDOWS_DRIVE.test(path)) {
    if (!isWebUrl(path) && !/^file:\/\/\//i.test(path)) return null;
    return path.replace(/[ <>()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }
  const slashed = path.includes('\\') ? path.replace(/\\/g, '/') : path;
  if (WINDOWS_DRIVE.test(path)) {
    return `file:///${slashed.slice(0, 2)}${encodePath(slashed.slice(2))}`;
  }
  if (slashed.startsWith('/')) return `file://${encodePath(slashed)}`;
  return encodePath(slashed);
}

/** The attachments of a paper as links, in export order. */
export function attachmentLinks(paper: Pick<Paper, 'attachments'> & Partial<Pick<Paper, 'attachmentLinks'>>): AttachmentLink[] {
  const links: AttachmentLink[] = [];
  for (const path of paper.attachments) {
    const trimmed = path.trim();
    if (trimmed === '') continue;
    const isUrl = URL_SCHEME.test(trimmed) && !WINDOWS_DRIVE.test(trimmed);
    // The last segment, `/` or `\` separated.
    const name = isUrl ? trimmed : trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
    const withoutQuery = trimmed.includes('?') || trimmed.includes('#') ? trimmed.replace(/[?#].*$/, '') : trimmed;
    const zoteroUrl = paper.attachmentLinks?.[path] ?? null;
    links.push({ path, url: attachmentUrl(trimmed), zoteroUrl, name, isPdf: /\.pdf$/i.test(withoutQuery) });
  }
  return links;
}

/** The attachment the "PDF" link opens: the first linkable PDF, else the first linkable attachment, else null. */
export function primaryAttachment(links: readonly AttachmentLink[]): AttachmentLink | null {
  const linkable = links.filter((l) => l.zoteroUrl !== null || l.url !== null);
  return linkable.find((l) => l.isPdf) ?? linkable[0] ?? null;
}

/**
 * The summary text: the abstract; with `first-note` (only "Insert paper summary" offers it), the user's first Zotero
 * note, else the abstract. A literature note's Summary section always takes the abstract: Zotero notes have their
 * own section, and an annotation note is never a summary. Trailing whitespace is trimmed; null when there is nothing.
 */
export function resolveSummary(paper: Pick<Paper, 'abstract' | 'notes'>, source: SummarySource): string | null {
  const clean = (s: string | null | undefined): string | null => {
    const text = s ?? '';
    const t = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).replace(/^\s*\n/, '').trimEnd();
    return t === '' ? null : t;
  };
  if (source === 'first-note') return paper.notes.map(clean).find((n) => n !== null) ?? clean(paper.abstract);
  return clean(paper.abstract);
}
