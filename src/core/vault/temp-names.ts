/**
 * The names of the temporary files the plugin and the CLI write beside a file before it takes the file's place:
 * `.<file name>.zcn-<12 hex digits>.tmp`. Hidden (a dot first: neither Obsidian nor a listing shows one) and marked
 * as ours, so that cleaning up after a crash removes only files we named, never anything else.
 */

const OWN_TEMP = /^\..+\.zcn-[0-9a-f]{12}\.tmp$/;

/** A temporary name for the next content of the file `name`, from 6 random bytes. */
export function tempFileName(name: string, random: Uint8Array): string {
  const hex = Array.from(random.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
  return `.${name}.zcn-${hex.padEnd(12, '0')}.tmp`;
}

/** Whether a file name is one of our temporary files (of the file `of`, when given). */
export function isOwnTempName(name: string, of?: string): boolean {
  return OWN_TEMP.test(name) && (of === undefined || name.startsWith(`.${of}.zcn-`));
}
