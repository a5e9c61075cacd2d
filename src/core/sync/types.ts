/**
 * Types the merge and the sync state share, in a module of their own so that neither imports the other only for a
 * type (they would otherwise form an import cycle).
 */

/**
 * Hashes of what the plugin last wrote into one note: per managed front-matter key, and per region id (plus, for a
 * region of annotation items, per item as `<region id>/<key>`).
 */
export interface WrittenHashes {
  keys: Record<string, string>;
  regions: Record<string, string>;
}
