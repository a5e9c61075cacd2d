/**
 * Which link targets made from export data may become clickable links in a note. An export of a group library is
 * written by other people: a `file:` link to `\\attacker\share` opens a remote share on one click (and on Windows
 * sends the user's credentials), a `javascript:` or `data:` link runs or shows content of the sender's choosing.
 * So only web links, mail links and the Zotero links the plugin builds itself pass; local files are linked by the
 * attachment code, which accepts local absolute paths only (see `isRemoteFilePath`).
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Schemes a link from export data may use. */
const ALLOWED = new Set(['http', 'https', 'mailto', 'zotero']);

/** Whether `url` may be a link target: an http(s), mailto or zotero URL. */
export function isSafeLinkTarget(url: string): boolean {
  const scheme = SCHEME.exec(url.trim())?.[1].toLowerCase();
  return scheme !== undefined && ALLOWED.has(scheme);
}

/** Whether `url` is a web address (http or https), the only kind a URL field becomes a link with. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(url.trim());
}

/**
 * Whether a file path or `file:` URL points at another computer: a UNC path (`\\server\share`, `//server/share`),
 * or a `file://host/…` URL with a host other than localhost. Such paths are never linked.
 */
export function isRemoteFilePath(path: string): boolean {
  const p = path.trim();
  if (/^[\\/]{2}(?![\\/])/.test(p)) return true;
  const file = /^file:\/\/([^/]*)/i.exec(p);
  return file !== null && file[1] !== '' && file[1].toLowerCase() !== 'localhost';
}
