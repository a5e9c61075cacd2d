/**
 * `--collection NAME` (repeatable) and `--whole-library`, shared by `sync` and `list`: the collections a sync is
 * limited to. Precedence: `--collection` given on the command line, else none with `--whole-library`, else the
 * plugin's "Collections to sync" (data.json of the vault), else the whole library.
 */
import { CliUsageError, listOption, type ParsedArgs } from './cli-command';

export const COLLECTION_OPTIONS = {
  collection: { type: 'string', multiple: true },
  'whole-library': { type: 'boolean' },
} as const;

/** The collections to sync (none: the whole library), from the options over `fromSettings`. */
export function collectionsOf(args: ParsedArgs, fromSettings: readonly string[]): string[] {
  const given = listOption(args, 'collection').map((name) => name.trim());
  const whole = args.values['whole-library'] === true;
  if (given.length > 0 && whole) throw new CliUsageError('--collection and --whole-library exclude each other');
  if (given.some((name) => name === '')) throw new CliUsageError('--collection needs the name of a collection (its path, "Reading/MLLM", or its own name)');
  if (whole) return [];
  return given.length > 0 ? given : [...fromSettings];
}
