/** The shape every CLI command has. Commands print through CliIO and return an exit code; they never exit. */
import type { ParseArgsConfig } from 'node:util';

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
/** Some entries (or notes) failed; the rest was done and printed. */
export const EXIT_PARTIAL = 1;
/** Nothing could be done: unreadable or unrecognised export, bad arguments, missing vault. */
export const EXIT_FATAL = 2;

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** The current time, injectable for tests. */
  now(): Date;
  /** The user's home folder, for "~/" in paths; default: the operating system's. Injectable for tests. */
  home?(): string;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export interface CliCommand {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** Usage line(s) for `help <command>`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** A usage error: printed as one line on stderr, exit code 2. */
export class CliUsageError extends Error {}

/** The string value of an option, or throws a usage error when it is required and missing. */
export function stringOption(args: ParsedArgs, name: string, required: true): string;
export function stringOption(args: ParsedArgs, name: string, required?: false): string | undefined;
export function stringOption(args: ParsedArgs, name: string, required = false): string | undefined {
  const v = args.values[name];
  if (typeof v === 'string' && v !== '') return v;
  if (required) throw new CliUsageError(`missing --${name}`);
  return undefined;
}

/** All values of a repeatable string option. */
export function listOption(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}
