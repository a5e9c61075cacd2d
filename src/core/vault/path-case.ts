/**
 * Names that differ only in case are one folder on macOS and Windows ("literature" is "Literature"), while
 * Obsidian's index, Linux and most sync services tell them apart. A folder setting typed in another case would give
 * a vault both spellings, or fail to create a folder that "already exists". So a setting is matched against what
 * exists, segment by segment and case-insensitively, and takes the existing spelling. Pure: the listing is passed in.
 */

/** What a folder holds, by name ("" is the vault's root). */
export interface FolderListing {
  folders(parent: string): readonly string[];
  files(parent: string): readonly string[];
}

export interface CaseMatch {
  /** The path with every segment that exists in another case spelled as it exists. */
  path: string;
  /** The existing spelling differs from the one given. */
  changed: boolean;
}

const fold = (name: string) => name.normalize('NFC').toLowerCase();

function matchSegments(path: string, listing: FolderListing, lastIsFile: boolean): CaseMatch {
  if (path === '') return { path, changed: false };
  const given = path.split('/');
  const out: string[] = [];
  for (let i = 0; i < given.length; i++) {
    const parent = out.join('/');
    const names = lastIsFile && i === given.length - 1 ? listing.files(parent) : listing.folders(parent);
    const name = given[i];
    const existing = names.includes(name) ? name : names.find((n) => fold(n) === fold(name));
    if (existing === undefined) {
      out.push(...given.slice(i)); // nothing exists below a folder that does not
      break;
    }
    out.push(existing);
  }
  const matched = out.join('/');
  return { path: matched, changed: matched !== path };
}

/** A folder (vault path) spelled as the folders that exist spell it. */
export function matchFolderCase(folder: string, listing: FolderListing): CaseMatch {
  return matchSegments(folder, listing, false);
}

/** A file (vault path) spelled as the folders and the file that exist spell it. */
export function matchFileCase(file: string, listing: FolderListing): CaseMatch {
  return matchSegments(file, listing, true);
}
