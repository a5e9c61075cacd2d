/** The CLI's commands, in the order `help` lists them. Each lives in a file of its own. */
import type { CliCommand } from '../cli-command';
import { citationsCommand } from './citations';
import { conceptsCommand } from './concepts';
import { importCommand } from './import';
import { listCommand } from './list';
import { summaryCommand } from './summary';
import { syncCommand } from './sync';

export const COMMANDS: CliCommand[] = [listCommand, syncCommand, importCommand, summaryCommand, conceptsCommand, citationsCommand];
