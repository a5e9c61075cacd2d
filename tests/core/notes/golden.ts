/**
 * Golden files: `expectGolden(name, text)` compares with tests/core/notes/__golden__/<name> byte for byte. A missing
 * golden file fails the test (a golden written by the run it checks would prove nothing); UPDATE_GOLDEN=1 writes
 * missing files and rewrites every golden file, for review in the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GOLDEN_DIR = join(__dirname, '__golden__');

/** `dir`: where the golden files are (the tests of this helper use a temporary folder). */
export function expectGolden(name: string, actual: string, dir = GOLDEN_DIR): void {
  const path = join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, actual, 'utf8');
    return;
  }
  if (!existsSync(path)) throw new Error(`Golden file missing: ${path}. Run with UPDATE_GOLDEN=1 to write it, then review it.`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
