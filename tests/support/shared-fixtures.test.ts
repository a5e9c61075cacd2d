/** The rule that lets a clone without the shared fixtures pass `npm test`: which suites read them, and are they here. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as shared from './shared-fixtures.js';

const ROOT = resolve(__dirname, '../..');

describe('suites that read the shared fixtures', () => {
  it('are found through the helpers they import, and only those', () => {
    const suites = shared.suitesReadingFixtures(ROOT);
    expect(suites).toContain('tests/fixtures/manifest.test.ts'); // imports fixtures.ts directly
    expect(suites).toContain('tests/core/library/fixtures/large-libraries.test.ts'); // through read-fixture.ts
    expect(suites).toContain('tests/core/notes/render-note.golden.test.ts'); // through golden-papers.ts
    expect(suites).not.toContain('tests/obsidian/plugin/plugin.test.ts');
    expect(suites).not.toContain('tests/support/shared-fixtures.test.ts');
    expect(suites.every((s) => s.endsWith('.test.ts'))).toBe(true);
  });
});

describe('whether the fixtures are here', () => {
  const saved = process.env.ZCN_FIXTURES;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zcn-fixtures-'));
    process.env.ZCN_FIXTURES = dir;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.ZCN_FIXTURES;
    else process.env.ZCN_FIXTURES = saved;
  });

  it('counts every file as missing in an empty or absent folder', () => {
    const empty = shared.missingFixtures(ROOT);
    expect(empty.dir).toBe(dir);
    expect(empty.missing).toHaveLength(empty.total);
    process.env.ZCN_FIXTURES = join(dir, 'absent');
    expect(shared.missingFixtures(ROOT).missing).toHaveLength(empty.total);
  });

  it('names the files that are missing from a partial folder', () => {
    const file = join(dir, 'bbt', 'arxiv-identifiers-460.biblatex.bib');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    const partial = shared.missingFixtures(ROOT);
    expect(partial.missing).toHaveLength(partial.total - 1);
    expect(partial.missing).not.toContain('bbt/arxiv-identifiers-460.biblatex.bib');
  });
});
