/** The CLI's commands, in the order `help` lists them. Each lives in a file of its own. */
import type { CliCommand } from '../cli-command';

export const COMMANDS: CliCommand[] = [];
