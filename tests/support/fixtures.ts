/**
 * The real BBT exports live outside the repo, in ../shared/fixtures (listed, with their public sources, in
 * tests/fixtures/manifest.json); they are read there, never copied in. ZCN_FIXTURES overrides the location.
 * jest.config.js leaves out every suite that imports this module when the folder is absent (see
 * shared-fixtures.js), so a suite that gets here anyway without the folder is a mistake: it fails loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES_DIR = process.env.ZCN_FIXTURES ? resolve(process.env.ZCN_FIXTURES) : resolve(__dirname, '../../../shared/fixtures');

if (!existsSync(FIXTURES_DIR)) {
  throw new Error(`Fixture folder not found: ${FIXTURES_DIR} (set ZCN_FIXTURES to the shared fixtures folder)`);
}

/** Path of a fixture, relative to the fixtures folder, e.g. "bbt/arxiv-identifiers-460.biblatex.bib". */
export function fixturePath(relative: string): string {
  return join(FIXTURES_DIR, relative);
}

/** Text of a fixture, relative to the fixtures folder. */
export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}
