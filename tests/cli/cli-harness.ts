/** Running the CLI in-process for tests: its exit code and everything it printed, and files written into a temp vault. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI with `argv`; "now" is 1 October 2025 unless given. */
export async function runCliCapture(argv: string[], now = new Date(2025, 9, 1)): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t), now: () => now });
  return { code, out, err };
}

/** Write `text` at `rel` below `dir`, creating folders. */
export function writeIn(dir: string, rel: string, text: string): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}
