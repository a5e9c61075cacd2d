/** The CLI run in-process, as the tests of tests/cli call it: output captured, the clock fixed. */
import { runCli } from '../../src/cli/run-cli';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI with `argv` at `now` (1 October 2025, 9:30 by default); resolves with its exit code and output. */
export function cliInProcess(argv: string[], now = new Date(2025, 9, 1, 9, 30, 0)): Promise<CliRun> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), now: () => now };
  return runCli(argv, io).then((code) => ({ code, out, err }));
}
