/** Parse argv and dispatch to a command. Separate from main.ts so tests can run the CLI in-process. */
import { parseArgs } from 'node:util';
import { CliUsageError, EXIT_FATAL, EXIT_OK, type CliIO } from './cli-command';
import { COMMANDS } from './commands';
import { errorMessage } from '../core/text';

function help(io: CliIO, commandName?: string): number {
  const command = COMMANDS.find((c) => c.name === commandName);
  if (command) {
    io.out(`${command.summary}\n\nUsage:\n  ${command.usage}\n`);
    return EXIT_OK;
  }
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  io.out(`zotero-concept-notes: Better BibTeX exports to linked Obsidian notes\n\nCommands:\n${lines.join('\n')}\n\nRun "node dist/cli.js help COMMAND" for a command's options.\n`);
  return EXIT_OK;
}

/** Run the CLI with `argv` (without node and script) and return the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(io, rest[0]);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`error: unknown command "${name}" (try "help")\n`);
    return EXIT_FATAL;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ positionals: parsed.positionals, values: parsed.values }, io);
  } catch (err) {
    const message = errorMessage(err);
    if (err instanceof CliUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${message}\nusage: ${command.usage}\n`);
    } else {
      io.err(`error: ${message}\n`);
    }
    return EXIT_FATAL;
  }
}
