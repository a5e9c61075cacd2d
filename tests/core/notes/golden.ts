/**
 * Golden files: `expectGolden(name, text)` compares with tests/core/notes/__golden__/<name> byte for byte. A missing
 * file is written (and the test passes) except on CI; UPDATE_GOLDEN=1 rewrites every golden file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GOLDEN_DIR = join(__dirname, '__golden__');

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  const update = process.env.UPDATE_GOLDEN === '1';
  if (update || !existsSync(path)) {
    if (!update && process.env.CI) throw new Error(`Golden file missing on CI: ${path}`);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual, 'utf8');
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
