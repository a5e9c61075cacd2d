/**
 * Merge a freshly rendered literature note into the note the user has: only the managed front-matter keys and the
 * managed body regions are rewritten, and only where the user has not changed them since the plugin last wrote
 * them (told apart with the hashes of the sync state). Every other byte stays as it is.
 */
import { hashValue } from '../text/fingerprint';
import { findFrontMatter } from '../text/front-matter-text';
import { detectEol } from '../text/line-endings';
import { applyFrontMatterEdits, hasYamlComment, parseFrontMatterYaml, type FrontMatterEdit, type ParsedFrontMatter } from './front-matter-edit';
import { mergeRegions, regionHashEntries } from './merge-regions';
import { encodedHashes } from './sync-state-text';
import { takesPart, type FreshNote, type MergeOptions, type MergeResult } from './merge-types';
import type { WrittenHashes } from './types';

export { regionHash } from './merge-regions';
export type { FreshNote, ManagedEntry, MergeOptions, MergeResult } from './merge-types';
export type { WrittenHashes } from './types';

/** The hash of a front-matter value, as recorded in the sync state. */
export function valueHash(value: unknown): string {
  return hashValue(value);
}

/** Hashes of a freshly created note (what the plugin wrote), built directly in their stored form. */
export function hashesOfFresh(fresh: FreshNote): WrittenHashes {
  const keys = fresh.entries.map((e) => `${e.key}=${valueHash(e.value)}`);
  const regions = regionHashEntries(fresh.regions).map(([name, hash]) => `${name}=${hash}`);
  return encodedHashes(keys.join(' '), regions.join(' '));
}

function planKeyEdits(fm: ParsedFrontMatter, fresh: FreshNote, opts: MergeOptions, out: MergeResult): FrontMatterEdit[] {
  const { data } = fm;
  const edits: FrontMatterEdit[] = [];
  const order = fresh.entries.map((e) => e.key);
  // A YAML comment in a key's block is the user's text, which rewriting (or removing) the key would drop: such a
  // key counts as edited by hand whatever its value.
  const untouched = (key: string, recorded: string | undefined) => recorded !== undefined && valueHash(data[key]) === recorded && !hasYamlComment(fm, key);
  fresh.entries.forEach((entry, index) => {
    const { key } = entry;
    const recorded = opts.recorded?.keys[key];
    const present = Object.prototype.hasOwnProperty.call(data, key);
    const insertAfter = order.slice(0, index).reverse();
    if (!present) {
      // A key the plugin wrote before and the user removed stays removed (unless taken back); a key never written is added.
      if (recorded !== undefined && !takesPart(opts, key)) out.written.keys[key] = recorded;
      else {
        edits.push({ kind: 'set', key, yaml: entry.yaml, value: entry.value, insertAfter });
        out.written.keys[key] = valueHash(entry.value);
      }
      return;
    }
    const currentHash = valueHash(data[key]);
    if (opts.createOnlyKeys.has(key)) {
      out.written.keys[key] = recorded ?? currentHash;
      return;
    }
    const freshHash = valueHash(entry.value);
    if (currentHash === freshHash && !(takesPart(opts, key) && hasYamlComment(fm, key))) {
      out.written.keys[key] = currentHash;
      return;
    }
    if (untouched(key, recorded) || takesPart(opts, key)) {
      edits.push({ kind: 'set', key, yaml: entry.yaml, value: entry.value, insertAfter });
      out.written.keys[key] = freshHash;
      return;
    }
    // Edited by hand while the plugin's value did not change: nothing to reconcile.
    if (recorded !== undefined && freshHash === recorded) {
      out.written.keys[key] = recorded;
      return;
    }
    out.conflicts.push(`front-matter key "${key}" was edited by hand: kept`);
    if (recorded !== undefined) out.written.keys[key] = recorded;
  });
  const freshKeys = new Set(order);
  for (const key of opts.managedKeys) {
    if (freshKeys.has(key) || opts.createOnlyKeys.has(key) || !Object.prototype.hasOwnProperty.call(data, key)) continue;
    const recorded = opts.recorded?.keys[key];
    // Taken: removed when named, or when the plugin once wrote it (with "all", a key the user added stays).
    if (takesPart(opts, key) && (opts.take !== 'all' || recorded !== undefined)) edits.push({ kind: 'remove', key });
    else if (recorded === undefined) continue; // Not known to be ours: leave it.
    else if (untouched(key, recorded)) edits.push({ kind: 'remove', key });
    else {
      out.conflicts.push(`front-matter key "${key}" was edited by hand: kept`);
      out.written.keys[key] = recorded;
    }
  }
  const flag = opts.removedFlag;
  if (flag) {
    const has = Object.prototype.hasOwnProperty.call(data, flag.key);
    if (flag.value !== null && !has) {
      edits.push({ kind: 'set', key: flag.key, yaml: `${flag.key}: ${JSON.stringify(flag.value)}`, value: flag.value, insertAfter: [] });
    } else if (flag.value === null && has) {
      edits.push({ kind: 'remove', key: flag.key });
    }
  }
  return edits;
}

/**
 * Merge `fresh` into `current`. Front matter that is not valid YAML is left untouched (a conflict), as are regions
 * whose markers are broken; a region or key the user edited by hand is kept and reported. Text outside the managed
 * parts, line endings and a missing final line break are kept byte for byte.
 */
export function mergeNote(current: string, fresh: FreshNote, opts: MergeOptions): MergeResult {
  const out: MergeResult = { text: current, changed: false, conflicts: [], written: { keys: {}, regions: {} } };
  const eol = detectEol(current);
  const span = findFrontMatter(current);
  let text = mergeRegions(current, span ? span.bodyStart : 0, fresh, opts, eol, out);
  if (!span) {
    out.conflicts.push('the note has no front matter: managed keys not written');
    if (opts.recorded) out.written.keys = { ...opts.recorded.keys };
  } else {
    const yaml = current.slice(span.yamlStart, span.yamlEnd);
    const fm = parseFrontMatterYaml(yaml);
    if (!fm) {
      out.conflicts.push('the front matter is not valid YAML (or too unusual to edit safely): left as is');
      if (opts.recorded) out.written.keys = { ...opts.recorded.keys };
    } else {
      const edits = planKeyEdits(fm, fresh, opts, out);
      const nextYaml = applyFrontMatterEdits(fm, edits, eol);
      if (nextYaml === null) {
        out.conflicts.push('the front matter could not be edited without changing other keys: left as is');
        if (opts.recorded) out.written.keys = { ...opts.recorded.keys };
      } else if (nextYaml !== yaml) {
        // Regions lie after the front matter, so its offsets are still valid in `text`.
        text = text.slice(0, span.yamlStart) + nextYaml + text.slice(span.yamlEnd);
      }
    }
  }
  out.text = text;
  out.changed = text !== current;
  return out;
}
